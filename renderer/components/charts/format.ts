/** Locale formatting shared by the charts: numbers, and `YYYY-MM-DD` day keys as short dates. */

/** A number formatter for the UI language. */
export function numberFormat(language: string): (n: number) => string {
  const format = new Intl.NumberFormat(language);
  return (n) => format.format(n);
}

/** Formats a day key ("2025-04-03") as a short local date ("3 Apr"); the key is already a local day, so UTC. */
export function dayFormat(language: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }): (day: string) => string {
  const format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}
