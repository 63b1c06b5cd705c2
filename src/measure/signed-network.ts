// The signed country network of a period: Goldstein sums of the events between two countries (Goldstein 1992) plus curated relations (sign × strength).
import type { ScopeInput } from '../model/scope.js';
import type { SqlValue, Store } from '../store/store.js';
import { DATASET_ORIGINS } from '../store/queries.js';
import type { SignedEdge, SignedNetwork } from './signed-graph.js';

export interface SignedNetworkOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** First and last day included, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
  /** Keep only these countries (ISO3 or IGO codes); all when absent. */
  readonly countries?: readonly string[];
  /** Goldstein points one curated relation of strength 1 is worth; 10 is one event of the strongest cooperation. */
  readonly relationWeight?: number;
  /** Pairs with fewer events and no relation are left out. */
  readonly minEvents?: number;
  /** Also count negated and hypothetical events (left out by default: they did not happen). */
  readonly includeUnreal?: boolean;
}

export const SIGNED_NETWORK_DEFAULTS = { relationWeight: 10, minEvents: 1 } as const;

/** A signed edge with what it is made of. */
export interface NetworkEdge extends SignedEdge {
  readonly events: number;
  readonly goldstein: number;
  /** Curated relations between the two countries that hold in the period. */
  readonly relations: readonly string[];
}

export interface StoreSignedNetwork extends SignedNetwork {
  readonly edges: readonly NetworkEdge[];
}

/**
 * The undirected signed network between countries: every event adds its Goldstein weight to each
 * (source country, target country) pair; relations add sign × strength × relationWeight.
 */
export async function signedNetwork(store: Store, options: SignedNetworkOptions = {}): Promise<StoreSignedNetwork> {
  const o = { ...SIGNED_NETWORK_DEFAULTS, ...options };
  const params: SqlValue[] = [];
  const p = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['date_start IS NOT NULL'];
  if (!o.includeUnreal) where.push('NOT negated AND NOT hypothetical');
  if (o.from) where.push(`date_start >= ${p(o.from)}::DATE`);
  if (o.to) where.push(`date_start <= ${p(o.to)}::DATE`);
  // Dataset rows (GDELT, ICEWS, ACLED) have one actor a side, so their scalar country columns suffice and the
  // list columns, costly to scan, are read only for curated and extracted events.
  const datasets = DATASET_ORIGINS.map((d) => p(d)).join(', ');
  const aggregate = (pairs: string) => `SELECT least(s, t) AS a, greatest(s, t) AS b, count(*)::INTEGER AS events, sum(goldstein)::DOUBLE AS goldstein
     FROM (${pairs}) WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t GROUP BY ALL`;
  type PairRow = { a: string; b: string; events: number; goldstein: number };
  const rows = [
    ...(await store.all<PairRow>(
      aggregate(`SELECT source_country AS s, target_country AS t, goldstein FROM events WHERE ${where.join(' AND ')} AND origin IN (${datasets})`),
      params,
    )),
    ...(await store.all<PairRow>(
      aggregate(`SELECT s, unnest(tc) AS t, goldstein FROM (
         SELECT unnest(source_countries) AS s, target_countries AS tc, goldstein FROM events
         WHERE ${where.join(' AND ')} AND origin NOT IN (${datasets}))`),
      params,
    )),
  ];
  const rparams: SqlValue[] = [];
  const rwhere: string[] = [];
  if (o.from) {
    rparams.push(o.from);
    rwhere.push(`(r.end_date IS NULL OR r.end_date >= $${rparams.length}::DATE)`);
  }
  if (o.to) {
    rparams.push(o.to);
    rwhere.push(`(r.start_date IS NULL OR r.start_date <= $${rparams.length}::DATE)`);
  }
  const relations = await store.all<{ id: string; a: string; b: string; value: number }>(
    `SELECT r.id, coalesce(fa.country, fa.code) AS a, coalesce(ta.country, ta.code) AS b, (r.sign * r.strength)::DOUBLE AS value
     FROM relations r JOIN actors fa ON fa.id = r.from_actor JOIN actors ta ON ta.id = r.to_actor
     ${rwhere.length ? `WHERE ${rwhere.join(' AND ')}` : ''} ORDER BY r.id`,
    rparams,
  );
  const keep = o.countries ? new Set(o.countries) : null;
  const pairs = new Map<string, { a: string; b: string; events: number; goldstein: number; relation: number; relations: string[] }>();
  const entry = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let e = pairs.get(key);
    if (!e) pairs.set(key, (e = { a, b, events: 0, goldstein: 0, relation: 0, relations: [] }));
    return e;
  };
  for (const r of rows) {
    const e = entry(r.a, r.b);
    e.events += r.events;
    e.goldstein += r.goldstein;
  }
  for (const r of relations) {
    if (!r.a || !r.b || r.a === r.b) continue;
    const e = entry(r.a, r.b);
    e.relation += r.value * o.relationWeight;
    e.relations.push(r.id);
  }
  const edges: NetworkEdge[] = [];
  for (const e of pairs.values()) {
    if (keep && !(keep.has(e.a) && keep.has(e.b))) continue;
    if (e.events < o.minEvents && e.relations.length === 0) continue;
    const value = Math.round((e.goldstein + e.relation) * 100) / 100;
    if (value === 0) continue;
    edges.push({ a: e.a, b: e.b, sign: value > 0 ? 1 : -1, weight: Math.abs(value), events: e.events, goldstein: Math.round(e.goldstein * 100) / 100, relations: e.relations });
  }
  edges.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  return { kind: 'signed-network', nodes, edges };
}
