// Days on ClickHouse rows as integers: days since 1970-01-01 (negative before it) and YYYYMMDD, because its Date type
// covers only 1970–2105 and turns older days into zero without an error.
import { UserError } from '../../model/errors.js';

/** A day as ClickHouse rows store it. */
export interface EncodedDay {
  /** Days since 1970-01-01; negative before it. */
  readonly num: number;
  /** Year × 10000 + month × 100 + day, e.g. 20120815. */
  readonly ymd: number;
}

/** The years a stored day may have: four digits, so that YYYYMMDD and the period labels read from it stay well formed. */
export const DAY_YEARS = { first: 1000, last: 9999 } as const;

const MS_PER_DAY = 86_400_000;

/** Encodes a YYYY-MM-DD day; anything else, an impossible day or a year outside DAY_YEARS is a user error naming `what`. */
export function encodeDay(day: string, what = 'day'): EncodedDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const fail = (why: string) => new UserError('store/clickhouse', `${what} "${day}" ${why}`, { field: what });
  if (!m) throw fail('is not a day written YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < DAY_YEARS.first || y > DAY_YEARS.last) throw fail(`is outside the years ${DAY_YEARS.first}–${DAY_YEARS.last}`);
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) throw fail('is not a day of the calendar');
  return { num: Math.round(t.getTime() / MS_PER_DAY), ymd: y * 10000 + mo * 100 + d };
}

/** The YYYY-MM-DD day of a YYYYMMDD number. */
export function dayOfYmd(ymd: number): string {
  const s = String(ymd);
  if (!/^\d{8}$/.test(s)) throw new Error(`store/clickhouse: ${ymd} is not a stored day (YYYYMMDD)`);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
