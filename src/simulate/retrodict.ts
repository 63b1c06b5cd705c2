// Retrodiction: every model's prediction from a scenario's asOf inputs set against the outcome that followed, with absolute errors and the best baseline.
import type { Scenario } from './scenario.js';
import { scenarioProblem, unsourcedInputs } from './scenario.js';
import type { ModelName } from './simulate.js';
import { MODEL_KIND, MODELS, simulate } from './simulate.js';
import type { Rng } from './rng.js';
import { monteCarlo } from './monte-carlo.js';

/** One model's call on one dimension of one scenario. */
export interface RetrodictedModel {
  readonly model: ModelName;
  readonly kind: 'model' | 'baseline';
  readonly prediction: number;
  /** |prediction − outcome|, in points of the scale. */
  readonly error: number;
}

/** The SMP's Monte Carlo band on the asOf inputs, and whether it held the outcome. */
export interface RetrodictedBand {
  readonly model: ModelName;
  readonly runs: number;
  readonly perturb: number;
  readonly p10: number;
  readonly p90: number;
  readonly pointInBand: boolean;
  readonly outcomeInBand: boolean;
}

/** One row of `faultline simulate --retrodict --json` and GET /api/retrodict. */
export interface RetrodictionRow {
  readonly scenario: string;
  readonly title: string;
  readonly asOf: string;
  readonly dimension: string;
  readonly outcome: number;
  readonly outcomeDate: string;
  readonly models: readonly RetrodictedModel[];
  /** The bargaining model (SMP or EU) with the smaller error. */
  readonly bestModel: { readonly model: ModelName; readonly error: number };
  /** The baseline with the smallest error. */
  readonly bestBaseline: { readonly model: ModelName; readonly error: number };
  /** True when a bargaining model beat every baseline on this row. */
  readonly modelBeatsBaselines: boolean;
  /** How many inputs rest on a note alone. */
  readonly unsourcedInputs: number;
  readonly band?: RetrodictedBand;
}

export interface RetrodictOptions {
  /** Monte Carlo runs of the SMP per scenario (none when absent). */
  readonly runs?: number;
  readonly perturb?: number;
  /** A fresh generator per scenario, so that a row does not depend on the others. */
  readonly rng?: (scenario: string) => Rng;
  readonly models?: readonly ModelName[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const best = (ms: readonly RetrodictedModel[]) => ms.reduce((a, b) => (b.error < a.error ? b : a));

/** Retrodicts every scenario that records an outcome; scenarios without one are skipped. */
export function retrodict(scenarios: readonly Scenario[], options: RetrodictOptions = {}): RetrodictionRow[] {
  const models = options.models ?? MODELS;
  const rows: RetrodictionRow[] = [];
  for (const s of scenarios) {
    if (!s.outcome || s.outcome.length === 0) continue;
    const problem = scenarioProblem(s);
    const predictions = new Map(models.map((m) => [m, simulate(problem, { model: m }).final.outcome]));
    const mc =
      options.runs !== undefined && options.rng
        ? monteCarlo(problem, { model: 'smp', runs: options.runs, perturb: options.perturb ?? 5, rng: options.rng(s.name) })
        : undefined;
    const unsourced = unsourcedInputs(s).length;
    for (const o of s.outcome) {
      const k = s.dimensions.findIndex((d) => d.name === o.dimension);
      const called = models.map((model): RetrodictedModel => {
        const prediction = r2(predictions.get(model)![k]);
        return { model, kind: MODEL_KIND[model], prediction, error: r2(Math.abs(prediction - o.value)) };
      });
      const bargaining = called.filter((m) => m.kind === 'model');
      const baselines = called.filter((m) => m.kind === 'baseline');
      const bm = bargaining.length ? best(bargaining) : undefined;
      const bb = baselines.length ? best(baselines) : undefined;
      const b = mc?.outcome[k];
      rows.push({
        scenario: s.name,
        title: s.title,
        asOf: s.asOf,
        dimension: o.dimension,
        outcome: o.value,
        outcomeDate: o.date,
        models: called,
        bestModel: bm ? { model: bm.model, error: bm.error } : { model: 'smp', error: Number.NaN },
        bestBaseline: bb ? { model: bb.model, error: bb.error } : { model: 'median', error: Number.NaN },
        modelBeatsBaselines: bm !== undefined && bb !== undefined && bm.error < bb.error,
        unsourcedInputs: unsourced,
        ...(b && mc
          ? { band: { model: 'smp' as const, runs: mc.runs, perturb: mc.perturb, p10: b.p10, p90: b.p90, pointInBand: b.pointInBand, outcomeInBand: o.value >= b.p10 && o.value <= b.p90 } }
          : {}),
      });
    }
  }
  return rows;
}

/** Per model over all rows: how many rows, the mean absolute error, and on how many rows it was the closest. */
export function retrodictionScores(rows: readonly RetrodictionRow[]): { model: ModelName; kind: 'model' | 'baseline'; rows: number; meanError: number; closest: number }[] {
  const models = rows[0]?.models.map((m) => m.model) ?? [];
  return models.map((model) => {
    const errors = rows.map((r) => r.models.find((m) => m.model === model)!.error);
    const closest = rows.filter((r) => {
      const e = r.models.find((m) => m.model === model)!.error;
      return r.models.every((m) => e <= m.error);
    }).length;
    return { model, kind: MODEL_KIND[model], rows: errors.length, meanError: r2(errors.reduce((t, e) => t + e, 0) / Math.max(1, errors.length)), closest };
  });
}
