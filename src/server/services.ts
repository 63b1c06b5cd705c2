// What the endpoints do: each calls the same store readers, measures and models as the CLI, and returns plain JSON.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Region, Thesis } from '../model/index.js';
import type { Store } from '../store/store.js';
import { DATASET_ORIGINS, countRows, listActors, listClaims, listEvents, listRegions, listSources, listTheses } from '../store/queries.js';
import { partiesOf } from '../store/parties.js';
import { HttpError } from './http-error.js';
import { scopeFromQuery, type ActorsQuery, type BalanceQuery, type BalanceYearsQuery, type ClaimsQuery, type DyadQuery, type EventsQuery, type IngestBody, type RetrodictQuery, type RetractBody, type ReviewBody, type ReviewQuery, type SimulateBody, type ThesesQuery, type AchQuery } from './schemas.js';
import { resolveScope } from '../store/evidence.js';
import { readSpan } from '../store/evidence-reads.js';
import type { Extraction } from '../extract/contract.js';
import type { ComputePool } from './compute-pool.js';
import type { ReadWriteLock } from './rw-lock.js';

/** Where the scenario YAML files of a region live, given the loaded regions. */
export type ScenarioDirs = (regions: readonly Region[]) => Promise<readonly string[]>;

/** Built-in regions keep their scenarios in data/regions/<id>/scenarios. */
export const builtinScenarioDirs: ScenarioDirs = async (regions) => {
  const { builtinRegionDir } = await import('../ingest/curated/builtin.js');
  return regions.map((r) => join(builtinRegionDir(r.id), 'scenarios')).filter((d) => existsSync(d));
};

export async function region(store: Store) {
  const regions = await listRegions(store);
  const counts = await countRows(store);
  // The span of the dated knowledge (curated and extracted events), whatever region they belong to.
  const { first, last } = await readSpan(store, await resolveScope(store, { origins: ['curated', 'article'], region: 'world', minConfidence: 0, includeAlleged: true }));
  return {
    regions: regions.map((r) => ({ id: r.id, name: r.name, description: r.description, countries: r.countries })),
    counts,
    span: { first, last },
  };
}

/** The actor id or party code a query's `actor` names ("Armenia", "georgia", "ARM"); unknown names are a 400 with close matches. */
async function actorParam(store: Store, actor: string | undefined): Promise<string | undefined> {
  return actor === undefined ? undefined : (await partiesOf(store, 'server')).actor(actor, 'actor');
}

export const actors = async (store: Store, q: z.output<typeof ActorsQuery>) => listActors(store, { actor: await actorParam(store, q.actor) });

export const sources = (store: Store) => listSources(store);

export const events = async (store: Store, q: z.output<typeof EventsQuery>) =>
  listEvents(store, { actor: await actorParam(store, q.actor), from: q.from, to: q.to, limit: q.limit, excludeOrigins: q.datasets ? undefined : DATASET_ORIGINS });

export async function claims(store: Store, q: z.output<typeof ClaimsQuery>) {
  const all = await listClaims(store, { actor: await actorParam(store, q.actor), from: q.from, to: q.to });
  return q.contested ? all.filter((c) => c.status === 'denied' || c.status === 'disputed') : all;
}

/** The dyad series of `faultline dyad` with its trend: Goldstein mean and quad counts per period. */
export async function dyad(store: Store, q: z.output<typeof DyadQuery>) {
  const { dyadReport } = await import('../measure/dyad-series.js');
  const { dyadTrend } = await import('../measure/dyad-trend.js');
  const directed = q.directed ?? false;
  const parties = await partiesOf(store, 'server');
  const report = await dyadReport(store, { scope: scopeFromQuery(q), a: parties.party(q.a, 'a'), b: parties.party(q.b, 'b'), by: q.by, directed, from: q.from, to: q.to, normalize: q.normalize });
  const { scopeText: _text, ...rest } = report;
  return { ...rest, trend: dyadTrend(report.series, { by: q.by }) };
}

/** A label that fits a network node: long names give way to an acronym among the aliases (OSCE, CSTO). */
function shortName(a: { name: string; aliases: readonly string[] }): string {
  if (a.name.length <= 20) return a.name;
  return a.aliases.find((x) => /^[A-Z]{2,6}$/.test(x)) ?? a.name;
}

