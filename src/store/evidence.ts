// What counts as evidence, in one place: the scope resolved against the store, and the SQL conditions every evidence read applies.
import { z } from 'zod';
import {
  DATASET_ORIGIN_KINDS,
  EVIDENCE_ORIGINS,
  Scope,
  UserError,
  WORLD,
  type EvidenceOrigin,
  type Region,
  type ScopeInput,
} from '../model/index.js';
import type { SqlValue, Store } from './store.js';
import { listActors, listRegions } from './queries.js';
import { sqlLiteral } from './sql-literal.js';

/** A scope with its region turned into the set of parties (country and IGO codes) whose interactions count. */
export interface ResolvedScope {
  readonly origins: readonly EvidenceOrigin[];
  /** The region and its parties; null for `world` (no regional restriction). */
  readonly region: { readonly id: string; readonly name: string; readonly parties: readonly string[] } | null;
  readonly minConfidence: number;
  readonly includeAlleged: boolean;
  readonly from?: string;
  readonly to?: string;
}

/** Parses a scope (defaults filled in) without the store: for callers that only need the shape. */
export function parseScope(input: ScopeInput = {}): Scope {
  const r = Scope.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError('store/scope', `${i.path.join('.') || 'scope'}: ${i.message}`, { field: String(i.path[0] ?? 'scope') });
  }
  return r.data;
}

/**
 * The parties of a region: its countries, the members of its named partner groups (the outside powers it
 * names), and the IGOs and non-state entities with codes of their own that its curated actors define.
 */
export function regionParties(region: Region, actors: readonly { kind: string; country: string | null; code: string | null; origin?: string }[]): string[] {
  const parties = new Set<string>([...region.countries, ...Object.values(region.groups).flat()]);
  for (const a of actors) {
    if (a.kind === 'igo' && a.code) parties.add(a.code);
    else if (!a.country && a.code && a.kind !== 'person') parties.add(a.code);
  }
  return [...parties].sort();
}

/**
 * Resolves `input` against the store: the region given (or every loaded region when none is given, or the
 * world when none is loaded) becomes its list of parties. An unknown region is a user error naming the
 * loaded ones.
 */
export async function resolveScope(store: Store, input: ScopeInput = {}): Promise<ResolvedScope> {
  const s = parseScope(input);
  const base = { origins: s.origins, minConfidence: s.minConfidence, includeAlleged: s.includeAlleged, ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) };
  if (s.region === WORLD) return { ...base, region: null };
  const regions = await listRegions(store);
  let chosen: Region[];
  if (s.region !== undefined) {
    const r = regions.find((x) => x.id === s.region);
    if (!r) {
      const loaded = regions.map((x) => x.id);
      throw new UserError('store/scope', `unknown region "${s.region}"; loaded: ${loaded.length ? loaded.join(', ') : 'none'}, or "${WORLD}"`, { field: 'region' });
    }
    chosen = [r];
  } else {
    chosen = regions;
  }
  if (chosen.length === 0) return { ...base, region: null };
  const parties = new Set<string>();
  for (const r of chosen) {
    const actors = await regionActorCodes(store, r.id);
    for (const p of regionParties(r, actors)) parties.add(p);
  }
  return {
    ...base,
    region: { id: chosen.map((r) => r.id).join('+'), name: chosen.map((r) => r.name).join(' + '), parties: [...parties].sort() },
  };
}

async function regionActorCodes(store: Store, regionId: string) {
  return (await listActors(store, { origins: [`curated:${regionId}`] })).map((a) => ({ kind: a.kind, country: a.country, code: a.code }));
}

/** A scope as one line for people: "region South Caucasus (17 parties); origins curated, gdelt; confidence ≥ 0.5; alleged excluded". */
export function describeScope(s: ResolvedScope): string {
  const parts = [
    s.region ? `region ${s.region.name} (${s.region.parties.length} parties)` : 'region: world',
    `origins ${s.origins.join(', ')}`,
    `confidence ≥ ${s.minConfidence}`,
    s.includeAlleged ? 'alleged and denied included' : 'alleged and denied excluded',
  ];
  if (s.from || s.to) parts.push(`${s.from ?? '…'} to ${s.to ?? '…'}`);
  return parts.join('; ');
}

/** The scope as JSON, as every output states it. */
export function scopeJson(s: ResolvedScope) {
  return {
    origins: s.origins,
    region: s.region ? s.region.id : WORLD,
    parties: s.region ? s.region.parties : null,
    minConfidence: s.minConfidence,
    includeAlleged: s.includeAlleged,
    from: s.from ?? null,
    to: s.to ?? null,
  };
}

/** True when `party` may appear in a figure of the scope. */
export function inScope(s: ResolvedScope, party: string): boolean {
  return !s.region || s.region.parties.includes(party);
}

