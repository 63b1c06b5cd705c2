// The brief's scenarios: each model's outlook side by side with the SMP's Monte Carlo band (flagging a point outside it), the retrodiction table, and a judgement per forward-looking scenario.
import type { BriefContext } from './brief-context.js';
import { uniqueNumbers } from './citations.js';
import { scenarioJudgement, type Judgement } from './judgements.js';
import { listClaims, listEvents } from '../store/queries.js';

/** One dimension of a scenario: the models' predictions, the SMP's band and what it says. */
export interface ScenarioDimensionView {
  readonly low: string;
  readonly high: string;
  readonly predictions: readonly { readonly model: string; readonly label: string; readonly value: number }[];
  readonly spread: number;
  readonly disagree: boolean;
  readonly point: number;
  readonly band: { readonly p10: number; readonly p90: number; readonly mean: number; readonly pointInBand: boolean } | null;
  /** Said when the SMP's point lies outside its own band. */
  readonly warning: string | null;
}

export interface ScenarioView {
  readonly anchor: string;
  readonly title: string;
  readonly description: string;
  readonly asOf: string;
  readonly actors: readonly string[];
  readonly excluded: readonly { readonly name: string; readonly reason: string }[];
  readonly dimensions: readonly ScenarioDimensionView[];
  readonly recorded: boolean;
  readonly inputs: number;
  readonly cites: readonly number[];
}

/** One retrodicted outcome. */
export interface RetrodictionView {
  readonly title: string;
  readonly asOf: string;
  readonly outcome: number;
  readonly outcomeDate: string;
  readonly low: string;
  readonly high: string;
  readonly models: readonly { readonly label: string; readonly kind: 'model' | 'baseline'; readonly prediction: number; readonly error: number }[];
  readonly best: string;
  readonly band: { readonly p10: number; readonly p90: number; readonly outcomeInBand: boolean; readonly pointInBand: boolean } | null;
  readonly cites: readonly number[];
}

export interface ScenariosSection {
  readonly runs: number;
  readonly perturb: number;
  readonly scenarios: readonly ScenarioView[];
  readonly retrodiction: readonly RetrodictionView[];
  readonly scores: readonly { readonly label: string; readonly kind: 'model' | 'baseline'; readonly meanError: number; readonly closest: number; readonly rows: number }[];
  readonly candidates: readonly Judgement[];
}

export interface ScenarioOptions {
  readonly dirs: readonly string[];
  readonly runs: number;
  readonly perturb: number;
  readonly seed: string;
}

