import type { Slice } from './slice';

const STAFF_KEY = 'od-staff-member';

function readStaff(): string {
  try {
    return localStorage.getItem(STAFF_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Counter work: who is at the till, remembered between opt-ins (and app restarts) so staff type it once. */
export interface CounterSlice {
  staffMember: string;
  setStaffMember(name: string): void;
}

export const createCounterSlice: Slice<CounterSlice> = (set) => ({
  staffMember: readStaff(),
  setStaffMember(name) {
    set({ staffMember: name });
    try {
      localStorage.setItem(STAFF_KEY, name);
    } catch {
      // Storage can be unavailable (private windows); remembering is a convenience, not a requirement.
    }
  },
});