/**
 * Values for evidence queries, written into the SQL text as escaped literals (`sqlLiteral`): DuckDB pushes literal
 * filters into its scans and zone maps, which bound parameters do not get. `values` stays empty; it is kept so that
 * a query can still be given parameters of its own.
 */
export class Params {
  readonly values: SqlValue[] = [];
  p(v: SqlValue): string {
    return sqlLiteral(v);
  }
  list(vs: readonly SqlValue[]): string {
    return vs.map((v) => this.p(v)).join(', ');
  }
}

/** The two kinds of event rows, read differently: dataset rows (one country a side, scalar columns) and knowledge rows (lists). */
export type RowKind = 'dataset' | 'knowledge';

/**
 * The conditions under which a dataset row counts. Importers write dataset rows as reported, accepted, not
 * negated and not hypothetical (checked by test), so only origin, confidence and dates are tested here; and
 * knowledge rows keep their scalar country columns NULL, so a match on those columns never picks them up.
 * Returns null when the scope takes no dataset origin.
 */
export function datasetConditions(s: ResolvedScope, q: Params): string[] | null {
  const wanted = DATASET_ORIGIN_KINDS.filter((o) => s.origins.includes(o));
  if (wanted.length === 0) return null;
  const where = ['date_start IS NOT NULL', `confidence >= ${q.p(s.minConfidence)}`];
  if (wanted.length < DATASET_ORIGIN_KINDS.length) where.push(`origin IN (${q.list(wanted)})`);
  if (s.from) where.push(`date_start >= ${q.p(s.from)}::DATE`);
  if (s.to) where.push(`date_start <= ${q.p(s.to)}::DATE`);
  return where;
}

/**
 * The conditions under which a curated or extracted event counts: dated, not negated, not hypothetical,
 * accepted, reported (alleged and denied too with `includeAlleged`), confident enough, within the dates.
 * Returns null when the scope takes neither curated nor article evidence.
 */
export function knowledgeConditions(s: ResolvedScope, q: Params): string[] | null {
  // Origins are `curated:<region>` and `article:<sha256>`. One half-open range lets DuckDB skip dataset row groups by
  // their min/max statistics (an OR of two ranges does not); no other origin sorts between 'article:' and 'curated;'
  // (acled sorts before, gdelt and icews after).
  const curated = s.origins.includes('curated');
  const article = s.origins.includes('article');
  if (!curated && !article) return null;
  const range = curated && article ? [`article:`, `curated;`] : curated ? ['curated:', 'curated;'] : ['article:', 'article;'];
  const where = [
    `origin >= '${range[0]}' AND origin < '${range[1]}'`,
    'date_start IS NOT NULL',
    'NOT negated',
    'NOT hypothetical',
    `review = 'accepted'`,
    s.includeAlleged ? `status IN ('reported', 'alleged', 'denied')` : `status = 'reported'`,
    `confidence >= ${q.p(s.minConfidence)}`,
  ];
  if (s.from) where.push(`date_start >= ${q.p(s.from)}::DATE`);
  if (s.to) where.push(`date_start <= ${q.p(s.to)}::DATE`);
  return where;
}

/** The origin kind SQL expression: curated, article, gdelt, icews or acled. */
export const ORIGIN_KIND_SQL = `split_part(origin, ':', 1)`;

/** Counts per origin kind, in the fixed order of EVIDENCE_ORIGINS. */
export type OriginCounts = Partial<Record<EvidenceOrigin, number>>;

/** Adds `n` events of `origin` to `counts`. */
export function addOrigin(counts: OriginCounts, origin: string, n: number): void {
  const kind = (EVIDENCE_ORIGINS as readonly string[]).includes(origin) ? (origin as EvidenceOrigin) : (origin.split(':', 1)[0] as EvidenceOrigin);
  counts[kind] = (counts[kind] ?? 0) + n;
}

/** The evidence behind a figure: how many events, from how many distinct sources, from which origins. */
export interface EvidenceCount {
  readonly events: number;
  /** Distinct cited sources of the curated and extracted events (dataset rows cite their dataset, counted under origins). */
  readonly sources: number;
  readonly origins: OriginCounts;
}

/** "n = 7 events, 3 sources (curated 7)". */
export function describeEvidence(e: EvidenceCount): string {
  const origins = EVIDENCE_ORIGINS.filter((o) => e.origins[o]).map((o) => `${o} ${e.origins[o]}`);
  return `n = ${e.events} event${e.events === 1 ? '' : 's'}, ${e.sources} source${e.sources === 1 ? '' : 's'}${origins.length ? ` (${origins.join(', ')})` : ''}`;
}

export const EvidenceCountSchema = z.object({
  events: z.number().int(),
  sources: z.number().int(),
  origins: z.record(z.string(), z.number().int()),
});
