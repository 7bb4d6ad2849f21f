/** Day-first (most of the world) or month-first (United States and a few others) for dates like 03/04/2025. */
export type DateOrder = 'dmy' | 'mdy';

/** Countries whose people write month first. */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'PR', 'AS', 'VI', 'MP', 'UM', 'BZ']);

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const WORD_DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/.]+(?:de\s+)?([a-zç]{3,})\.?[ \-/.,]+(?:de\s+)?(\d{4})$/i;
const WORD_MONTH_DAY = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const MONTHS: Record<string, number> = {
  jan: 1, ene: 1, feb: 2, fev: 2, mar: 3, apr: 4, abr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, ago: 8,
  sep: 9, set: 9, oct: 10, out: 10, nov: 11, dec: 12, dic: 12, dez: 12,
};

/** Which order the file's numeric dates use: what the days prove (a part above 12), else the country's habit. */
export function inferDateOrder(values: Iterable<string>, country: string | undefined): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
    if (dayFirst && monthFirst) break;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  return country && MONTH_FIRST.has(country) ? 'mdy' : 'dmy';
}

function build(y: number, mo: number, d: number, h = 12, mi = 0, s = 0, ms = 0, offsetMin = 0): string | undefined {
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
  const check = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 31 April over to 1 May; a consent date that does not exist is unreadable, not moved.
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return new Date(t).toISOString();
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/**
 * Reads a consent date as spreadsheets write it: ISO 8601 (with or without time and offset), 2025-03-04,
 * 04/03/2025 in the file's order, 4 Mar 2025 / 4 de marzo de 2025 / March 4, 2025, Excel serial days, and Unix
 * seconds or milliseconds. A date without a time is taken as noon UTC (so no time zone moves it to another day);
 * a time without an offset as UTC. Returns an ISO UTC timestamp, or undefined when unreadable.
 */
export function parseConsentDate(raw: string, order: DateOrder): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  let m = ISO.exec(value);
  if (m) {
    const hasTime = m[4] !== undefined;
    let offset = 0;
    const zone = m[8];
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return hasTime
      ? build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms, offset)
      : build(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = NUMERIC.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    let hour = m[4] === undefined ? 12 : Number(m[4]);
    const meridiem = m[7]?.toLowerCase().replace(/\./g, '');
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    return build(fullYear(m[3]!), month, day, hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = WORD_DAY_MONTH.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    return month ? build(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = WORD_MONTH_DAY.exec(value);
  if (m) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    return month ? build(Number(m[3]), month, Number(m[2])) : undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    // Excel serial day numbers (1970–2119); 10 digits are Unix seconds, 13 are milliseconds.
    if (n >= 25_569 && n < 80_000) {
      const days = Number.isInteger(n) ? n + 0.5 : n;
      return new Date(Math.round((days - 25_569) * 86_400_000)).toISOString();
    }
    if (/^\d{10}$/.test(value)) return new Date(n * 1000).toISOString();
    if (/^\d{13}$/.test(value)) return new Date(n).toISOString();
  }
  return undefined;
}
