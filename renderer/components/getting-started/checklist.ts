/** The Getting started checklist, derived from what is really in the data (never ticked by hand). */

/** The four first steps, in the order the page lists them. */
export const STEPS = ['poster', 'optIn', 'testMessage', 'connect'] as const;

/** One of {@link STEPS}. */
export type Step = (typeof STEPS)[number];

/** The facts each step is read from. */
export interface ChecklistFacts {
  /** Entry points saved: a QR poster is printed from one (the Posters page needs one). */
  entryPoints: number;
  /** Contacts who ever confirmed consent for a purpose (opted in now or since stopped: the first opt-in happened). */
  optedIn: number;
  /** Messages that left the outbox (sent, in sandbox too) in the dashboard's longest window. */
  messagesSent: number;
  /** The connection's mode: only a live connection counts as WhatsApp connected. */
  mode: 'sandbox' | 'live' | 'not_connected';
}

/** Each step with whether it is done, and where the owner goes to do it. */
export function checklist(facts: ChecklistFacts): { step: Step; done: boolean; route: string }[] {
  return [
    { step: 'poster', done: facts.entryPoints > 0, route: 'posters' },
    { step: 'optIn', done: facts.optedIn > 0, route: 'counter' },
    { step: 'testMessage', done: facts.messagesSent > 0, route: 'contacts' },
    { step: 'connect', done: facts.mode === 'live', route: 'settings' },
  ];
}
