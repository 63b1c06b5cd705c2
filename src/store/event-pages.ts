// Pages of the events in scope for the dashboard (timeline, actor page, evidence lists, map), on the one definition of evidence (evidence.ts).
import { z } from 'zod';
import type { Store } from './store.js';
import { datasetConditions, knowledgeConditions, Params, type ResolvedScope } from './evidence.js';

/** Filters over the events in scope: an actor (id or party code), quad classes, CAMEO code prefixes. */
export interface EventFilter {
  /** An actor id (matched on the actor lists) or a party code (ISO3 or IGO code, matched on the country columns). */
  readonly actor?: string;
  readonly quad?: readonly number[];
  /** CAMEO prefixes: "04" matches 040–046 and their children. */
  readonly cameo?: readonly string[];
  /** A party code on either side (country columns only): what the map counts as "involving". */
  readonly party?: string;
  /** A country the event is located in (datasets give the place). */
  readonly located?: string;
}

const int = z.coerce.number().int();
const num = z.coerce.number();
const strings = z.array(z.string()).default([]);

/** One event as the dashboard lists it: who, what, when, how sure, and where it is cited. */
export const EventRow = z.object({
  id: z.string(),
  origin: z.string(),
  kind: z.string().describe('origin kind: curated, article, gdelt, icews or acled'),
  day: z.string(),
  end: z.string().nullable(),
  precision: z.string(),
  cameo: z.string(),
  quad: int,
  goldstein: num,
  summary: z.string(),
  source: strings,
  target: strings,
  third: strings,
  sourceParties: strings,
  targetParties: strings,
  location: z.string().nullable(),
  locationCountry: z.string().nullable(),
  sources: strings,
  url: z.string().nullable().describe('the article a dataset row was coded from (GDELT SOURCEURL), when the dataset gives one'),
  confidence: num,
  status: z.string(),
  review: z.string(),
});
export type EventRow = z.infer<typeof EventRow>;

const ROW_COLUMNS = `id, origin, split_part(origin, ':', 1) AS kind, strftime(date_start, '%Y-%m-%d') AS day, strftime(date_end, '%Y-%m-%d') AS "end",
  precision, cameo, quad::INTEGER AS quad, goldstein::DOUBLE AS goldstein, summary, source_actors AS source, target_actors AS target,
  third_actors AS third, CASE WHEN source_country IS NOT NULL THEN [source_country] ELSE source_countries END AS "sourceParties",
  CASE WHEN source_country IS NOT NULL THEN list_filter([target_country], x -> x IS NOT NULL) ELSE target_countries END AS "targetParties",
  location, location_country AS "locationCountry", sources, json_extract_string(extra, '$.url') AS url, confidence::DOUBLE AS confidence,
  coalesce(status, 'reported') AS status, coalesce(review, 'accepted') AS review`;