/** Display names of countries and IGOs, the nodes of the signed network. */
async function partyNames(store: Store): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const a of await listActors(store)) {
    if (a.kind === 'state' && a.country) names[a.country] = shortName(a);
    else if (a.kind === 'igo' && a.code && !names[a.code]) names[a.code] = shortName(a);
  }
  return names;
}

/** The signed country network of a period with its structural balance, as `faultline balance` computes it. */
export async function balance(store: Store, q: z.output<typeof BalanceQuery>) {
  const m = await import('../measure/index.js');
  const network = await m.signedNetwork(store, { scope: scopeFromQuery(q), from: q.from, to: q.to });
  const result = m.balance(network, { solver: await m.highsSolver() });
  const names = await partyNames(store);
  return {
    from: q.from ?? null, to: q.to ?? null, names: Object.fromEntries(network.nodes.map((n) => [n, names[n] ?? n])), ...result,
    edges: network.edges, layers: network.layers, scope: network.scope, evidence: network.evidence,
  };
}

/** The index of balance, camps and camp switches year by year, as `faultline balance --by year` computes them. */
export async function balanceYears(store: Store, q: z.output<typeof BalanceYearsQuery>) {
  const m = await import('../measure/index.js');
  const { eventYears } = await import('../store/event-years.js');
  const scope = scopeFromQuery(q);
  const periods = [];
  for (const y of await eventYears(store, { from: q.from, to: q.to }, scope)) {
    const from = q.from && q.from > `${y}-01-01` ? q.from : `${y}-01-01`;
    const to = q.to && q.to < `${y}-12-31` ? q.to : `${y}-12-31`;
    periods.push({ period: String(y), network: await m.signedNetwork(store, { from, to, scope }) });
  }
  const series = m.balanceOverTime(periods, { solver: await m.highsSolver(), timeLimit: q.timeLimit });
  // What each year's index rests on (events and relations behind its ties), and the scope they were read in.
  const evidence = new Map(periods.map((p) => [p.period, p.network.evidence]));
  const { scopeJson } = await import('../store/evidence.js');
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    // Each year's network was read in the scope narrowed to that year; the series' scope spans the asked range.
    scope: { ...(periods[0]?.network.scope ?? scopeJson(await resolveScope(store, scope))), from: q.from ?? null, to: q.to ?? null },
    ...series,
    periods: series.periods.map((p) => ({ ...p, evidence: evidence.get(p.period) ?? null })),
  };
}

/** The full ACH matrix with each hypothesis's verdict, as `faultline theses --format json` gives it. */
export async function ach(store: Store, q: z.output<typeof AchQuery>) {
  const { evaluateTheses } = await import('../measure/index.js');
  const report = await evaluateTheses(store, { scope: scopeFromQuery(q), sensitivity: !!q.sensitivity });
  // Events carry their day and summary, so that a row of the matrix reads as what happened rather than as an id.
  const { readEventRows } = await import('../store/event-pages.js');
  const rows = new Map((await readEventRows(store, report.ach.evidence.filter((e) => e.kind === 'event').map((e) => e.id))).map((r) => [r.id, r]));
  return {
    ...report.ach,
    evidence: report.ach.evidence.map((e) => {
      const r = e.kind === 'event' ? rows.get(e.id) : undefined;
      return r ? { ...e, day: r.day, summary: r.summary } : e;
    }),
    verdicts: report.theses.map((t) => ({ id: t.id, verdict: t.verdict, score: t.score, reason: t.reason, driver: t.driver })),
    ...(report.sensitivity ? { sensitivity: report.sensitivity } : {}),
  };
}

/** Every thesis with the verdict its indicators give, as `faultline theses` evaluates them. */
export async function theses(store: Store, q: z.output<typeof ThesesQuery> = {}) {
  const { evaluateTheses } = await import('../measure/index.js');
  const byId = new Map<string, Thesis>((await listTheses(store)).map((t) => [t.id, t]));
  const report = await evaluateTheses(store, { scope: scopeFromQuery(q) });
  return report.theses.flatMap((r) => {
    const t = byId.get(r.id);
    if (!t) return [];
    const { verdict, score, threshold, reason, driver, question, role, consistent, inconsistent, indicators } = r;
    return [{ ...t, verdict: { verdict, score, threshold, reason, driver, question, role, consistent, inconsistent, indicators } }];
  });
}

