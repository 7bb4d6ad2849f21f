import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import type { ConversationEntry, InboundEntry, OutboundEntry } from '../../../shared/contract/messages';
import { api } from '../../api';

/** News for the live region: one of our messages moved to a new state, or the customer wrote. */
export type ConversationChange = { kind: 'state'; message: OutboundEntry; state: string } | { kind: 'inbound'; message: InboundEntry };

/** A contact's conversation (oldest first) and window, kept fresh by `outbox:changed` for this contact and contact changes. */
export function useContactMessages(contactId: string | null): {
  messages: ConversationEntry[] | null;
  windowOpenUntil: string | null;
  error: ApiError | null;
  /** The latest change, for the live region. */
  lastChange: ConversationChange | null;
  reload(): void;
} {
  // Everything loaded is tagged with its contact, so switching contacts shows nothing stale (no reset effect needed).
  const [data, setData] = useState<{ contactId: string; messages: ConversationEntry[]; windowOpenUntil: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lastChange, setLastChange] = useState<{ contactId: string; change: ConversationChange } | null>(null);
  const [loads, setLoads] = useState(0);
  const known = useRef({ contactId: '', loaded: false, states: new Map<string, string>() });
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    if (!contactId) return;
    if (known.current.contactId !== contactId) known.current = { contactId, loaded: false, states: new Map() };
    let live = true;
    void api.messages.forContact({ contactId }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      // Announce only what changed since the last load (a first load is not news).
      const seen = known.current;
      let change: ConversationChange | null = null;
      for (const m of result.value.messages) {
        const state = m.direction === 'outbound' ? m.state : 'inbound';
        const before = seen.states.get(m.id);
        if (seen.loaded && before !== state) {
          change = m.direction === 'outbound' ? { kind: 'state', message: m, state } : { kind: 'inbound', message: m };
        }
        seen.states.set(m.id, state);
      }
      seen.loaded = true;
      if (change) setLastChange({ contactId, change });
      setData({ contactId, messages: result.value.messages, windowOpenUntil: result.value.windowOpenUntil });
    });
    return () => {
      live = false;
    };
  }, [contactId, loads]);

  useEffect(() => {
    if (!contactId) return;
    const offOutbox = api.events.subscribe('outbox:changed', ({ items }) => {
      if (items.some((item) => item.contactId === contactId)) reload();
    });
    // An inbound message (STOP, YES, a question) joins the conversation, changes the window and may queue a reply.
    const offData = api.events.subscribe('data:changed', ({ domain }) => {
      if (domain === 'contacts' || domain === 'outbox') reload();
    });
    return () => {
      offOutbox();
      offData();
    };
  }, [contactId, reload]);

  const current = data && data.contactId === contactId ? data : null;
  return {
    messages: current?.messages ?? null,
    windowOpenUntil: current?.windowOpenUntil ?? null,
    error,
    lastChange: lastChange && lastChange.contactId === contactId ? lastChange.change : null,
    reload,
  };
}
