// Lower bound on the frustration index by packing unbalanced cycles (every unbalanced cycle needs one of its edges removed; Harary 1959, as used for bounds by Aref, Mason & Wilson 2018).
import type { CoreProblem } from './frustration-search.js';

export interface CyclePacking {
  /** Σ of the packed amounts: a lower bound on the least frustrated weight. */
  readonly bound: number;
  /** Edge numbers of each packed cycle (cuts for the integer programme). */
  readonly cycles: readonly (readonly number[])[];
}

/**
 * Packs unbalanced cycles into the edge weights: each cycle takes the least residual weight along it from all its
 * edges, so that no edge gives more than its weight. Unbalanced triangles are packed first, then the cycles that a
 * breadth-first 2-colouring of the edges with weight left finds as sign conflicts. With unit weights this is a set of
 * edge-disjoint unbalanced cycles. Stops after `maxCycles` cycles.
 */
export function packUnbalancedCycles(p: CoreProblem, maxCycles = Infinity): CyclePacking {
  const residual = Float64Array.from(p.weights);
  let top = 0;
  for (let k = 0; k < p.m; k++) top = Math.max(top, p.weights[k]);
  // Residuals below tol count as used up: whole weights leave 0 or ≥ 1; real ones drift by rounding only.
  const tol = p.integral ? 0.5 : 1e-9 * Math.max(1, top);
  const cycles: number[][] = [];
  let bound = 0;
  const take = (edges: number[]) => {
    let y = Infinity;
    for (const e of edges) y = Math.min(y, residual[e]);
    for (const e of edges) residual[e] -= y;
    bound += y;
    cycles.push(edges);
  };
  // Triangles u < v < w, found by marking u's neighbours.
  const mark = new Int32Array(p.n).fill(-1);
  for (let u = 0; u < p.n && cycles.length < maxCycles; u++) {
    for (let q = p.offsets[u]; q < p.offsets[u + 1]; q++) mark[p.neighbours[q]] = p.edgeOf[q];
    for (let q = p.offsets[u]; q < p.offsets[u + 1] && cycles.length < maxCycles; q++) {
      const v = p.neighbours[q];
      const e1 = p.edgeOf[q];
      if (v <= u || residual[e1] <= tol) continue;
      for (let r = p.offsets[v]; r < p.offsets[v + 1]; r++) {
        const w = p.neighbours[r];
        const e3 = w > v ? mark[w] : -1;
        if (e3 < 0) continue;
        const e2 = p.edgeOf[r];
        if (residual[e1] > tol && residual[e2] > tol && residual[e3] > tol && p.signs[e1] * p.signs[e2] * p.signs[e3] < 0) take([e1, e2, e3]);
      }
    }
    for (let q = p.offsets[u]; q < p.offsets[u + 1]; q++) mark[p.neighbours[q]] = -1;
  }
  while (cycles.length < maxCycles) {
    const cycle = unbalancedCycle(p, residual, tol);
    if (!cycle) break;
    take(cycle);
  }
  return { bound, cycles };
}

/** Edges of one unbalanced cycle among the edges with residual weight above `tol`, or null when those are balanced. */
function unbalancedCycle(p: CoreProblem, residual: Float64Array, tol: number): number[] | null {
  const colour = new Int8Array(p.n).fill(-1);
  const parent = new Int32Array(p.n).fill(-1);
  const parentEdge = new Int32Array(p.n).fill(-1);
  const depth = new Int32Array(p.n);
  for (let s = 0; s < p.n; s++) {
    if (colour[s] >= 0) continue;
    colour[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      for (let q = p.offsets[u]; q < p.offsets[u + 1]; q++) {
        const e = p.edgeOf[q];
        if (residual[e] <= tol || e === parentEdge[u]) continue;
        const v = p.neighbours[q];
        const want = p.signs[e] > 0 ? colour[u] : colour[u] ^ 1;
        if (colour[v] < 0) {
          colour[v] = want;
          parent[v] = u;
          parentEdge[v] = e;
          depth[v] = depth[u] + 1;
          queue.push(v);
        } else if (colour[v] !== want) {
          // The tree paths from u and v to their common ancestor are sign-consistent, so e closes an unbalanced cycle.
          const edges = [e];
          let [x, y] = [u, v];
          while (x !== y) {
            if (depth[x] >= depth[y]) {
              edges.push(parentEdge[x]);
              x = parent[x];
            } else {
              edges.push(parentEdge[y]);
              y = parent[y];
            }
          }
          return edges;
        }
      }
    }
  }
  return null;
}
