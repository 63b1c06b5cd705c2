// What the endpoints do: each calls the same store readers, measures and models as the CLI, and returns plain JSON.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Region, Thesis } from '../model/index.js';
import type { Store } from '../store/store.js';
import { DATASET_ORIGINS, countRows, listActors, listClaims, listEvents, listRegions, listSources, listTheses } from '../store/queries.js';
import type { Extraction } from '../extract/contract.js';
import type { ComputePool } from './compute-pool.js';
import { HttpError } from './http-error.js';
import type { ReadWriteLock } from './rw-lock.js';
import type { ActorsQuery, BalanceQuery, ClaimsQuery, DyadQuery, EventsQuery, IngestBody, SimulateBody } from './schemas.js';

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
  const [span] = await store.all<{ first: string | null; last: string | null }>(
    `SELECT min(date_start)::VARCHAR AS first, max(date_end)::VARCHAR AS last FROM events
     WHERE NOT (${DATASET_ORIGINS.map((_, i) => `starts_with(origin, $${i + 1})`).join(' OR ')})`,
    [...DATASET_ORIGINS],
  );
  return {
    regions: regions.map((r) => ({ id: r.id, name: r.name, description: r.description, countries: r.countries })),
    counts,
    span,
  };
}

export const actors = (store: Store, q: z.output<typeof ActorsQuery>) => listActors(store, { actor: q.actor });

export const sources = (store: Store) => listSources(store);

export const events = (store: Store, q: z.output<typeof EventsQuery>) =>
  listEvents(store, { actor: q.actor, from: q.from, to: q.to, limit: q.limit, excludeOrigins: q.datasets ? undefined : DATASET_ORIGINS });

export async function claims(store: Store, q: z.output<typeof ClaimsQuery>) {
  const all = await listClaims(store, { actor: q.actor, from: q.from, to: q.to });
  return q.contested ? all.filter((c) => c.status === 'denied' || c.status === 'disputed') : all;
}

/** The dyad series of `faultline dyad` with its trend: Goldstein mean and quad counts per period. */
export async function dyad(store: Store, q: z.output<typeof DyadQuery>) {
  const { dyadSeries } = await import('../measure/dyad-series.js');
  const { dyadTrend } = await import('../measure/dyad-trend.js');
  const directed = q.directed ?? false;
  const series = await dyadSeries(store, { a: q.a, b: q.b, by: q.by, directed, from: q.from, to: q.to });
  return { a: q.a, b: q.b, by: q.by, directed, series, trend: dyadTrend(series, { by: q.by }) };
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
  const network = await m.signedNetwork(store, { from: q.from, to: q.to });
  const result = m.balance(network);
  const names = await partyNames(store);
  return { from: q.from ?? null, to: q.to ?? null, names: Object.fromEntries(network.nodes.map((n) => [n, names[n] ?? n])), ...result, edges: network.edges };
}

/** Every thesis with the verdict its indicators give, as `faultline theses` evaluates them. */
export async function theses(store: Store) {
  const { evaluateTheses } = await import('../measure/index.js');
  const byId = new Map<string, Thesis>((await listTheses(store)).map((t) => [t.id, t]));
  const report = await evaluateTheses(store);
  return report.theses.flatMap((r) => {
    const t = byId.get(r.id);
    if (!t) return [];
    const { verdict, consistent, inconsistent, indicators } = r;
    return [{ ...t, verdict: { verdict, consistent, inconsistent, indicators } }];
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