const LABELS: Record<string, string> = {
  smp: 'KTAB SMP',
  eu: 'Expected utility',
  median: 'Weighted median',
  mean: 'Weighted mean',
  'actor-median': 'Median actor',
  'capability-mean': 'Capability-weighted mean',
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Runs every scenario of the region's directories: models side by side, bands, retrodiction; none when there are no files. */
export async function gatherScenarios(ctx: BriefContext, o: ScenarioOptions): Promise<ScenariosSection | null> {
  const sim = await import('../simulate/index.js');
  const files = await sim.loadScenarioFiles(o.dirs);
  if (!files.length) {
    ctx.gaps.push('No scenario files were found for this region, so there is no outlook.');
    return null;
  }
  const events = new Map<string, { sources: readonly string[] }>((await listEvents(ctx.store, { origins: [`curated:${ctx.region.id}`] })).map((e) => [e.id, e]));
  const claims = new Map<string, { sources: readonly string[] }>((await listClaims(ctx.store)).map((c) => [c.id, c]));
  const rows = sim.retrodict(files.map((f) => f.scenario), { runs: o.runs, perturb: o.perturb, rng: (name) => sim.seededRng(`${o.seed}:${name}`) });
  const scores = rows.length ? sim.retrodictionScores(rows) : [];
  const smpScore = scores.find((s) => s.model === 'smp');
  const bestBaseline = scores.filter((s) => s.kind === 'baseline').sort((a, b) => a.meanError - b.meanError)[0];
  // The SMP called the side of the midpoint right when its prediction and the outcome lie on the same side of 50.
  const sideHits = rows.filter((r) => {
    const smp = r.models.find((m) => m.model === 'smp')?.prediction;
    return smp !== undefined && Math.sign(smp - 50) !== 0 && Math.sign(smp - 50) === Math.sign(r.outcome - 50);
  }).length;
  const scenarios: ScenarioView[] = [];
  const candidates: Judgement[] = [];
  const citesOf = new Map<string, number[]>();
  let k = 0;
  for (const { scenario: s } of files) {
    const anchor = `scenario-${++k}`;
    const problem = sim.scenarioProblem(s);
    const smp = sim.simulate(problem, { model: 'smp' });
    const comparison = sim.compareModels(problem, { given: [smp] });
    const mc = o.runs > 0 ? sim.monteCarlo(problem, { model: 'smp', runs: o.runs, perturb: o.perturb, rng: sim.seededRng(`${o.seed}:${s.name}`) }) : null;
    // Cite what each input rests on: knowledge-base events and claims by their sources, pages by address.
    const values = s.actors.flatMap((a) => [
      { v: a.capability, what: `${a.name}'s capability` },
      ...a.positions.map((v) => ({ v, what: `${a.name}'s position` })),
      ...a.saliences.map((v) => ({ v, what: `${a.name}'s salience` })),
    ]);
    const kbCites: number[] = [];
    const pageCites: number[] = [];
    for (const { v, what } of values) {
      if (v.event) for (const id of events.get(v.event)?.sources ?? []) kbCites.push(ctx.cite.source(id) ?? -1);
      if (v.claim) for (const id of claims.get(v.claim)?.sources ?? []) kbCites.push(ctx.cite.source(id) ?? -1);
      if (v.source) (ctx.cite.describes(v.source) ? kbCites : pageCites).push(ctx.cite.url(v.source, `${what} in “${s.title}”`, v.date ?? null));
      if (v.indicator) pageCites.push(ctx.cite.url(v.indicator.url, `${what} in “${s.title}” (${v.indicator.dataset})`, null));
    }
    for (const oc of s.outcome ?? []) if (oc.source) pageCites.push(ctx.cite.url(oc.source, `the recorded outcome of “${s.title}”`, oc.date));
    const cites = uniqueNumbers([...kbCites.filter((n) => n > 0), ...pageCites]);
    citesOf.set(s.name, cites);
    const dims: ScenarioDimensionView[] = s.dimensions.map((d, i) => {
      const c = comparison.dimensions[i];
      const b = mc?.outcome[i] ?? null;
      const point = smp.final.outcome[i];
      return {
        low: d.low,
        high: d.high,
        predictions: c.predictions.map((p) => ({ model: p.model, label: LABELS[p.model] ?? p.model, value: r1(p.prediction) })),
        spread: c.spread,
        disagree: c.disagree,
        point,
        band: b ? { p10: b.p10, p90: b.p90, mean: b.mean, pointInBand: b.pointInBand } : null,
        warning: b && !b.pointInBand
          ? `The SMP's point estimate (${r1(point)}) lies ${point > b.p90 ? 'above' : 'below'} its own 10–90% band (${r1(b.p10)}–${r1(b.p90)}): the model is unstable on these inputs, so read the band, not the point.`
          : null,
      };
    });
    const recorded = !!s.outcome?.length;
    scenarios.push({
      anchor,
      title: s.title,
      description: s.description.trim(),
      asOf: s.asOf,
      actors: s.actors.map((a) => a.name),
      excluded: s.excluded.map((e) => ({ name: e.name, reason: e.reason })),
      dimensions: dims,
      recorded,
      inputs: values.length,
      cites,
    });
    // Forward-looking scenarios only: a retrodicted one is history, shown in the table.
    if (!recorded && mc && s.dimensions.length === 1) {
      const b = mc.outcome[0];
      const j = scenarioJudgement({
        title: s.title,
        asOf: s.asOf,
        low: s.dimensions[0].low,
        high: s.dimensions[0].high,
        point: smp.final.outcome[0],
        band: b,
        runs: mc.runs,
        perturb: mc.perturb,
        modelsAgree: !comparison.dimensions[0].disagree,
        spread: comparison.dimensions[0].spread,
        retrodiction: smpScore && bestBaseline ? { smp: smpScore.meanError, bestBaseline: bestBaseline.meanError, rows: smpScore.rows, sideHits } : null,
        actors: s.actors.length,
        inputs: values.length,
        sources: cites.length,
        cites: uniqueNumbers(kbCites.filter((n) => n > 0)).slice(0, 5),
        section: anchor,
      });
      if (j) candidates.push(j);
    }
  }
  const byName = new Map(files.map((f) => [f.scenario.name, f.scenario]));
  const retrodiction: RetrodictionView[] = rows.map((r) => {
    const s = byName.get(r.scenario)!;
    const d = s.dimensions.find((x) => x.name === r.dimension)!;
    const best = [...r.models].sort((a, b) => a.error - b.error)[0];
    return {
      title: r.title,
      asOf: r.asOf,
      outcome: r.outcome,
      outcomeDate: r.outcomeDate,
      low: d.low,
      high: d.high,
      models: r.models.map((m) => ({ label: LABELS[m.model] ?? m.model, kind: m.kind, prediction: m.prediction, error: m.error })),
      best: LABELS[best.model] ?? best.model,
      band: r.band ? { p10: r.band.p10, p90: r.band.p90, outcomeInBand: r.band.outcomeInBand, pointInBand: r.band.pointInBand } : null,
      cites: citesOf.get(r.scenario) ?? [],
    };
  });
  return {
    runs: o.runs,
    perturb: o.perturb,
    scenarios,
    retrodiction,
    scores: scores.map((s) => ({ label: LABELS[s.model] ?? s.model, kind: s.kind, meanError: s.meanError, closest: s.closest, rows: s.rows })),
    candidates,
  };
}
