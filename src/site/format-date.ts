/** Human dates for ISO `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a day. */
const DAY = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** `2025-10-13` → `Oct 13, 2025` */
export function formatDay(iso: string): string {
  return DAY.format(utc(iso));
}

/** `2025-10-13` → `Monday, October 13, 2025` */
export function formatLongDay(iso: string): string {
  return LONG_DAY.format(utc(iso));
}

/** `2025`, `10` → `October 2025` */
export function formatMonth(year: string, month: string): string {
  return MONTH.format(utc(`${year}-${month}-01`));
}
