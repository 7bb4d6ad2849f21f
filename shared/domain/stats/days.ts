/** Calendar days as `YYYY-MM-DD` keys in the shop's local time. */

const MS_PER_DAY = 86_400_000;

/** The local calendar day of an instant, given the UTC offset (minutes east of UTC) in force at that instant. */
export function dayKey(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (negative goes back); pure calendar arithmetic, no time zone involved. */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function lastDays(lastDay: string, count: number): string[] {
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(shiftDay(lastDay, -i));
  return days;
}

/** Maps an instant to its local day; the offset comes from a function so daylight-saving changes are honoured. */
export type DayOf = (ms: number) => string;

const QUARTER_HOUR = 900_000;

/**
 * A DayOf for a time-zone offset function (e.g. the machine's: `(ms) => -new Date(ms).getTimezoneOffset()`).
 * Memoised per quarter hour: every real offset and every daylight-saving switch falls on a quarter hour, and the
 * dashboard asks for the day of many instants close together (100,000 outbox items per request).
 */
export function dayOfWithOffset(offsetMinutes: (ms: number) => number): DayOf {
  const memo = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / QUARTER_HOUR);
    let day = memo.get(slot);
    if (day === undefined) {
      if (memo.size >= 50_000) memo.clear();
      day = dayKey(ms, offsetMinutes(ms));
      memo.set(slot, day);
    }
    return day;
  };
}
