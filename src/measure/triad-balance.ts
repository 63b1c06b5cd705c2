// Triad balance: the share of signed triangles whose sign product is positive (Cartwright & Harary 1956).
import type { SignedNetwork } from './signed-graph.js';
import { adjacency } from './signed-graph.js';

export interface TriadCount {
  readonly balanced: number;
  readonly unbalanced: number;
  /** balanced / all triangles; null when the network has no triangle. */
  readonly ratio: number | null;
}

/** Counts balanced and unbalanced triangles of `net`. */
export function triadBalance(net: SignedNetwork): TriadCount {
  const adj = adjacency(net);
  // Sign of the edge to each neighbour of the current node, 0 when absent.
  const mark = new Int8Array(adj.n);
  let balanced = 0;
  let unbalanced = 0;
  for (let u = 0; u < adj.n; u++) {
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) mark[adj.neighbours[p]] = adj.signs[p];
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
      const v = adj.neighbours[p];
      if (v <= u) continue;
      for (let q = adj.offsets[v]; q < adj.offsets[v + 1]; q++) {
        const w = adj.neighbours[q];
        if (w <= v || mark[w] === 0) continue;
        if (adj.signs[p] * adj.signs[q] * mark[w] > 0) balanced++;
        else unbalanced++;
      }
    }
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) mark[adj.neighbours[p]] = 0;
  }
  const total = balanced + unbalanced;
  return { balanced, unbalanced, ratio: total ? balanced / total : null };
}
