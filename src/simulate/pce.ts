// Probabilistic Condorcet election as in KTAB (Wise, KAPSARC): proportional-vote coalitions, linear victory odds, conditional PCE.

/**
 * Coalition strengths `c[i * no + j]`: the total proportional vote of actors preferring option i to j.
 * `u[k * no + i]` is actor k's utility for option i and `w[k]` its voting weight.
 */
export function coalitionStrengths(w: Float64Array, u: Float64Array, na: number, no: number): Float64Array {
  const minStrength = 1e-8; // keeps 0/0 out of the victory odds when nobody cares
  const c = new Float64Array(no * no);
  for (let i = 0; i < no; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minStrength;
      let cji = minStrength;
      for (let k = 0; k < na; k++) {
        const v = w[k] * (u[k * no + i] - u[k * no + j]);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i * no + j] = cij;
      c[j * no + i] = cji;
    }
    c[i * no + i] = minStrength;
  }
  return c;
}

/** Linear victory odds `p[i * no + j] = c_ij / (c_ij + c_ji)`, with 1/2 on the diagonal. */
export function victoryProbabilities(c: Float64Array, no: number): Float64Array {
  const p = new Float64Array(no * no);
  for (let i = 0; i < no; i++) {
    for (let j = 0; j < i; j++) {
      const x1 = c[i * no + j];
      const x2 = c[j * no + i];
      p[i * no + j] = x1 / (x1 + x2);
      p[j * no + i] = x2 / (x1 + x2);
    }
    p[i * no + i] = 0.5;
  }
  return p;
}

/** Conditional PCE: the chance that option i beats every other option, given that one of them does. */
export function conditionalPce(pv: Float64Array, no: number): Float64Array {
  const p = new Float64Array(no);
  let total = 0;
  for (let i = 0; i < no; i++) {
    let pi = 1.0;
    for (let j = 0; j < no; j++) pi = pi * pv[i * no + j];
    p[i] = pi;
  }
  for (let i = 0; i < no; i++) total = total + p[i];
  for (let i = 0; i < no; i++) p[i] = p[i] / total;
  return p;
}

/** Option probabilities from utilities and weights: coalitions, then victory odds, then conditional PCE. */
export function scalarPce(w: Float64Array, u: Float64Array, na: number, no: number): Float64Array {
  return conditionalPce(victoryProbabilities(coalitionStrengths(w, u, na, no), no), no);
}

/** Index of the first largest entry (KTAB's deterministic choice among bargains). */
export function argMax(p: Float64Array): number {
  let best = -1;
  let at = 0;
  for (let i = 0; i < p.length; i++) {
    const a = Math.abs(p[i]);
    if (best < a) {
      best = a;
      at = i;
    }
  }
  return at;
}
