// Mediation share: the part of A–B interactions that involve a third party, as a third actor on the event or as a same-day consultation of both sides with one third country (CAMEO root 04, Schrodt 2012).
import type { ScopeInput } from '../model/scope.js';
import type { Store } from '../store/store.js';
import { actorCountries } from './actor-countries.js';
import { eventRange, onSide, periodOf, sqlParams, type PeriodUnit } from './period.js';

export interface MediationOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  readonly a: string;
  readonly b: string;
  readonly by?: PeriodUnit;
  readonly from?: string;
  readonly to?: string;
  /** CAMEO code prefixes that count as meeting a third party on the same day. */
  readonly meetingCameo?: readonly string[];
}

export const MEDIATION_DEFAULTS = { meetingCameo: ['04'] } as const;

export interface MediationCount {
  readonly events: number;
  readonly mediated: number;
  /** mediated / events; null without events. */
  readonly share: number | null;
}

export interface Mediation extends MediationCount {
  readonly a: string;
  readonly b: string;
  /** Third parties and the number of A–B events each was involved in, most first. */
  readonly thirdParties: readonly { readonly party: string; readonly events: number }[];
  readonly periods: readonly (MediationCount & { readonly period: string })[];
  /** Ids of the mediated A–B events. */
  readonly mediatedEvents: readonly string[];
  /** Ids of all A–B events. */
  readonly eventIds: readonly string[];
}

/** Share of A–B events with a third party involved, overall and per period, and who the third parties were. */
export async function mediation(store: Store, options: MediationOptions): Promise<Mediation> {
  const { a, b } = options;
  const meeting = options.meetingCameo ?? MEDIATION_DEFAULTS.meetingCameo;
  const { params, p } = sqlParams();
  const [pa, pb] = [p(a), p(b)];
  const range = eventRange(options, p);
  const between = `((${onSide('source', pa)} AND ${onSide('target', pb)}) OR (${onSide('source', pb)} AND ${onSide('target', pa)}))`;
  const events = await store.all<{ id: string; day: string; third: string[] }>(
    `SELECT e.id, strftime(e.date_start, '%Y-%m-%d') AS day,
e.third_actors AS third
     FROM events e WHERE ${range.join(' AND ')} AND ${between} ORDER BY e.date_start, e.id`,
    params,
  );
  const country = await actorCountries(store);
  // Same-day consultations of A or B with anyone else, on the days that have A–B events.
  const m = sqlParams();
  const [ma, mb] = [m.p(a), m.p(b)];
  const mrange = eventRange(options, m.p);
  const prefixes = meeting.map((c) => `starts_with(cameo, ${m.p(c)})`).join(' OR ');
  const meetings = events.length
    ? await store.all<{ day: string; side: string; others: string[] }>(
        `SELECT strftime(date_start, '%Y-%m-%d') AS day,
            CASE WHEN ${onSide('source', ma)} OR ${onSide('target', ma)} THEN 'a' ELSE 'b' END AS side,
            list_filter(list_concat(source_countries, target_countries), x -> x <> ${ma} AND x <> ${mb}) AS others
         FROM events WHERE ${mrange.join(' AND ')} AND (${prefixes})
           AND (${onSide('source', ma)} OR ${onSide('target', ma)} OR ${onSide('source', mb)} OR ${onSide('target', mb)})
           AND NOT ((${onSide('source', ma)} OR ${onSide('target', ma)}) AND (${onSide('source', mb)} OR ${onSide('target', mb)}))`,
        m.params,
      )
    : [];
  const met = new Map<string, { a: Set<string>; b: Set<string> }>();
  for (const r of meetings) {
    const d = met.get(r.day) ?? { a: new Set<string>(), b: new Set<string>() };
    for (const o of r.others) d[r.side === 'a' ? 'a' : 'b'].add(o);
    met.set(r.day, d);
  }
  const byParty = new Map<string, number>();
  const periods = new Map<string, { events: number; mediated: number }>();
  const mediatedEvents: string[] = [];
  for (const e of events) {
    const parties = new Set(e.third.map((x) => country.get(x) ?? x).filter((x) => x !== a && x !== b));
    const d = met.get(e.day);
    if (d) for (const c of d.a) if (d.b.has(c)) parties.add(c);
    const key = options.by ? periodOf(e.day, options.by) : 'all';
    const per = periods.get(key) ?? { events: 0, mediated: 0 };
    per.events++;
    if (parties.size) {
      per.mediated++;
      mediatedEvents.push(e.id);
      for (const c of parties) byParty.set(c, (byParty.get(c) ?? 0) + 1);
    }
    periods.set(key, per);
  }
  const share = (c: { events: number; mediated: number }) => (c.events ? c.mediated / c.events : null);
  const total = { events: events.length, mediated: mediatedEvents.length };
  return {
    a,
    b,
    ...total,
    share: share(total),
    thirdParties: [...byParty].map(([party, n]) => ({ party, events: n })).sort((x, y) => y.events - x.events || (x.party < y.party ? -1 : 1)),
    periods: options.by ? [...periods].map(([period, c]) => ({ period, ...c, share: share(c) })) : [],
    mediatedEvents,
    eventIds: events.map((e) => e.id),
  };
}