const parseAll = <T extends z.ZodType>(schema: T, rows: readonly unknown[], what: string): z.output<T>[] =>
  rows.map((r, i) => {
    const parsed = schema.safeParse(r);
    if (!parsed.success) throw new Error(`store/event-pages: ${what} row ${i}: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });

/**
 * The SQL condition of the events in scope that pass `f`, as one disjunction of a knowledge part (curated and
 * extracted events, list columns) and a dataset part (one country a side). With a region, an event counts when a
 * party of the region is on its source side and on its target side (or it has no target): the rule of the
 * measures' pairs, extended to one-sided events. Null when the scope admits nothing.
 */
export async function scopedCondition(store: Store, s: ResolvedScope, f: EventFilter = {}): Promise<{ knowledge: string | null; dataset: string | null; any: string } | null> {
  const q = new Params();
  const k = knowledgeConditions(s, q);
  const d = datasetConditions(s, q);
  if (k) k.push(...(await filterSql(store, q, f, false)));
  if (d) d.push('source_country IS NOT NULL', ...(await filterSql(store, q, f, true)));
  if (s.region) {
    const parties = `[${q.list(s.region.parties)}]`;
    k?.push(`list_has_any(source_countries, ${parties})`, `(len(target_countries) = 0 OR list_has_any(target_countries, ${parties}))`);
    d?.push(`list_contains(${parties}, source_country)`, `(target_country IS NULL OR list_contains(${parties}, target_country))`);
  }
  const knowledge = k ? `(${k.join(' AND ')})` : null;
  const dataset = d ? `(${d.join(' AND ')})` : null;
  const parts = [knowledge, dataset].filter((x): x is string => !!x);
  if (!parts.length) return null;
  return { knowledge, dataset, any: `(${parts.join(' OR ')})` };
}

/** The party an actor stands for in the country columns: a state's country or an IGO's code; a code given as is. */
async function partyOf(store: Store, actor: string): Promise<string | null> {
  const q = new Params();
  const rows = parseAll(
    z.object({ kind: z.string(), party: z.string().nullable() }),
    await store.all(`SELECT kind, coalesce(country, code) AS party FROM actors WHERE id = ${q.p(actor)}`),
    'actor',
  );
  if (rows.length) return rows[0].kind === 'state' || rows[0].kind === 'igo' ? rows[0].party : null;
  return /^[A-Z][A-Z0-9]{2,}$/.test(actor) ? actor : null;
}

async function filterSql(store: Store, q: Params, f: EventFilter, scalar: boolean): Promise<string[]> {
  const out: string[] = [];
  if (f.actor) {
    // A state (or IGO) stands for its people and bodies: their events carry its code in the country columns.
    const party = await partyOf(store, f.actor);
    const a = q.p(f.actor);
    if (scalar) out.push(party ? `(source_country = ${q.p(party)} OR target_country = ${q.p(party)})` : 'FALSE');
    else {
      const byActor = `list_contains(source_actors, ${a}) OR list_contains(target_actors, ${a}) OR list_contains(third_actors, ${a})`;
      const byParty = party ? ` OR list_contains(source_countries, ${q.p(party)}) OR list_contains(target_countries, ${q.p(party)})` : '';
      out.push(`(${byActor}${byParty})`);
    }
  }
  if (f.party) {
    const c = q.p(f.party);
    out.push(scalar ? `(source_country = ${c} OR target_country = ${c})` : `(list_contains(source_countries, ${c}) OR list_contains(target_countries, ${c}))`);
  }
  if (f.located) out.push(`location_country = ${q.p(f.located)}`);
  if (f.quad?.length) out.push(`quad IN (${q.list(f.quad)})`);
  if (f.cameo?.length) out.push(`(${f.cameo.map((c) => `starts_with(cameo, ${q.p(c)})`).join(' OR ')})`);
  return out;
}

/** A page of events in scope with the total behind it. */
export interface EventPage {
  readonly total: number;
  /** Events per origin kind. */
  readonly origins: Record<string, number>;
  /** Distinct sources cited by the curated and extracted events of the whole set. */
  readonly sources: number;
  readonly offset: number;
  readonly events: readonly EventRow[];
  /** Events per period and quad class over the whole set (not only the page). */
  readonly histogram: readonly { period: string; quad: number; n: number }[];
}

const HIST_SQL = { month: `strftime(date_start, '%Y-%m')`, year: `strftime(date_start, '%Y')` } as const;

/** The events in scope that pass `f`, newest first, `limit` of them from `offset`, with totals and a histogram by `by`. */
export async function readEventPage(store: Store, s: ResolvedScope, f: EventFilter & { offset: number; limit: number; by?: 'month' | 'year' }): Promise<EventPage> {
  const cond = await scopedCondition(store, s, f);
  if (!cond) return { total: 0, origins: {}, sources: 0, offset: f.offset, events: [], histogram: [] };
  const origins: Record<string, number> = {};
  let total = 0;
  for (const r of parseAll(z.object({ kind: z.string(), n: int }), await store.all(`SELECT split_part(origin, ':', 1) AS kind, count(*)::INTEGER AS n FROM events WHERE ${cond.any} GROUP BY 1 ORDER BY 1`), 'count')) {
    origins[r.kind] = r.n;
    total += r.n;
  }
  let sources = 0;
  if (cond.knowledge) {
    const [r] = parseAll(z.object({ n: int }), await store.all(`SELECT count(DISTINCT s)::INTEGER AS n FROM (SELECT unnest(sources) AS s FROM events WHERE ${cond.knowledge})`), 'sources');
    sources = r.n;
  }
  const limit = Math.max(0, Math.floor(f.limit));
  const offset = Math.max(0, Math.floor(f.offset));
  const events = total === 0 ? [] : parseAll(EventRow, await store.all(`SELECT ${ROW_COLUMNS} FROM events WHERE ${cond.any} ORDER BY date_start DESC, id LIMIT ${limit} OFFSET ${offset}`), 'event');
  const histogram = total === 0 ? [] : parseAll(
    z.object({ period: z.string(), quad: int, n: int }),
    await store.all(`SELECT ${HIST_SQL[f.by ?? 'month']} AS period, quad::INTEGER AS quad, count(*)::INTEGER AS n FROM events WHERE ${cond.any} GROUP BY 1, 2 ORDER BY 1, 2`),
    'histogram',
  );
  return { total, origins, sources, offset, events, histogram };
}

/** The events with the given ids, in the order given (an id held by several rows is listed once, its first row by origin). */
export async function readEventRows(store: Store, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const q = new Params();
  const rows = parseAll(EventRow, await store.all(`SELECT ${ROW_COLUMNS} FROM events WHERE id IN (${q.list(ids)}) ORDER BY origin`), 'event');
  const byId = new Map<string, EventRow>();
  for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, r);
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Events in scope per country: involving it (on either side) and located in it (where the dataset gives a place). */
export interface CountryCount {
  readonly country: string;
  readonly involving: number;
  readonly located: number;
}

/** A place with coordinates (ICEWS, ACLED rows) and how many events in scope happened there. */
export interface PlaceCount {
  readonly lat: number;
  readonly lon: number;
  readonly location: string | null;
  readonly n: number;
}

/** The inputs of the map: events in scope that pass `f`, counted per country and per place with coordinates (at most `maxPlaces`). */
export async function readEventGeography(store: Store, s: ResolvedScope, f: EventFilter & { maxPlaces: number }): Promise<{ countries: CountryCount[]; places: PlaceCount[] }> {
  const cond = await scopedCondition(store, s, f);
  if (!cond) return { countries: [], places: [] };
  const counts = new Map<string, { involving: number; located: number }>();
  const get = (c: string) => {
    let x = counts.get(c);
    if (!x) counts.set(c, (x = { involving: 0, located: 0 }));
    return x;
  };
  const Count = z.object({ c: z.string(), n: int });
  if (cond.knowledge) {
    const sql = `SELECT c, count(*)::INTEGER AS n FROM (SELECT unnest(list_distinct(list_concat(source_countries, target_countries))) AS c FROM events WHERE ${cond.knowledge}) WHERE c IS NOT NULL GROUP BY c`;
    for (const r of parseAll(Count, await store.all(sql), 'country')) get(r.c).involving += r.n;
  }
  if (cond.dataset) {
    const sql = `SELECT c, count(*)::INTEGER AS n FROM (SELECT unnest(list_distinct(list_filter([source_country, target_country], x -> x IS NOT NULL))) AS c FROM events WHERE ${cond.dataset}) GROUP BY c`;
    for (const r of parseAll(Count, await store.all(sql), 'country')) get(r.c).involving += r.n;
  }
  for (const r of parseAll(Count, await store.all(`SELECT location_country AS c, count(*)::INTEGER AS n FROM events WHERE ${cond.any} AND location_country IS NOT NULL GROUP BY 1`), 'located')) {
    get(r.c).located += r.n;
  }
  let places: PlaceCount[] = [];
  if (cond.dataset) {
    const lat = `TRY_CAST(json_extract_string(extra, '$.latitude') AS DOUBLE)`;
    const lon = `TRY_CAST(json_extract_string(extra, '$.longitude') AS DOUBLE)`;
    places = parseAll(
      z.object({ lat: num, lon: num, location: z.string().nullable(), n: int }),
      await store.all(
        `SELECT round(${lat}, 2) AS lat, round(${lon}, 2) AS lon, any_value(location) AS location, count(*)::INTEGER AS n
         FROM events WHERE ${cond.dataset} AND ${lat} BETWEEN -90 AND 90 AND ${lon} BETWEEN -180 AND 180
         GROUP BY 1, 2 ORDER BY n DESC, lat, lon LIMIT ${Math.max(0, Math.floor(f.maxPlaces))}`,
      ),
      'place',
    );
  }
  const countries = [...counts].map(([country, c]) => ({ country, ...c })).sort((a, b) => b.involving - a.involving || a.country.localeCompare(b.country));
  return { countries, places };
}
