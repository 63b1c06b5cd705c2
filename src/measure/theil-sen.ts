// Theil–Sen robust line: the median of pairwise slopes (Theil 1950; Sen 1968), intercept as the median residual.

export interface TheilSen {
  /** Change of y per unit of x. */
  readonly slope: number;
  /** Median of y − slope·x, so that y ≈ intercept + slope·x. */
  readonly intercept: number;
}

/** Median of a numeric array (the mean of the two middle values for even lengths); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Theil–Sen slope and intercept of points (x[i], y[i]); pairs with equal x are skipped. Null with fewer than two distinct x. */
export function theilSen(x: ArrayLike<number>, y: ArrayLike<number>): TheilSen | null {
  const n = x.length;
  if (y.length !== n) throw new Error('theilSen: x and y differ in length');
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[j] - x[i];
      if (dx !== 0) slopes[k++] = (y[j] - y[i]) / dx;
    }
  }
  if (k === 0) return null;
  const slope = median(slopes.subarray(0, k));
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = y[i] - slope * x[i];
  return { slope, intercept: median(residuals) };
}
