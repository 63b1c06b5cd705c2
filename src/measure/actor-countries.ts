// The country (ISO3, or IGO code) each actor id stands for in dyads, read from the store's actors.
import type { Store } from '../store/store.js';

/** Map from actor id to its country (or code when it has none, as IGOs do). */
export async function actorCountries(store: Store): Promise<Map<string, string>> {
  const rows = await store.all<{ id: string; c: string | null }>('SELECT id, coalesce(country, code) AS c FROM actors');
  return new Map(rows.filter((r) => r.c).map((r) => [r.id, r.c as string]));
}
