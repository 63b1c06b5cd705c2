// The bargaining problem every model reads: actors with a capability and, per dimension, a position and a salience.

/** One issue dimension; positions on it are given in input units between `min` and `max`. */
export interface Dimension {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** Where an input value comes from: a URL (with its date), a knowledge-base claim or event id, a structural indicator, or a note on the judgement made. */
export interface InputCitation {
  readonly field: string;
  readonly source?: string;
  readonly date?: string;
  readonly claim?: string;
  readonly event?: string;
  /** A structural figure with its dataset and URL, in words. */
  readonly indicator?: string;
  readonly note?: string;
}

/** An actor of the problem. Saliences are fractions of attention in [0, 1] whose sum is at most 1. */
export interface ProblemActor {
  readonly name: string;
  readonly description: string;
  readonly capability: number;
  readonly positions: readonly number[];
  readonly saliences: readonly number[];
  readonly citations: readonly InputCitation[];
}

/** A read-only, serialisable bargaining problem, the input of every model in `simulate/`. */
export interface SpatialProblem {
  readonly kind: 'spatial-problem';
  readonly name: string;
  readonly description: string;
  readonly dimensions: readonly Dimension[];
  readonly actors: readonly ProblemActor[];
}

/** Positions rescaled to [0, 1] per dimension, actor-major (`out[i * nd + k]`). */
export function unitPositions(problem: SpatialProblem): Float64Array {
  const nd = problem.dimensions.length;
  const out = new Float64Array(problem.actors.length * nd);
  problem.actors.forEach((a, i) => {
    for (let k = 0; k < nd; k++) {
      const d = problem.dimensions[k];
      // (x - min) / (max - min) is exact for KTAB's 0..100 inputs, matching its x / 100.
      out[i * nd + k] = (a.positions[k] - d.min) / (d.max - d.min);
    }
  });
  return out;
}

/** Maps a [0, 1] coordinate back to the input units of dimension `k`. */
export function toInputUnits(problem: SpatialProblem, k: number, unit: number): number {
  const d = problem.dimensions[k];
  return unit * (d.max - d.min) + d.min;
}
