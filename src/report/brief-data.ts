// Gathers what the regional brief says: key dyad shifts, contested claims, thesis verdicts and scenario outlooks, with numbered citations.
import type { ScopeInput } from '../model/scope.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Region, Source } from '../model/index.js';
import type { Store } from '../store/store.js';
import { listActors, listClaims, listRegions, listSources } from '../store/queries.js';
import { describeScope, resolveScope, scopeJson } from '../store/evidence.js';
import { readMatchingEvents, readSpan } from '../store/evidence-reads.js';
import type { DyadPeriod, DyadReport, DyadTrend, Verdict } from '../measure/index.js';

export interface Citation {
  readonly n: number;
  readonly label: string;
  readonly title: string | null;
  readonly url: string | null;
}

export interface KeyShift {
  readonly a: string;
  readonly b: string;
  readonly names: readonly [string, string];
  readonly series: readonly DyadPeriod[];
  readonly trend: DyadTrend;
  readonly first: DyadPeriod;
  readonly last: DyadPeriod;
  /** The evidence behind the series: events, sources, origins and the ids counted. */
  readonly evidence: DyadReport['evidence'];
  readonly cites: readonly number[];
}

export interface ContestedClaim {
  readonly statement: string;
  readonly date: string | null;
  readonly status: string;
  readonly claimants: readonly string[];
  readonly deniedBy: readonly string[];
  readonly cites: readonly number[];
}

export interface ThesisVerdict {
  readonly title: string;
  readonly statement: string;
  readonly verdict: Verdict | 'not evaluated';
  readonly consistent: number;
  readonly inconsistent: number;
  readonly indicators: readonly { readonly description: string; readonly consistency: string; readonly note: string }[];
  readonly cites: readonly number[];
}

export interface ScenarioOutlook {
  readonly title: string;
  readonly description: string;
  readonly asOf: string;
  readonly model: string;
  readonly runs: number;
  readonly perturb: number;
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly low: string;
    readonly high: string;
    readonly outcome: number;
    readonly band: { readonly p10: number; readonly p90: number; readonly mean: number } | null;
  }[];
  readonly cites: readonly number[];
}

export interface BriefData {
  readonly kind: 'brief';
  readonly region: Region;
  readonly generated: string;
  readonly counts: { readonly events: number; readonly first: string | null; readonly last: string | null; readonly byOrigin: Readonly<Record<string, number>> };
  /** What counts as evidence in every figure of the brief, stated at its top. */
  readonly scope: ReturnType<typeof scopeJson>;
  readonly scopeText: string;
  readonly shifts: readonly KeyShift[];
  readonly claims: readonly ContestedClaim[];
  readonly theses: readonly ThesisVerdict[];
  readonly scenarios: readonly ScenarioOutlook[];
  readonly citations: readonly Citation[];
  /** Parts that could not be computed, said plainly in the brief. */
  readonly gaps: readonly string[];
}

export interface BriefOptions {
  /** What counts as evidence (origins, region, confidence, alleged); the defaults of SCOPE_DEFAULTS when absent. */
  readonly scope?: ScopeInput;
  /** Region id; the first loaded region when absent. */
  readonly region?: string;
  /** How many dyads to show as key shifts. */
  readonly shifts?: number;
  /** Directories holding the region's scenario YAML files. */
  readonly scenarioDirs?: readonly string[];
  /** Monte Carlo runs per scenario (0 for none). */
  readonly runs?: number;
  readonly perturb?: number;
  readonly seed?: string;
  /** The date the brief is written, YYYY-MM-DD. */
  readonly today?: string;
}

export const BRIEF_DEFAULTS = { shifts: 4, runs: 100, perturb: 5, seed: '1' } as const;

/** Numbers sources in order of first citation. */
class Citations {
  private readonly byKey = new Map<string, Citation>();
  constructor(private readonly sources: ReadonlyMap<string, Source>) {}

  source(id: string): number {
    const s = this.sources.get(id);
    return this.add(`source:${id}`, () => ({
      label: [s?.outlet, s?.published].filter(Boolean).join(', ') || id,
      title: s?.title ?? null,
      url: s?.url ?? null,
    }));
  }

  url(url: string): number {
    return this.add(`url:${url}`, () => {
      let host = url;
      try {
        host = new URL(url).hostname.replace(/^www\./, '');
      } catch {
        // Not a URL after all; shown as given.
      }
      return { label: host, title: null, url };
    });
  }

  private add(key: string, make: () => Omit<Citation, 'n'>): number {
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = { n: this.byKey.size + 1, ...make() }));
    return c.n;
  }

  get all(): Citation[] {
    return [...this.byKey.values()];
  }
}

const unique = (xs: readonly number[]) => [...new Set(xs)];

