import { describe, expect, it } from 'vitest';
import { checklist, STEPS } from '../../../../renderer/components/getting-started/checklist';

const none = { entryPoints: 0, optedIn: 0, messagesSent: 0, mode: 'sandbox' as const };
const doneOf = (facts: Parameters<typeof checklist>[0]) => Object.fromEntries(checklist(facts).map((s) => [s.step, s.done]));

describe('Getting started checklist', () => {
  it('starts with nothing ticked, in the order the page lists the steps', () => {
    expect(checklist(none).map((s) => s.step)).toEqual([...STEPS]);
    expect(doneOf(none)).toEqual({ poster: false, optIn: false, testMessage: false, connect: false });
  });

  it('ticks each step from its own fact only', () => {
    expect(doneOf({ ...none, entryPoints: 1 })).toEqual({ poster: true, optIn: false, testMessage: false, connect: false });
    expect(doneOf({ ...none, optedIn: 1 })).toEqual({ poster: false, optIn: true, testMessage: false, connect: false });
    expect(doneOf({ ...none, messagesSent: 2 })).toEqual({ poster: false, optIn: false, testMessage: true, connect: false });
  });

  it('counts only a live connection as WhatsApp connected (the sandbox is not)', () => {
    expect(doneOf({ ...none, mode: 'sandbox' }).connect).toBe(false);
    expect(doneOf({ ...none, mode: 'not_connected' }).connect).toBe(false);
    expect(doneOf({ ...none, mode: 'live' }).connect).toBe(true);
  });

  it('links each open step to the page that does it', () => {
    expect(checklist(none).map((s) => s.route)).toEqual(['posters', 'counter', 'contacts', 'settings']);
  });
});