/**
 * Extracts an article and loads it as `faultline ingest FILE` does, naming actors from the knowledge base in the
 * store. Extraction runs in a worker thread under a time limit; only the load holds the store's write lock.
 */
export async function ingest(ctx: { store: Store; lock: ReadWriteLock; compute: ComputePool }, body: z.output<typeof IngestBody>) {
  const { loadArticle } = await import('../extract/load-article.js');
  const file = body.url ?? `request.${body.format === 'html' ? 'html' : body.format === 'markdown' ? 'md' : 'txt'}`;
  const [actors, regions] = await ctx.lock.read(() => Promise.all([listActors(ctx.store), listRegions(ctx.store)]));
  const { text, extraction } = await ctx.compute.run<{ text: string; extraction: Extraction }>(
    { kind: 'extract', title: body.title, text: body.text, format: body.format, published: body.published, file, actors, regions }, 'ingest');
  const result = await ctx.lock.write(() => loadArticle(ctx.store, extraction, { file, text }));
  return { ...result, warnings: extraction.warnings, events: extraction.events.length, claims: extraction.claims.length };
}

/** The scenarios found in the given directories, summarised for the scenario runner. */
export async function scenarios(dirs: readonly string[]) {
  const { parseScenario } = await import('../simulate/index.js');
  const out = [];
  for (const dir of dirs) {
    for (const f of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = join(dir, f);
      const s = parseScenario(await readFile(file, 'utf8'), file);
      out.push({
        name: s.name,
        title: s.title,
        description: s.description,
        asOf: s.asOf,
        dimensions: s.dimensions,
        actors: s.actors.map((a) => a.name),
        file,
      });
    }
  }
  return out;
}

/** Runs a model on a named or inline scenario, with an optional Monte Carlo spread, as `faultline simulate --json` does; in a worker thread. */
export async function simulate(dirs: readonly string[], body: z.output<typeof SimulateBody>, compute: ComputePool) {
  let yaml: string;
  let file: string;
  if (body.yaml !== undefined) {
    yaml = body.yaml;
    file = 'request.yaml';
  } else {
    const found = (await scenarios(dirs)).find((s) => s.name === body.scenario);
    if (!found) throw new HttpError(404, `server: scenario: no scenario named "${body.scenario}"`);
    yaml = await readFile(found.file, 'utf8');
    file = found.file;
  }
  return compute.run<unknown>({ kind: 'simulate', yaml, file, model: body.model, runs: body.runs, perturb: body.perturb, seed: body.seed }, 'simulate');
}

/** Retrodicts the scenarios with a known outcome, as `faultline simulate --retrodict --json` does. */
export async function retrodict(dirs: readonly string[], q: z.output<typeof RetrodictQuery>) {
  const sim = await import('../simulate/index.js');
  return sim.retrodictScenarioDirs(dirs, { runs: q.runs, perturb: q.perturb, rng: (name) => sim.seededRng(`${q.seed}:${name}`) });
}

/** Pending extracted records, as `faultline review [--source ID]` lists them. */
export async function reviewList(store: Store, q: z.output<typeof ReviewQuery>) {
  const review = await import('../store/review.js');
  const origin = q.source ? await review.resolveArticleOrigin(store, q.source) : undefined;
  return { items: await review.listReview(store, { origin }) };
}

/** Accepts or rejects extracted records, as `faultline review accept|reject` does. */
export async function reviewDecide(store: Store, body: z.output<typeof ReviewBody>) {
  const review = await import('../store/review.js');
  const state = body.action === 'accept' ? 'accepted' : 'rejected';
  if (body.source) return review.decideOrigin(store, await review.resolveArticleOrigin(store, body.source), state);
  return review.decideReview(store, body.ids ?? [], state);
}

/** Removes what one ingest added, as `faultline retract SOURCE` does. */
export async function retract(store: Store, body: z.output<typeof RetractBody>) {
  const review = await import('../store/review.js');
  return review.retractOrigin(store, await review.resolveArticleOrigin(store, body.source));
}
