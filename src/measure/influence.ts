// Influence shares: an actor's interactions split by partner country and by partner group, the event-count share measure of Goldstein-style event data (cf. Schrodt 2012, CAMEO).
import type { ScopeInput } from '../model/scope.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { inScope, resolveScope, scopeJson, type ResolvedScope } from '../store/evidence.js';
import { readPartners, type PartnersRead } from '../store/evidence-reads.js';
import { periodOf, type PeriodUnit } from './period.js';

export interface InfluenceOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Actor id or ISO3 country. */
  readonly actor: string;
  readonly by?: PeriodUnit;
  /** Partner groups, e.g. { russia: [RUS], west: [USA, FRA, IGOEU] }. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  readonly from?: string;
  readonly to?: string;
}

export interface InfluenceSplit {
  /** Events with the actor and at least one other country. */
  readonly events: number;
  readonly partners: readonly { readonly partner: string; readonly events: number; readonly share: number }[];
  readonly groups: readonly { readonly group: string; readonly events: number; readonly share: number | null }[];
}

export interface Influence extends InfluenceSplit {
  readonly actor: string;
  readonly periods: readonly (InfluenceSplit & { readonly period: string })[];
  /** Ids of the curated and extracted events counted (dataset rows are counted in `events` only). */
  readonly eventIds: readonly string[];
  readonly scope?: unknown;
}

/**
 * Events of `actor` per partner and partner group (an event with two partners counts for each), overall and per
 * period, over the evidence in scope; partners outside the scope's region are left out.
 */
export async function influence(store: Store, options: InfluenceOptions): Promise<Influence> {
  const s = await resolveScope(store, { ...options.scope, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  if (!inScope(s, options.actor)) throw new UserError('measure/influence', `${options.actor} is not a party of region ${s.region?.id}; use --region world`, { field: 'region' });
  const read = await readPartners(store, s, { actor: options.actor, by: options.by });
  return { ...influenceOf(read, s, options), scope: scopeJson(s) };
}

/** Influence shares from a partners read (pure). */
export function influenceOf(read: PartnersRead, s: ResolvedScope, options: Pick<InfluenceOptions, 'actor' | 'by' | 'groups'>): Influence {
  const groups = options.groups ?? {};
  const ok = (c: string) => c !== options.actor && inScope(s, c);
  const units: Unit[] = [];
  for (const r of read.dataset) if (ok(r.partner)) units.push({ period: r.period, partners: [r.partner], n: r.n });
  for (const e of read.items) {
    const partners = new Set<string>();
    if (e.source.includes(options.actor)) e.target.forEach((c) => partners.add(c));
    if (e.target.includes(options.actor)) e.source.forEach((c) => partners.add(c));
    const list = [...partners].filter(ok).sort();
    if (list.length) units.push({ period: options.by ? periodOf(e.day, options.by) : 'all', partners: list, n: 1, id: e.id });
  }
  const periods = new Map<string, Unit[]>();
  if (options.by) for (const u of units) periods.set(u.period, [...(periods.get(u.period) ?? []), u]);
  return {
    actor: options.actor,
    ...split(units, groups),
    periods: [...periods].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([period, us]) => ({ period, ...split(us, groups) })),
    eventIds: units.flatMap((u) => (u.id ? [u.id] : [])),
  };
}

/** Events counted together: a dataset aggregate of n events with one partner, or one knowledge event. */
interface Unit {
  readonly period: string;
  readonly partners: readonly string[];
  readonly n: number;
  readonly id?: string;
}

function split(rows: readonly Unit[], groups: Readonly<Record<string, readonly string[]>>): InfluenceSplit {
  const count = new Map<string, number>();
  for (const r of rows) for (const c of r.partners) count.set(c, (count.get(c) ?? 0) + r.n);
  const n = rows.reduce((k, r) => k + r.n, 0);
  return {
    events: n,
    partners: [...count].map(([partner, e]) => ({ partner, events: e, share: e / n })).sort((x, y) => y.events - x.events || (x.partner < y.partner ? -1 : 1)),
    groups: Object.entries(groups).map(([group, members]) => {
      const set = new Set(members);
      const e = rows.filter((r) => r.partners.some((c) => set.has(c))).reduce((k, r) => k + r.n, 0);
      return { group, events: e, share: n ? e / n : null };
    }),
  };
}