/** Reads the store and runs the measures and models the brief reports. */
export async function briefData(store: Store, options: BriefOptions = {}): Promise<BriefData> {
  const o = { ...BRIEF_DEFAULTS, ...options };
  const regions = await listRegions(store);
  const region = o.region ? regions.find((r) => r.id === o.region) : regions[0];
  if (!region) throw new Error(o.region ? `report/brief: region ${o.region} is not loaded` : 'report/brief: no region is loaded; run `faultline start` first');
  const sources = new Map((await listSources(store)).map((s) => [s.id, s]));
  const cite = new Citations(sources);
  const actors = await listActors(store);
  const names = new Map<string, string>();
  for (const a of actors) {
    names.set(a.id, a.name);
    if (a.kind === 'state' && a.country) names.set(a.country, a.name);
    if (a.kind === 'igo' && a.code && !names.has(a.code)) names.set(a.code, a.name);
  }
  const name = (id: string) => names.get(id) ?? id;
  const gaps: string[] = [];
  const m = await import('../measure/index.js');

  const scopeInput = { region: region.id, ...o.scope };
  const scope = await resolveScope(store, scopeInput);
  // Key shifts: pairs of a region country with a party of the scope, only where the evidence suffices for a
  // trend test and the series has a significant trend or a break; ranked by the size of the trend.
  const parties = scope.region ? scope.region.parties.filter((p) => names.has(p) || region.countries.includes(p)) : [...new Set([...region.countries, ...Object.values(region.groups).flat()])];
  const candidates: KeyShift[] = [];
  const seen = new Set<string>();
  for (const a of region.countries) {
    for (const b of parties) {
      const key = [a, b].sort().join('~');
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const report = await m.dyadReport(store, { scope: scopeInput, a, b, by: 'year' });
      const series = report.series;
      const trend = m.dyadTrend(series, { by: 'year' });
      if (trend.verdict === 'insufficient evidence' || trend.slope === null) continue;
      if (trend.verdict === 'no significant trend' && trend.changePoints.length === 0) continue;
      const withEvents = series.filter((p) => p.events > 0);
      candidates.push({ a, b, names: [name(a), name(b)], series, trend, first: withEvents[0], last: withEvents[withEvents.length - 1], evidence: report.evidence, cites: [] });
    }
  }
  const strength = (s: KeyShift) => Math.abs(s.trend.slope ?? 0) * Math.sqrt(s.trend.periods) + (s.trend.changePoints.length ? 1 : 0);
  const chosen = candidates.sort((x, y) => strength(y) - strength(x) || y.series.length - x.series.length).slice(0, o.shifts);
  const shifts: KeyShift[] = [];
  for (const s of chosen) {
    // Cite the sources of the last period's events.
    const last = { ...scope, from: `${s.last.period}-01-01`, to: `${s.last.period}-12-31` };
    const found = await readMatchingEvents(store, last, { source: [s.a], target: [s.b], either: true }, 50);
    shifts.push({ ...s, cites: unique(found.sources.slice(0, 3).map((id) => cite.source(id))) });
  }
  if (!shifts.length) gaps.push('No dyad of the region has enough evidence for a trend test (at least 5 years with events and 20 events) together with a significant trend or a break, so no shift is reported.');

  const claims: ContestedClaim[] = (await listClaims(store))
    .filter((c) => c.status === 'denied' || c.status === 'disputed')
    .map((c) => ({
      statement: c.statement,
      date: c.date ? c.date.start : null,
      status: c.status,
      claimants: c.claimant.map(name),
      deniedBy: c.deniedBy.map(name),
      cites: unique(c.sources.map((id) => cite.source(id))),
    }));

  const report = await m.evaluateTheses(store, { scope: scopeInput });
  const theses: ThesisVerdict[] = report.theses.map((t) => ({
    title: t.title,
    statement: t.statement,
    verdict: t.verdict,
    consistent: t.consistent,
    inconsistent: t.inconsistent,
    indicators: t.indicators.map((i) => ({ description: i.description, consistency: i.consistency, note: i.note })),
    cites: unique(t.sources.slice(0, 6).map((id) => cite.source(id))),
  }));

  const scenarios = await scenarioOutlooks(o.scenarioDirs ?? [], o, cite, gaps);
  const span = await readSpan(store, scope);
  const total = Object.values(span.byOrigin).reduce((n, k) => n + k, 0);
  return {
    kind: 'brief',
    region,
    generated: o.today ?? new Date().toISOString().slice(0, 10),
    counts: { events: total, first: span.first, last: span.last, byOrigin: span.byOrigin },
    scope: scopeJson(scope),
    scopeText: describeScope(scope),
    shifts,
    claims,
    theses,
    scenarios,
    citations: cite.all,
    gaps,
  };
}

async function scenarioOutlooks(dirs: readonly string[], o: Required<Pick<BriefOptions, 'runs' | 'perturb' | 'seed'>>, cite: Citations, gaps: string[]): Promise<ScenarioOutlook[]> {
  const sim = await import('../simulate/index.js');
  const out: ScenarioOutlook[] = [];
  for (const dir of dirs) {
    for (const f of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = join(dir, f);
      const scenario = sim.parseScenario(await readFile(file, 'utf8'), file);
      const problem = sim.scenarioProblem(scenario);
      const result = sim.simulate(problem, { model: 'smp' });
      const mc = o.runs > 0 ? sim.monteCarlo(problem, { model: 'smp', runs: o.runs, perturb: o.perturb, rng: sim.seededRng(o.seed) }) : null;
      const urls = scenario.actors.flatMap((a) => [a.capability, ...a.positions, ...a.saliences].flatMap((v) => (v.source ? [v.source] : [])));
      out.push({
        title: scenario.title,
        description: scenario.description,
        asOf: scenario.asOf,
        model: 'smp',
        runs: mc?.runs ?? 0,
        perturb: o.perturb,
        dimensions: scenario.dimensions.map((d, k) => ({
          dimension: d.name,
          low: d.low,
          high: d.high,
          outcome: result.final.outcome[k],
          band: mc ? { p10: mc.outcome[k].p10, p90: mc.outcome[k].p90, mean: mc.outcome[k].mean } : null,
        })),
        cites: unique(urls.map((u) => cite.url(u))),
      });
    }
  }
  if (!out.length) gaps.push('No scenario files were found for this region, so there is no outlook.');
  return out;
}
