// The calendar years that hold evidence in scope, for measures computed year by year (balance --by year).
import type { ScopeInput } from '../model/scope.js';
import type { Store } from './store.js';
import { resolveScope } from './evidence.js';
import { readPeriodTotals } from './evidence-reads.js';

/**
 * Years within [from, to] with at least one event that counts as evidence in `scope` between two parties of it
 * (the events a yearly signed network is built from), ascending; dataset rows are read wherever the store keeps them.
 */
export async function eventYears(store: Store, range: { readonly from?: string; readonly to?: string } = {}, scope: ScopeInput = {}): Promise<number[]> {
  const s = await resolveScope(store, { ...scope, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
  const totals = await readPeriodTotals(store, s, 'year');
  return [...totals].filter(([, n]) => n > 0).map(([y]) => Number(y)).sort((a, b) => a - b);
}
