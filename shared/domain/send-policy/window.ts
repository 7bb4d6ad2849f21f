/**
 * The customer-service window: a customer's own message lets the shop answer free-form for 24 hours. A STOP is a
 * customer message too, but it must not open the door to free-form texts: after it only the one "you're
 * unsubscribed" reply may go, and free-form replies open again only when the customer writes again.
 */
import { USER_PREFERENCES_SOURCE } from '../consent/event';

/** How long a customer's message keeps the window open (Meta's customer-service window). */
export const SERVICE_WINDOW_MS = 24 * 3600_000;

/** What the window rules read about a contact. */
export interface WindowFacts {
  /** The customer's latest inbound message (any text, STOP included). */
  lastInboundAt: string | null;
  /** The customer's latest STOP (a revocation by their own message); unset when they never sent one. */
  lastStopAt?: string | null | undefined;
}

/** When the window opened by the latest inbound message closes (ms), or undefined with no inbound message. */
export function windowClosesAt(lastInboundAt: string | null | undefined): number | undefined {
  if (!lastInboundAt) return undefined;
  const at = Date.parse(lastInboundAt);
  return Number.isFinite(at) ? at + SERVICE_WINDOW_MS : undefined;
}

/** True while the latest inbound message keeps the 24 h window open (templates are then free of the daily limit). */
export function isWindowOpen(lastInboundAt: string | null | undefined, now: number): boolean {
  const closes = windowClosesAt(lastInboundAt);
  return closes !== undefined && closes > now;
}

/** True when the customer's latest message was a STOP: no free-form text until they write again. */
export function stoppedSinceLastMessage(facts: WindowFacts): boolean {
  if (!facts.lastStopAt) return false;
  if (!facts.lastInboundAt) return true;
  // Meta stamps messages in whole seconds: a message in the same second as the STOP is not known to be after it.
  return Date.parse(facts.lastStopAt) >= Date.parse(facts.lastInboundAt);
}

/**
 * Until when staff may send free-form texts (ms), or undefined when they may not: the window is closed, or the
 * customer's latest message was a STOP.
 */
export function freeFormOpenUntil(facts: WindowFacts, now: number): number | undefined {
  if (stoppedSinceLastMessage(facts)) return undefined;
  const closes = windowClosesAt(facts.lastInboundAt);
  return closes !== undefined && closes > now ? closes : undefined;
}

/**
 * When the customer last said STOP in a message of their own (a keyword or stop button: the revocation carries
 * their message), from their consent events. WhatsApp's own "stop marketing" control is not a message to the shop
 * and does not count.
 */
export function lastStopOf(
  events: readonly { type: string; source: string; occurredAt: string; evidence: { inboundMessageId?: string | undefined; keyword?: string | undefined } }[],
): string | undefined {
  let last: string | undefined;
  let lastMs = -Infinity;
  for (const event of events) {
    if (event.type !== 'revoked' || event.source === USER_PREFERENCES_SOURCE) continue;
    if (event.evidence.inboundMessageId === undefined && event.evidence.keyword === undefined) continue;
    const at = Date.parse(event.occurredAt);
    if (at > lastMs) {
      lastMs = at;
      last = event.occurredAt;
    }
  }
  return last;
}
