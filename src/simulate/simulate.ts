// One calling convention for every model: simulate(problem, options) returns a plain, serialisable result in input units.
import type { InputCitation, SpatialProblem } from './problem.js';
import { toInputUnits } from './problem.js';
import { runSmp } from './smp.js';
import type { EuMove } from './expected-utility.js';
import { runExpectedUtility } from './expected-utility.js';
import { actorMedian, capabilityMean, weightedMean, weightedMedian } from './baselines.js';

/** Every forecast `simulate` can give: two bargaining models, then the baselines they should beat. */
export const MODELS = ['smp', 'eu', 'median', 'mean', 'actor-median', 'capability-mean'] as const;
export type ModelName = (typeof MODELS)[number];

/** Which forecasts are bargaining models and which are baselines. */
export const MODEL_KIND: Readonly<Record<ModelName, 'model' | 'baseline'>> = {
  smp: 'model',
  eu: 'model',
  median: 'baseline',
  mean: 'baseline',
  'actor-median': 'baseline',
  'capability-mean': 'baseline',
};

/** A one-line description of each forecast, for tables and help texts. */
export const MODEL_LABELS: Readonly<Record<ModelName, string>> = {
  smp: 'KTAB Spatial Model of Politics',
  eu: 'Bueno de Mesquita expected utility',
  median: 'capability×salience-weighted median',
  mean: 'capability×salience-weighted mean',
  'actor-median': 'median actor (unweighted)',
  'capability-mean': 'capability-weighted mean (salience ignored)',
};

const BASELINES: Readonly<Record<Exclude<ModelName, 'smp' | 'eu'>, (p: SpatialProblem) => number[]>> = {
  median: weightedMedian,
  mean: weightedMean,
  'actor-median': actorMedian,
  'capability-mean': capabilityMean,
};

export interface SimulateOptions {
  readonly model: ModelName;
  /** Cap on rounds for the iterative models (SMP and EU); their own defaults otherwise. */
  readonly maxIterations?: number;
}

/** One state of a run: positions per actor (input units) and, for the SMP, each position's chance to prevail. */
export interface HistoryEntry {
  readonly positions: Readonly<Record<string, readonly number[]>>;
  readonly probabilities: Readonly<Record<string, number>>;
}

/** An accepted offer in an expected-utility round, with actor names. */
export interface TraceEntry {
  readonly round: number;
  readonly dimension: string;
  readonly actor: string;
  readonly move: EuMove;
  readonly with: string;
  readonly euActor: number;
  readonly euSender: number;
  readonly from: number;
  readonly to: number;
}

/** The result of `faultline simulate --json`, without the Monte Carlo summary. */
export interface SimulationResult {
  readonly kind: 'simulation';
  readonly model: ModelName;
  readonly problem: string;
  readonly iterations: number;
  readonly actors: readonly string[];
  readonly dimensions: readonly string[];
  readonly history: readonly HistoryEntry[];
  readonly final: { readonly positions: Readonly<Record<string, readonly number[]>>; readonly outcome: readonly number[] };
  readonly trace?: readonly TraceEntry[];
  /** Where each input came from, per actor (scenario files only). */
  readonly citations?: Readonly<Record<string, readonly InputCitation[]>>;
}

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Runs one model on a problem and reports every state in input units. */
export function simulate(problem: SpatialProblem, options: SimulateOptions): SimulationResult {
  const actors = problem.actors.map((a) => a.name);
  const dimensions = problem.dimensions.map((d) => d.name);
  const nd = dimensions.length;
  const byActor = (f: (i: number) => readonly number[]) => Object.fromEntries(actors.map((name, i) => [name, f(i).map((x) => round(x))]));
  const cited = problem.actors.some((a) => a.citations.length > 0);
  const base = {
    kind: 'simulation' as const,
    model: options.model,
    problem: problem.name,
    actors,
    dimensions,
    ...(cited ? { citations: Object.fromEntries(problem.actors.map((a) => [a.name, a.citations])) } : {}),
  };
  switch (options.model) {
    case 'smp': {
      const run = runSmp(problem, { maxIterations: options.maxIterations });
      const units = (pos: Float64Array, i: number) => Array.from({ length: nd }, (_, k) => toInputUnits(problem, k, pos[i * nd + k]));
      const history = run.states.map((s) => ({
        positions: byActor((i) => units(s.positions, i)),
        probabilities: Object.fromEntries(actors.map((name, i) => [name, round(s.probabilities[i])])),
      }));
      const last = run.states[run.states.length - 1];
      return {
        ...base,
        iterations: run.iterations,
        history,
        final: { positions: byActor((i) => units(last.positions, i)), outcome: Array.from(run.outcome, (x, k) => round(toInputUnits(problem, k, x))) },
      };
    }
    case 'eu': {
      const run = runExpectedUtility(problem, { maxRounds: options.maxIterations });
      const history = run.positions.map((p) => ({ positions: byActor((i) => p[i]), probabilities: {} }));
      const trace = run.trace.map((e) => ({
        round: e.round,
        dimension: dimensions[e.dimension],
        actor: actors[e.actor],
        move: e.move,
        with: actors[e.sender],
        euActor: round(e.euActor, 6),
        euSender: round(e.euSender, 6),
        from: round(e.from),
        to: round(e.to),
      }));
      return {
        ...base,
        iterations: run.iterations,
        history,
        final: { positions: byActor((i) => run.positions[run.iterations][i]), outcome: run.outcome.map((x) => round(x)) },
        trace,
      };
    }
    case 'mean':
    case 'median':
    case 'actor-median':
    case 'capability-mean': {
      const outcome = BASELINES[options.model](problem);
      const positions = byActor((i) => problem.actors[i].positions);
      return { ...base, iterations: 0, history: [{ positions, probabilities: {} }], final: { positions, outcome: outcome.map((x) => round(x)) } };
    }
  }
}
