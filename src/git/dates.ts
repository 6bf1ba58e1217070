/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC so a build gives the same answer in every time zone. */

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day of an ISO 8601 timestamp in its own offset (`2024-03-01T23:30:00-05:00` → `2024-03-01`). */
export function dayOfTimestamp(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** `2024-01-31` + 1 month → `2024-02-29`: the day is clamped to the end of a shorter month. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(date, lastDay));
  return isoDay(firstOfTarget);
}

/** Whole calendar months from `from` to `to` (both `YYYY-MM-DD`), never negative. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}


// Made on first use: creating it loads the locale's data (≈ 20 ms), which the build's processes
// that only compare dates (the build command, the check) never need.
let longDate: Intl.DateTimeFormat | undefined;

/** `2019-07-26` → `July 26, 2019`, for readers. */
export function formatDay(day: string): string {
  longDate ??= new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  return longDate.format(new Date(`${day}T00:00:00Z`));
}
