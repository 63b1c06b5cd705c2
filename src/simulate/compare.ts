// Models side by side: SMP, expected utility, weighted median and mean on one problem, their spread per dimension, and a plain-words flag when they disagree.
import type { SpatialProblem } from './problem.js';
import type { ModelName, SimulationResult } from './simulate.js';
import { MODEL_LABELS, simulate } from './simulate.js';

/** The models compared and the disagreement threshold, as a fraction of each dimension's range. */
export const COMPARE_DEFAULTS = {
  models: ['smp', 'eu', 'median', 'mean'] as readonly ModelName[],
  /** Spread (max − min of the predictions) above this share of the scale is called a disagreement. */
  disagreeShare: 0.2,
} as const;

export interface CompareOptions {
  readonly models?: readonly ModelName[];
  readonly disagreeShare?: number;
  /** Results already computed on the same problem, reused instead of running their model again. */
  readonly given?: readonly SimulationResult[];
}

/** One dimension: each model's prediction, their spread, and whether they disagree. */
export interface DimensionComparison {
  readonly dimension: string;
  readonly predictions: readonly { readonly model: ModelName; readonly prediction: number }[];
  readonly min: number;
  readonly max: number;
  /** max − min of the predictions, in input units. */
  readonly spread: number;
  /** spread as a share of the dimension's range. */
  readonly spreadShare: number;
  readonly disagree: boolean;
  /** The verdict in words, naming the extremes when the models disagree. */
  readonly summary: string;
}

/** The result of `compareModels`, included in `faultline simulate --json` and POST /api/simulate as `comparison`. */
export interface ModelComparison {
  readonly kind: 'model-comparison';
  readonly problem: string;
  readonly threshold: number;
  readonly dimensions: readonly DimensionComparison[];
  /** The summaries of the dimensions where the models disagree. */
  readonly warnings: readonly string[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Runs each model on the problem and compares their predictions per dimension (pure; no randomness). */
export function compareModels(problem: SpatialProblem, options: CompareOptions = {}): ModelComparison {
  const models = options.models ?? COMPARE_DEFAULTS.models;
  const threshold = options.disagreeShare ?? COMPARE_DEFAULTS.disagreeShare;
  const outcomes = models.map((model) => ({
    model,
    outcome: (options.given?.find((r) => r.model === model && r.problem === problem.name) ?? simulate(problem, { model })).final.outcome,
  }));
  const dimensions = problem.dimensions.map((d, k): DimensionComparison => {
    const predictions = outcomes.map((o) => ({ model: o.model, prediction: o.outcome[k] }));
    const xs = predictions.map((p) => p.prediction);
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    const spread = r2(max - min);
    const spreadShare = r2((max - min) / (d.max - d.min));
    const disagree = spreadShare > threshold;
    const list = predictions.map((p) => `${p.model} ${r2(p.prediction)}`).join(', ');
    const low = predictions.find((p) => p.prediction === min)!;
    const high = predictions.find((p) => p.prediction === max)!;
    const summary = disagree
      ? `${d.name}: the models disagree (${list}); ${MODEL_LABELS[high.model]} and ${MODEL_LABELS[low.model]} are ${spread} points apart, ` +
        `${Math.round(spreadShare * 100)}% of the scale and more than the ${Math.round(threshold * 100)}% threshold, so no single figure should be read as the forecast`
      : `${d.name}: the models agree within ${spread} points (${Math.round(spreadShare * 100)}% of the scale; ${list})`;
    return { dimension: d.name, predictions, min: r2(min), max: r2(max), spread, spreadShare, disagree, summary };
  });
  return { kind: 'model-comparison', problem: problem.name, threshold, dimensions, warnings: dimensions.filter((d) => d.disagree).map((d) => d.summary) };
}
