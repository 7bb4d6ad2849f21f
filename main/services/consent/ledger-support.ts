import { randomFillSync } from 'node:crypto';
import type { ConsentEvent, NewConsentEvent } from '../../../shared/domain/consent/event';
import { ConsentEventInvalidError, sealEvent, type SealOptions } from '../../../shared/domain/consent/hash-chain';
import { AppError } from '../app-error';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { emptyDerived, type ContactRecord } from './contact-record';

/** A contact as an import names it: number (E.164), and optionally a name and tags. */
export type ContactInput = { phone: string; name?: string; tags?: string[] };

/**
 * What ensureContacts stores for each item, without writing anything: a new contact for an unknown number; for a
 * known one, the given name replaces the stored one (the file is the newer word) and tags are added, never removed.
 */
export function resolveContacts(
  items: readonly ContactInput[],
  now: string,
  existingFor: (phone: string) => ContactRecord | undefined,
  newId: () => string,
): { record: ContactRecord; created: boolean; updated: boolean }[] {
  return items.map((input) => {
    const name = input.name?.trim() ?? '';
    const existing = existingFor(input.phone);
    if (!existing) {
      const record: ContactRecord = {
        id: newId(), phone: input.phone, name, tags: uniqueSorted(input.tags ?? []), createdAt: now,
        updatedAt: now, lastInboundAt: null, eventCount: 0, head: null, derived: emptyDerived(),
      };
      return { record, created: true, updated: false };
    }
    const tags = uniqueSorted(input.tags?.length ? [...existing.tags, ...input.tags] : existing.tags);
    const renamed = name !== '' && name !== existing.name;
    if (!renamed && tags.length === existing.tags.length) return { record: existing, created: false, updated: false };
    const record = { ...existing, name: renamed ? name : existing.name, tags, updatedAt: now };
    return { record, created: false, updated: true };
  });
}

/** Tags without repeats, sorted; most imported contacts have none or one, which need no Set. */
export function uniqueSorted(tags: readonly string[]): string[] {
  return tags.length < 2 ? [...tags] : [...new Set(tags)].sort();
}

/** sealEvent with a refusal turned into the error the UI shows. */
export function sealValid(input: NewConsentEvent, options: SealOptions): ConsentEvent {
  try {
    return sealEvent(input, options);
  } catch (error) {
    if (error instanceof ConsentEventInvalidError) {
      throw new AppError('invalid_argument', `The consent event is not valid: ${error.problems.join('; ')}.`);
    }
    throw error;
  }
}

/**
 * Randomness for ULIDs from a pooled crypto buffer. The library's default asks the OS for one byte per character
 * (16 calls an id), which showed up in imports that create a hundred thousand ids.
 */
export function pooledRandom(): () => number {
  const pool = Buffer.alloc(4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    return pool[at++]! / 256;
  };
}

/** Revocations and bounces being recorded for one contact. */
export interface HeldConsent {
  revoking: ConsentPurpose[];
  bouncing: boolean;
}

/**
 * Revocations and bounces submitted to the ledger and not yet durable, per contact. The sender's last-moment check
 * treats them as done, so an opt-out holds back sends from the instant it is submitted. Counted, because writes for
 * the same contact may overlap.
 */
export class PendingRevocations {
  private readonly held = new Map<string, { revoking: Map<ConsentPurpose, number>; bouncing: number }>();

  /** Marks what these drafts revoke or bounce (synchronously); returns the release, to call once written or failed. */
  hold(items: readonly { contactId: string; drafts: readonly { type: string; purpose: ConsentPurpose }[] }[]): () => void {
    const marks: { contactId: string; purpose?: ConsentPurpose; bounce?: true }[] = [];
    for (const { contactId, drafts } of items) {
      for (const draft of drafts) {
        if (draft.type === 'revoked') marks.push({ contactId, purpose: draft.purpose });
        else if (draft.type === 'bounced') marks.push({ contactId, bounce: true });
      }
    }
    if (marks.length === 0) return () => undefined;
    for (const mark of marks) {
      const entry = this.entry(mark.contactId);
      if (mark.purpose) entry.revoking.set(mark.purpose, (entry.revoking.get(mark.purpose) ?? 0) + 1);
      if (mark.bounce) entry.bouncing += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const mark of marks) {
        const entry = this.held.get(mark.contactId);
        if (!entry) continue;
        if (mark.purpose) {
          const left = (entry.revoking.get(mark.purpose) ?? 1) - 1;
          if (left > 0) entry.revoking.set(mark.purpose, left);
          else entry.revoking.delete(mark.purpose);
        }
        if (mark.bounce) entry.bouncing -= 1;
        if (entry.revoking.size === 0 && entry.bouncing <= 0) this.held.delete(mark.contactId);
      }
    };
  }

  /** What is being recorded for the contact right now, or undefined when nothing is. */
  of(contactId: string): HeldConsent | undefined {
    const entry = this.held.get(contactId);
    return entry ? { revoking: [...entry.revoking.keys()], bouncing: entry.bouncing > 0 } : undefined;
  }

  private entry(contactId: string): { revoking: Map<ConsentPurpose, number>; bouncing: number } {
    let entry = this.held.get(contactId);
    if (!entry) this.held.set(contactId, (entry = { revoking: new Map(), bouncing: 0 }));
    return entry;
  }
}
