// Baseline forecasts: the capability×salience-weighted mean and median (Black 1948, the median voter), the median actor and the capability-weighted mean.
import type { SpatialProblem } from './problem.js';

/** Capability×salience-weighted mean position on each dimension, in input units. */
export function weightedMean(problem: SpatialProblem): number[] {
  return problem.dimensions.map((_, k) => {
    let total = 0;
    let weight = 0;
    for (const a of problem.actors) {
      const w = a.capability * a.saliences[k];
      weight += w;
      total += w * a.positions[k];
    }
    return weight > 0 ? total / weight : Number.NaN;
  });
}

/**
 * Capability×salience-weighted median on each dimension: the position no coalition of more than half
 * the weight on either side can defeat. When the cumulative weight lands exactly on one half, the
 * midpoint of the two neighbouring positions is returned.
 */
export function weightedMedian(problem: SpatialProblem): number[] {
  return problem.dimensions.map((_, k) => {
    const pts = problem.actors
      .map((a) => ({ x: a.positions[k], w: a.capability * a.saliences[k] }))
      .filter((p) => p.w > 0)
      .sort((p, q) => p.x - q.x);
    const half = pts.reduce((s, p) => s + p.w, 0) / 2;
    let cum = 0;
    for (let n = 0; n < pts.length; n++) {
      cum += pts[n].w;
      if (Math.abs(cum - half) <= 1e-12 * half && n + 1 < pts.length) return (pts[n].x + pts[n + 1].x) / 2;
      if (cum >= half) return pts[n].x;
    }
    return Number.NaN;
  });
}

/** Median of the actors' positions on each dimension, every actor counting once (capability and salience ignored). */
export function actorMedian(problem: SpatialProblem): number[] {
  return problem.dimensions.map((_, k) => {
    const xs = problem.actors.map((a) => a.positions[k]).sort((p, q) => p - q);
    const m = xs.length >> 1;
    return xs.length % 2 === 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
  });
}

/** Capability-weighted mean position on each dimension (salience ignored), in input units. */
export function capabilityMean(problem: SpatialProblem): number[] {
  return problem.dimensions.map((_, k) => {
    const weight = problem.actors.reduce((t, a) => t + a.capability, 0);
    return weight > 0 ? problem.actors.reduce((t, a) => t + a.capability * a.positions[k], 0) / weight : Number.NaN;
  });
}
