// Mann–Kendall trend test with the tie correction of the variance (Mann 1945; Kendall 1975), normal approximation with continuity correction.

export interface MannKendall {
  /** Kendall's S: concordant minus discordant pairs in time order. */
  readonly s: number;
  /** Variance of S under no trend, corrected for tied values. */
  readonly variance: number;
  /** Standardised statistic (S ∓ 1) / √variance; 0 when S is 0. */
  readonly z: number;
  /** Two-sided p-value of z under the standard normal. */
  readonly p: number;
}

/** Mann–Kendall test of the series `y` taken in order; null with fewer than three values. */
export function mannKendall(y: ArrayLike<number>): MannKendall | null {
  const n = y.length;
  if (n < 3) return null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(y[j] - y[i]);
  }
  // Tied groups reduce the variance of S by Σ t(t−1)(2t+5)/18.
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(y[i], (counts.get(y[i]) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = variance <= 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, variance, z, p: z === 0 ? 1 : Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

/** P(Z > z) for a standard normal Z, via the complementary error function. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function, Chebyshev fit with relative error below 1.2e-7 (Numerical Recipes, 2nd ed., §6.2). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
