// The calendar years that hold dated events, for measures computed year by year (balance --by year).
import { z } from 'zod';
import type { SqlValue, Store } from './store.js';

const YearRow = z.object({ year: z.coerce.number().int() });

/** Years with at least one dated, real (not negated, not hypothetical) event within [from, to], ascending. */
export async function eventYears(store: Store, range: { readonly from?: string; readonly to?: string } = {}): Promise<number[]> {
  const params: SqlValue[] = [];
  const where = ['date_start IS NOT NULL', 'NOT negated', 'NOT hypothetical'];
  if (range.from) where.push(`date_start >= $${params.push(range.from)}::DATE`);
  if (range.to) where.push(`date_start <= $${params.push(range.to)}::DATE`);
  const rows = await store.all(`SELECT DISTINCT year(date_start)::INTEGER AS year FROM events WHERE ${where.join(' AND ')} ORDER BY year`, params);
  return rows.map((r) => YearRow.parse(r).year);
}
