// Reads the brief needs beyond the evidence reads: the day and summary of given events, so that prose can name them instead of their ids.
import { z } from 'zod';
import type { Store } from './store.js';

export const EventLabelRow = z.object({ id: z.string(), day: z.string().nullable(), summary: z.string() });
export type EventLabelRow = z.infer<typeof EventLabelRow>;

/** Day (YYYY-MM-DD of the first day) and summary of each of the given events that the store holds. */
export async function readEventLabels(store: Store, ids: readonly string[]): Promise<EventLabelRow[]> {
  if (ids.length === 0) return [];
  const rows = await store.all(
    `SELECT id, strftime(date_start, '%Y-%m-%d') AS day, coalesce(summary, '') AS summary FROM events
     WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), id) ORDER BY id`,
    [JSON.stringify([...new Set(ids)])],
  );
  return z.array(EventLabelRow).parse(rows);
}
