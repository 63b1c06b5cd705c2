// Influence shares: an actor's interactions split by partner country and by partner group, the event-count share measure of Goldstein-style event data (cf. Schrodt 2012, CAMEO).
import type { ScopeInput } from '../model/scope.js';
import type { Store } from '../store/store.js';
import { actorCountries } from './actor-countries.js';
import { eventRange, onSide, periodOf, sqlParams, type PeriodUnit } from './period.js';

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
}

interface Row {
  readonly id: string;
  readonly day: string;
  readonly partners: readonly string[];
}

/** Events of `actor` per partner and partner group (an event with two partners counts for each), overall and per period. */
export async function influence(store: Store, options: InfluenceOptions): Promise<Influence> {
  const rows = await influenceRows(store, options);
  const groups = options.groups ?? {};
  const periods = new Map<string, Row[]>();
  if (options.by) for (const r of rows) periods.set(periodOf(r.day, options.by), [...(periods.get(periodOf(r.day, options.by)) ?? []), r]);
  return {
    actor: options.actor,
    ...split(rows, groups),
    periods: [...periods].map(([period, rs]) => ({ period, ...split(rs, groups) })),
  };
}

/** The actor's events with their partner countries (the actor's own country left out), oldest first. */
export async function influenceRows(store: Store, options: Pick<InfluenceOptions, 'actor' | 'from' | 'to'>): Promise<(Row & { readonly id: string })[]> {
  const own = new Set([options.actor]);
  const country = (await actorCountries(store)).get(options.actor);
  if (country) own.add(country);
  const { params, p } = sqlParams();
  const pa = p(options.actor);
  const rows = await store.all<{ id: string; day: string; partners: string[] }>(
    `SELECT id, strftime(date_start, '%Y-%m-%d') AS day,
        list_distinct(list_concat(CASE WHEN ${onSide('source', pa)} THEN target_countries ELSE [] END,
                                  CASE WHEN ${onSide('target', pa)} THEN source_countries ELSE [] END)) AS partners
     FROM events WHERE ${eventRange(options, p).join(' AND ')} AND (${onSide('source', pa)} OR ${onSide('target', pa)})
     ORDER BY date_start, id`,
    params,
  );
  return rows.map((r) => ({ id: r.id, day: r.day, partners: r.partners.filter((c) => !own.has(c)).sort() })).filter((r) => r.partners.length > 0);
}

function split(rows: readonly Row[], groups: Readonly<Record<string, readonly string[]>>): InfluenceSplit {
  const count = new Map<string, number>();
  for (const r of rows) for (const c of r.partners) count.set(c, (count.get(c) ?? 0) + 1);
  const n = rows.length;
  return {
    events: n,
    partners: [...count].map(([partner, e]) => ({ partner, events: e, share: e / n })).sort((x, y) => y.events - x.events || (x.partner < y.partner ? -1 : 1)),
    groups: Object.entries(groups).map(([group, members]) => {
      const set = new Set(members);
      const e = rows.filter((r) => r.partners.some((c) => set.has(c))).length;
      return { group, events: e, share: n ? e / n : null };
    }),
  };
}
