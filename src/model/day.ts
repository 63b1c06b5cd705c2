// Calendar days and the compact date forms (2025-03-03, 2025-03, 2025, 2020s, "summer 2024"), without Zod, so the CLI can check bounds at startup.

/** A date form read as a closed interval of days with its precision. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
  readonly precision: 'day' | 'month' | 'season' | 'year' | 'decade';
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar day written YYYY-MM-DD (rejects 2025-02-30). */
export function isCalendarDay(s: string): boolean {
  const m = isoDay.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days in month `mo` (1–12) of year `y`. */
export function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const seasons: Record<string, [string, string]> = {
  spring: ['03-01', '05-31'],
  summer: ['06-01', '08-31'],
  autumn: ['09-01', '11-30'],
  fall: ['09-01', '11-30'],
};

/** Parses `2025-03-03`, `2025-03`, `2025`, `2020s` or `summer 2024` into the days it covers. */
export function parseDateForm(text: string): DayRange | { error: string } {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if (isoDay.test(s)) {
    return isCalendarDay(s) ? { start: s, end: s, precision: 'day' } : { error: `"${s}" is not a real calendar date` };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return { error: `"${s}" has no month ${mo}` };
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(daysInMonth(y, mo)).padStart(2, '0')}`, precision: 'month' };
  }
  if (/^\d{4}$/.test(s)) return { start: `${s}-01-01`, end: `${s}-12-31`, precision: 'year' };
  if ((m = /^(\d{3})0s$/.exec(s))) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, precision: 'decade' };
  if ((m = /^(spring|summer|autumn|fall|winter) (\d{4})$/i.exec(s))) {
    const season = m[1].toLowerCase();
    const y = Number(m[2]);
    if (season === 'winter') {
      return { start: `${y - 1}-12-01`, end: `${y}-02-${String(daysInMonth(y, 2)).padStart(2, '0')}`, precision: 'season' };
    }
    const [a, b] = seasons[season];
    return { start: `${y}-${a}`, end: `${y}-${b}`, precision: 'season' };
  }
  return { error: `"${s}" is not a date such as 2025-03-03, 2025-03, 2025, 2020s or "summer 2024"` };
}

/** Parses a CLI bound `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into its first (`from`) or last (`to`) day. */
export function boundDay(value: string, side: 'from' | 'to'): string | null {
  const r = parseDateForm(value);
  if ('error' in r) return null;
  return side === 'from' ? r.start : r.end;
}
