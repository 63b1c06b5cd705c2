// Monte Carlo uncertainty: re-run a model on inputs jittered uniformly within ±P and summarise the outcomes (mean, 10th and 90th percentiles, sides of the midpoint), flagging a point estimate outside its own band.
import type { ProblemActor, SpatialProblem } from './problem.js';
import type { Rng } from './rng.js';
import type { SimulateOptions } from './simulate.js';
import { MODEL_LABELS, simulate } from './simulate.js';

export interface MonteCarloOptions extends SimulateOptions {
  readonly runs: number;
  /** Half-width of the jitter in points of a 0–100 scale: positions move by ±P% of their range, saliences by ±P points, capabilities by ±P%. */
  readonly perturb: number;
  readonly rng: Rng;
}

/** The spread of one dimension's predicted outcome over the runs, and how the unperturbed prediction sits in it. */
export interface OutcomeBand {
  readonly dimension: string;
  readonly mean: number;
  readonly p10: number;
  readonly p90: number;
  /** The model's prediction on the inputs as given. */
  readonly point: number;
  /** False when `point` lies outside [p10, p90]: the model is unstable on these inputs. */
  readonly pointInBand: boolean;
  /** The scale's midpoint, (min + max) / 2. */
  readonly midpoint: number;
  /** Shares of the runs whose outcome lies below, exactly at, and above the midpoint. */
  readonly belowMidpoint: number;
  readonly atMidpoint: number;
  readonly aboveMidpoint: number;
  /** Plain-words flag, present only when the point lies outside the band. */
  readonly warning?: string;
}

export interface MonteCarloSummary {
  readonly kind: 'monte-carlo';
  readonly runs: number;
  readonly perturb: number;
  readonly outcome: readonly OutcomeBand[];
  /** Every band's warning, for a reader who looks only here. */
  readonly warnings: readonly string[];
}

/** Summarises one dimension's outcomes over the runs against the unperturbed `point`. */
export function summariseBand(dimension: string, point: number, outcomes: readonly number[], range: { min: number; max: number }, model = 'model'): OutcomeBand {
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const xs = outcomes.slice().sort((a, b) => a - b);
  const mean = xs.reduce((t, x) => t + x, 0) / xs.length;
  const p10 = r4(quantile(xs, 0.1));
  const p90 = r4(quantile(xs, 0.9));
  const midpoint = (range.min + range.max) / 2;
  const share = (f: (x: number) => boolean) => r4(xs.filter(f).length / xs.length);
  const pointInBand = point >= p10 && point <= p90;
  const band: OutcomeBand = {
    dimension,
    mean: r4(mean),
    p10,
    p90,
    point: r4(point),
    pointInBand,
    midpoint,
    belowMidpoint: share((x) => x < midpoint),
    atMidpoint: share((x) => x === midpoint),
    aboveMidpoint: share((x) => x > midpoint),
  };
  if (pointInBand) return band;
  const side = point > p90 ? 'above' : 'below';
  return {
    ...band,
    warning:
      `${dimension}: the prediction of the ${model} on the inputs as given (${r2(point)}) lies ${side} its own 10–90% band (${r2(p10)} … ${r2(p90)}); ` +
      `the model is unstable on these inputs, so read the band, not the point`,
  };
}

/** Jitters one copy of the problem: every position, salience and capability moves independently within ±P. */
export function perturbProblem(problem: SpatialProblem, perturb: number, rng: Rng): SpatialProblem {
  const jitter = () => (2 * rng.next() - 1) * (perturb / 100);
  const actors: ProblemActor[] = problem.actors.map((a) => {
    const positions = a.positions.map((x, k) => {
      const d = problem.dimensions[k];
      return Math.min(d.max, Math.max(d.min, x + jitter() * (d.max - d.min)));
    });
    let saliences = a.saliences.map((s) => Math.min(1, Math.max(0, s + jitter())));
    const total = saliences.reduce((t, s) => t + s, 0);
    if (total > 1) saliences = saliences.map((s) => s / total);
    if (total === 0) saliences = a.saliences.slice();
    const capability = Math.max(a.capability * 1e-3, a.capability * (1 + jitter()));
    return { ...a, positions, saliences, capability };
  });
  return { ...problem, actors };
}

/** Linear-interpolation quantile of sorted values (type 7, as R and NumPy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Runs the model `runs` times on jittered inputs, drawing all randomness from `options.rng`. */
export function monteCarlo(problem: SpatialProblem, options: MonteCarloOptions): MonteCarloSummary {
  const nd = problem.dimensions.length;
  const point = simulate(problem, options).final.outcome;
  const outcomes: number[][] = Array.from({ length: nd }, () => []);
  for (let r = 0; r < options.runs; r++) {
    const result = simulate(perturbProblem(problem, options.perturb, options.rng), options);
    result.final.outcome.forEach((x, k) => outcomes[k].push(x));
  }
  const outcome = problem.dimensions.map((d, k) => summariseBand(d.name, point[k], outcomes[k], d, MODEL_LABELS[options.model]));
  return {
    kind: 'monte-carlo',
    runs: options.runs,
    perturb: options.perturb,
    outcome,
    warnings: outcome.flatMap((b) => (b.warning ? [b.warning] : [])),
  };
}
