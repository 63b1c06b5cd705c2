// Dated intervals with a precision, so "in 2024" and "3 March 2025" can be compared and overlapped.
import { z } from 'zod';
import { isCalendarDay, parseDateForm } from './day.js';

export const Precision = z.enum(['day', 'month', 'season', 'year', 'decade', 'unknown']);
export type Precision = z.infer<typeof Precision>;

export { boundDay, daysInMonth, isCalendarDay } from './day.js';

export const IsoDay = z.string().refine(isCalendarDay, { message: 'must be a real date written YYYY-MM-DD' });

/** A closed interval of days with the precision the source gave it. */
export const DateInterval = z
  .object({ start: IsoDay, end: IsoDay, precision: Precision })
  .refine((d) => d.start <= d.end, { message: 'start must not be after end', path: ['end'] });
export type DateInterval = z.infer<typeof DateInterval>;

/**
 * Parses the compact date forms used in curated YAML: `2025-03-03`, `2025-03`, `2025`, `2020s`,
 * `summer 2024`, or an explicit `{ start, end, precision }` object.
 */
export function parseLooseDate(value: unknown): DateInterval | { error: string } {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const r = DateInterval.safeParse(value);
    return r.success ? r.data : { error: r.error.issues.map((i) => `${i.path.join('.') || 'date'}: ${i.message}`).join('; ') };
  }
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return { error: 'must be a date such as 2025-03-03, 2025-03, 2025 or {start, end, precision}' };
  return parseDateForm(value);
}

/** Zod schema accepting the compact forms of parseLooseDate and producing a DateInterval. */
export const LooseDate = z.unknown().transform((v, ctx): DateInterval => {
  const r = parseLooseDate(v);
  if ('error' in r) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r;
});

/** True when two intervals share at least one day. */
export function overlaps(a: DateInterval, b: DateInterval): boolean {
  return a.start <= b.end && b.start <= a.end;
}
