/** Pure proleptic-Gregorian date arithmetic and TIMEX3 value formatting. No Date objects, no clock. */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm). */
export function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function fromDays(z0: number): Ymd {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** ISO weekday, Monday 1 .. Sunday 7. */
export function weekday(date: Ymd): number {
  const w = (toDays(date) + 3) % 7; // 1970-01-01 was a Thursday (ISO 4)
  return (w < 0 ? w + 7 : w) + 1;
}

export function addDays(date: Ymd, n: number): Ymd {
  return fromDays(toDays(date) + n);
}

export function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
}

/** Adds months, clamping the day ("Jan 31" + 1 month = "Feb 28/29"). */
export function addMonths(date: Ymd, n: number): Ymd {
  const idx = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** ISO week-year and week number. */
export function isoWeek(date: Ymd): { y: number; w: number } {
  const days = toDays(date);
  const thursday = fromDays(days - weekday(date) + 4);
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((days - weekday(date) + 4 - jan1) / 7) + 1 };
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export const fmtYear = (y: number): string => pad(y, 4);
export const fmtMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export const fmtDay = (date: Ymd): string => `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
export const fmtWeek = (date: Ymd): string => {
  const { y, w } = isoWeek(date);
  return `${pad(y, 4)}-W${pad(w)}`;
};
export const fmtTime = (h: number, min: number): string => `T${pad(h)}:${pad(min)}`;

/** Quarter 1..4 of a month. */
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** TIMEX3 season of a month (WI Dec-Feb, SP Mar-May, SU Jun-Aug, FA Sep-Nov) and its index 0..3. */
export const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'] as const;
export function seasonIndexOf(m: number): number {
  return m === 12 ? 0 : Math.floor(m / 3) % 4;
}

/** Parses the date part of an ISO date/datetime ("2024-08-06", "2024-08-06T10:00Z"), or null. */
export function parseIsoDate(value: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** A TIMEX3 calendar value split into its granularity, or null for REF/duration/underspecified values. */
export type Granular =
  | { g: 'day'; date: Ymd; suffix: string }
  | { g: 'month'; y: number; m: number }
  | { g: 'quarter'; y: number; q: number }
  | { g: 'year'; y: number }
  | { g: 'week'; y: number; w: number };

export function parseGranular(value: string): Granular | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return isValidDate(y, mo, d) ? { g: 'day', date: { y, m: mo, d }, suffix: m[4] ?? '' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { g: 'month', y: Number(m[1]), m: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { g: 'quarter', y: Number(m[1]), q: Number(m[2]) };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return { g: 'week', y: Number(m[1]), w: Number(m[2]) };
  m = /^(\d{4})$/.exec(value);
  if (m) return { g: 'year', y: Number(m[1]) };
  return null;
}

/** Shifts a TIMEX3 calendar value by whole years, keeping its granularity ("1989-Q3" - 1 = "1988-Q3"). */
export function shiftYears(value: string, n: number): string | null {
  const g = parseGranular(value);
  if (!g) return null;
  switch (g.g) {
    case 'day':
      return fmtDay(addMonths(g.date, 12 * n));
    case 'month':
      return fmtMonth(g.y + n, g.m);
    case 'quarter':
      return `${fmtYear(g.y + n)}-Q${g.q}`;
    case 'week':
      return `${fmtYear(g.y + n)}-W${pad(g.w)}`;
    case 'year':
      return fmtYear(g.y + n);
  }
}

export type Gran = 'year' | 'month' | 'week' | 'day' | 'quarter' | 'decade' | 'century' | 'weekend';

/** Placeholder value for a granularity when there is no reference date. */
const UNKNOWN: Record<Gran, string> = {
  year: 'XXXX', month: 'XXXX-XX', week: 'XXXX-WXX', day: 'XXXX-XX-XX', quarter: 'XXXX-QX', decade: 'XXX', century: 'XX', weekend: 'XXXX-WXX-WE',
};

/**
 * The period `n` units away from the reference, at that unit's granularity:
 * deictic(2024-08-06, 'week', -1) = "2024-W31"; deictic(ref, 'quarter', -1) = "2024-Q2".
 */
export function deictic(ref: Ymd | null, gran: Gran, n: number): string {
  if (!ref) return UNKNOWN[gran];
  switch (gran) {
    case 'year':
      return fmtYear(ref.y + n);
    case 'month': {
      const d = addMonths(ref, n);
      return fmtMonth(d.y, d.m);
    }
    case 'week':
      return fmtWeek(addDays(ref, 7 * n));
    case 'weekend':
      return `${fmtWeek(addDays(ref, 7 * n))}-WE`;
    case 'day':
      return fmtDay(addDays(ref, n));
    case 'quarter': {
      const idx = ref.y * 4 + quarterOf(ref.m) - 1 + n;
      const y = Math.floor(idx / 4);
      return `${fmtYear(y)}-Q${idx - y * 4 + 1}`;
    }
    case 'decade':
      return String(Math.floor(ref.y / 10) + n).padStart(3, '0');
    case 'century':
      return String(Math.floor(ref.y / 100) + n).padStart(2, '0');
  }
}
