// Change points in the mean of a series by PELT, pruned exact penalised segmentation (Killick, Fearnhead & Eckley 2012).
import { median } from './theil-sen.js';

export interface ChangePointOptions {
  /** Penalty per change point in squared-error units; default 2·σ̂²·ln n (BIC for a mean shift). */
  readonly penalty?: number;
  /** Fewest values in a segment. */
  readonly minSegment?: number;
}

export const CHANGE_POINT_DEFAULTS = { minSegment: 2 } as const;

export interface Segmentation {
  /** Index of the first value of each new segment (never 0), ascending. */
  readonly changes: readonly number[];
  /** Mean of each segment, in order (changes.length + 1 entries). */
  readonly means: readonly number[];
  readonly penalty: number;
  /** Total squared error of the segmentation plus penalty × number of changes. */
  readonly cost: number;
}

/** Noise scale from first differences (median absolute deviation / √2), robust to the shifts being sought. */
export function noiseVariance(y: ArrayLike<number>): number {
  if (y.length < 3) return 0;
  const d = new Float64Array(y.length - 1);
  for (let i = 1; i < y.length; i++) d[i - 1] = y[i] - y[i - 1];
  const m = median(d);
  for (let i = 0; i < d.length; i++) d[i] = Math.abs(d[i] - m);
  const sigma = (1.4826 * median(d)) / Math.SQRT2;
  return sigma * sigma;
}

/** The default penalty for `y`: 2·σ̂²·ln n, with a floor so that a constant series has none. */
export function defaultPenalty(y: ArrayLike<number>): number {
  const n = y.length;
  const v = noiseVariance(y);
  return 2 * Math.max(v, 1e-12) * Math.log(Math.max(n, 2));
}

/** Optimal segmentation of `y` into constant-mean pieces minimising squared error + penalty per change (PELT). */
export function changePoints(y: ArrayLike<number>, options: ChangePointOptions = {}): Segmentation {
  const n = y.length;
  const minSeg = Math.max(1, options.minSegment ?? CHANGE_POINT_DEFAULTS.minSegment);
  const penalty = options.penalty ?? defaultPenalty(y);
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i] + y[i];
    s2[i + 1] = s2[i] + y[i] * y[i];
  }
  // Squared error of y[a..b) around its mean.
  const cost = (a: number, b: number): number => {
    const m = b - a;
    const sum = s1[b] - s1[a];
    return Math.max(0, s2[b] - s2[a] - (sum * sum) / m);
  };
  const F = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const last = new Int32Array(n + 1).fill(-1);
  F[0] = -penalty;
  // Candidate last-change positions; a pruned one stays usable until segments after its rival reach minSeg.
  let candidates: Array<{ s: number; until: number }> = [{ s: 0, until: Number.POSITIVE_INFINITY }];
  for (let t = minSeg; t <= n; t++) {
    candidates = candidates.filter((c) => c.until >= t);
    let best = Number.POSITIVE_INFINITY;
    let arg = -1;
    const values = new Float64Array(candidates.length).fill(Number.NaN);
    for (let k = 0; k < candidates.length; k++) {
      const s = candidates[k].s;
      if (t - s < minSeg) continue;
      const v = F[s] + cost(s, t) + penalty;
      values[k] = v;
      if (v < best) {
        best = v;
        arg = s;
      }
    }
    if (arg >= 0) {
      F[t] = best;
      last[t] = arg;
    }
    // Pruning (Killick et al. 2012, theorem 3.1, K = 0): s can no longer beat t once t may start a segment.
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k];
      if (c.until === Number.POSITIVE_INFINITY && values[k] - penalty > F[t]) c.until = t + minSeg - 1;
    }
    if (Number.isFinite(F[t]) && t + minSeg <= n) candidates.push({ s: t, until: Number.POSITIVE_INFINITY });
  }
  const changes: number[] = [];
  for (let t = n; t > 0 && last[t] > 0; t = last[t]) changes.unshift(last[t]);
  const bounds = [0, ...changes, n];
  const means: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    means.push(b > a ? (s1[b] - s1[a]) / (b - a) : Number.NaN);
  }
  return { changes, means, penalty, cost: n === 0 ? 0 : Number.isFinite(F[n]) ? F[n] : cost(0, n) };
}
