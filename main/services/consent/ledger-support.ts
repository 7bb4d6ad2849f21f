import { randomFillSync } from 'node:crypto';
import type { ConsentEvent, NewConsentEvent } from '../../../shared/domain/consent/event';
import { ConsentEventInvalidError, sealEvent, type SealOptions } from '../../../shared/domain/consent/hash-chain';
import { AppError } from '../app-error';
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
