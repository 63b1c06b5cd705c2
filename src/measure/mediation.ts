// Mediation share: the part of A–B interactions that involve a third party, as a third actor on the event or as a same-day consultation of both sides with one third country (CAMEO root 04, Schrodt 2012).
import type { ScopeInput } from '../model/scope.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { inScope, resolveScope, scopeJson } from '../store/evidence.js';
import { readMediation, type MediationRead } from '../store/evidence-reads.js';
import { periodOf, type PeriodUnit } from './period.js';

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
  /** Ids of the mediated curated and extracted A–B events. */
  readonly mediatedEvents: readonly string[];
  /** Ids of all curated and extracted A–B events (dataset rows are counted in `datasetEvents`). */
  readonly eventIds: readonly string[];
  /** A–B events from datasets (GDELT, ICEWS, ACLED), included in `events`. */
  readonly datasetEvents: number;
  /** The third parties of each mediated curated or extracted event. */
  readonly eventParties: Readonly<Record<string, readonly string[]>>;
  /** Mediated dataset events per third party (an event with two mediators counts for each). */
  readonly datasetParties: Readonly<Record<string, number>>;
  readonly scope?: unknown;
}

/**
 * The mediation share from a mediation read: an A–B event is mediated when it has a third party (a third actor
 * of a curated or extracted event), or when on its day both A and B consulted the same third country.
 */
export function mediationOf(read: MediationRead, options: Pick<MediationOptions, 'a' | 'b' | 'by'>): Mediation {
  const { a, b } = options;
  const met = new Map<string, { a: Set<string>; b: Set<string> }>();
  for (const r of read.meetings) {
    const d = met.get(r.day) ?? { a: new Set<string>(), b: new Set<string>() };
    d[r.side].add(r.other);
    met.set(r.day, d);
  }
  const common = (day: string) => {
    const d = met.get(day);
    return d ? [...d.a].filter((c) => d.b.has(c)) : [];
  };
  const byParty = new Map<string, number>();
  const periods = new Map<string, { events: number; mediated: number }>();
  const mediatedEvents: string[] = [];
  const eventIds: string[] = [];
  const eventParties: Record<string, string[]> = {};
  const datasetParties: Record<string, number> = {};
  const count = (day: string, n: number, parties: Set<string>) => {
    const key = options.by ? periodOf(day, options.by) : 'all';
    const per = periods.get(key) ?? { events: 0, mediated: 0 };
    per.events += n;
    if (parties.size) {
      per.mediated += n;
      for (const c of parties) byParty.set(c, (byParty.get(c) ?? 0) + n);
    }
    periods.set(key, per);
    return parties.size > 0;
  };
  let events = 0;
  let mediated = 0;
  for (const e of read.items) {
    const parties = new Set(e.third.map((x) => read.parties.get(x) ?? x).filter((x) => x !== a && x !== b));
    for (const c of common(e.day)) parties.add(c);
    events++;
    eventIds.push(e.id);
    if (count(e.day, 1, parties)) {
      mediated++;
      mediatedEvents.push(e.id);
      eventParties[e.id] = [...parties].sort();
    }
  }
  for (const d of read.dataset) {
    events += d.n;
    const parties = new Set(common(d.day));
    if (count(d.day, d.n, parties)) {
      mediated += d.n;
      for (const c of parties) datasetParties[c] = (datasetParties[c] ?? 0) + d.n;
    }
  }
  const share = (c: { events: number; mediated: number }) => (c.events ? c.mediated / c.events : null);
  const ordered = [...periods].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return {
    a,
    b,
    events,
    mediated,
    share: share({ events, mediated }),
    thirdParties: [...byParty].map(([party, n]) => ({ party, events: n })).sort((x, y) => y.events - x.events || (x.party < y.party ? -1 : 1)),
    periods: options.by ? ordered.map(([period, c]) => ({ period, ...c, share: share(c) })) : [],
    mediatedEvents,
    eventIds,
    datasetEvents: read.dataset.reduce((n, d) => n + d.n, 0),
    eventParties,
    datasetParties,
  };
}

/** Share of A–B events with a third party involved, overall and per period, and who the third parties were. */
export async function mediation(store: Store, options: MediationOptions): Promise<Mediation> {
  const s = await resolveScope(store, { ...options.scope, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  for (const party of [options.a, options.b]) {
    if (!inScope(s, party)) throw new UserError('measure/mediation', `${party} is not a party of region ${s.region?.id}; use --region world`, { field: 'region' });
  }
  const read = await readMediation(store, s, { a: options.a, b: options.b, meetingCameo: options.meetingCameo ?? MEDIATION_DEFAULTS.meetingCameo });
  return { ...mediationOf(read, options), scope: scopeJson(s) };
}
