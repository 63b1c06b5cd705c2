// Frustration index of a signed graph: fewest edges whose removal leaves it balanced (Harary 1959; Aref, Mason & Wilson 2018). Exact by Gray-code enumeration of 2-colourings for components up to 20 nodes; above that, a multi-start local-search upper bound and a lower bound from edge-disjoint unbalanced cycles.
import type { SignedAdjacency, SignedNetwork } from './signed-graph.js';
import { adjacency } from './signed-graph.js';
import { seededRandom } from './rng.js';

export interface FrustrationOptions {
  /** Largest component solved exactly. */
  readonly exactLimit?: number;
  /** Random restarts of the local search on larger components. */
  readonly restarts?: number;
  readonly seed?: number;
}

export const FRUSTRATION_DEFAULTS = { exactLimit: 20, restarts: 64, seed: 1 } as const;

export interface Frustration {
  /** Frustrated edges under the partition (the index itself when exact, an upper bound otherwise). */
  readonly value: number;
  readonly exact: boolean;
  /** The two blocs: positive edges inside, negative edges across, except `value` of them. */
  readonly partition: readonly [readonly string[], readonly string[]];
  /** Edges frustrated under the partition, as "a–b". */
  readonly frustrated: readonly string[];
  /** A proven lower bound, given when the value is not exact. */
  readonly lowerBound?: number;
}

/** Frustration index of `net` with the two-bloc partition that attains it. */
export function frustration(net: SignedNetwork, options: FrustrationOptions = {}): Frustration {
  const o = { ...FRUSTRATION_DEFAULTS, ...options };
  const adj = adjacency(net);
  const colour = new Uint8Array(adj.n);
  let exact = true;
  let lowerBound = 0;
  const rng = seededRandom(o.seed);
  for (const component of components(adj)) {
    if (component.length <= o.exactLimit) {
      const best = exhaustive(adj, component);
      component.forEach((v, i) => (colour[v] = best[i]));
    } else {
      exact = false;
      const best = localSearch(adj, component, o.restarts, rng);
      component.forEach((v, i) => (colour[v] = best[i]));
    }
  }
  const frustrated: string[] = [];
  net.edges.forEach((e, k) => {
    if (isFrustrated(e.sign, colour[adj.ends[2 * k]], colour[adj.ends[2 * k + 1]])) frustrated.push(`${e.a}–${e.b}`);
  });
  if (!exact) lowerBound = disjointUnbalancedCycles(net, adj);
  const blocs: [string[], string[]] = [[], []];
  net.nodes.forEach((id, i) => blocs[colour[i]].push(id));
  // The larger bloc first, so that the output does not depend on which colour the search started from.
  const partition = blocs[0].length > blocs[1].length || (blocs[0].length === blocs[1].length && (blocs[0][0] ?? '') <= (blocs[1][0] ?? '')) ? blocs : ([blocs[1], blocs[0]] as [string[], string[]]);
  return { value: frustrated.length, exact, partition, frustrated, ...(exact ? {} : { lowerBound }) };
}

const isFrustrated = (sign: number, cu: number, cv: number): boolean => (sign > 0 ? cu !== cv : cu === cv);

/** Connected components as lists of node indices, each ascending. */
function components(adj: SignedAdjacency): number[][] {
  const seen = new Uint8Array(adj.n);
  const out: number[][] = [];
  for (let s = 0; s < adj.n; s++) {
    if (seen[s]) continue;
    const comp = [s];
    seen[s] = 1;
    for (let k = 0; k < comp.length; k++) {
      const u = comp[k];
      for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
        const v = adj.neighbours[p];
        if (!seen[v]) {
          seen[v] = 1;
          comp.push(v);
        }
      }
    }
    out.push(comp.sort((x, y) => x - y));
  }
  return out;
}

/** Minimum-frustration colouring of one component by visiting all 2^(m−1) colourings in Gray-code order. */
function exhaustive(adj: SignedAdjacency, comp: readonly number[]): Uint8Array {
  const m = comp.length;
  const local = new Int32Array(adj.n).fill(-1);
  comp.forEach((v, i) => (local[v] = i));
  const c = new Uint8Array(m);
  // All nodes start in bloc 0: the negative edges are the frustrated ones.
  let f = 0;
  for (const v of comp) {
    for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) if (adj.signs[p] < 0 && adj.neighbours[p] > v) f++;
  }
  let bestF = f;
  let best = c.slice();
  const states = 2 ** (m - 1);
  for (let g = 1; g < states; g++) {
    // Gray code: step g flips the node at the lowest set bit of g (node 0 stays fixed by symmetry).
    const i = 31 - Math.clz32(g & -g) + 1;
    const v = comp[i];
    for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
      f += isFrustrated(adj.signs[p], c[i], c[local[adj.neighbours[p]]]) ? -1 : 1;
    }
    c[i] ^= 1;
    if (f < bestF) {
      bestF = f;
      best = c.slice();
    }
  }
  return best;
}

/** Best colouring found by greedy single-node flips from a balanced-spanning-tree start and random starts. */
function localSearch(adj: SignedAdjacency, comp: readonly number[], restarts: number, rng: () => number): Uint8Array {
  const m = comp.length;
  const local = new Int32Array(adj.n).fill(-1);
  comp.forEach((v, i) => (local[v] = i));
  const count = (c: Uint8Array): number => {
    let f = 0;
    for (let i = 0; i < m; i++) {
      const v = comp[i];
      for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
        const j = local[adj.neighbours[p]];
        if (j > i && isFrustrated(adj.signs[p], c[i], c[j])) f++;
      }
    }
    return f;
  };
  const improve = (c: Uint8Array): number => {
    for (let moved = true; moved; ) {
      moved = false;
      for (let i = 0; i < m; i++) {
        const v = comp[i];
        let gain = 0;
        for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) gain += isFrustrated(adj.signs[p], c[i], c[local[adj.neighbours[p]]]) ? 1 : -1;
        if (gain > 0) {
          c[i] ^= 1;
          moved = true;
        }
      }
    }
    return count(c);
  };
  // Start 0: colour along a BFS tree so that every tree edge is satisfied.
  const start = new Uint8Array(m);
  const seen = new Uint8Array(m);
  const queue = [0];
  seen[0] = 1;
  for (let k = 0; k < queue.length; k++) {
    const i = queue[k];
    const v = comp[i];
    for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
      const j = local[adj.neighbours[p]];
      if (!seen[j]) {
        seen[j] = 1;
        start[j] = adj.signs[p] > 0 ? start[i] : start[i] ^ 1;
        queue.push(j);
      }
    }
  }
  let best = start.slice();
  let bestF = improve(best);
  for (let r = 0; r < restarts; r++) {
    const c = new Uint8Array(m);
    for (let i = 0; i < m; i++) c[i] = rng() < 0.5 ? 0 : 1;
    const f = improve(c);
    if (f < bestF) {
      bestF = f;
      best = c;
    }
  }
  return best;
}

/**
 * A lower bound on the frustration index: each unbalanced cycle needs one of its edges removed, so a set of
 * edge-disjoint unbalanced cycles proves that many. Unbalanced triangles are taken first, then cycles found
 * as sign conflicts of a breadth-first 2-colouring of the remaining edges.
 */
export function disjointUnbalancedCycles(net: SignedNetwork, adj: SignedAdjacency = adjacency(net)): number {
  const used = new Uint8Array(net.edges.length);
  let cycles = 0;
  const mark = new Int32Array(adj.n).fill(-1);
  for (let u = 0; u < adj.n; u++) {
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) mark[adj.neighbours[p]] = p;
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
      const v = adj.neighbours[p];
      if (v <= u) continue;
      for (let q = adj.offsets[v]; q < adj.offsets[v + 1]; q++) {
        const w = adj.neighbours[q];
        const r = w > v ? mark[w] : -1;
        if (r < 0) continue;
        const [e1, e2, e3] = [adj.edgeIds[p], adj.edgeIds[q], adj.edgeIds[r]];
        if (used[e1] || used[e2] || used[e3]) continue;
        if (adj.signs[p] * adj.signs[q] * adj.signs[r] < 0) {
          used[e1] = used[e2] = used[e3] = 1;
          cycles++;
        }
      }
    }
    for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) mark[adj.neighbours[p]] = -1;
  }
  for (;;) {
    const cycle = findUnbalancedCycle(adj, used);
    if (!cycle) return cycles;
    for (const e of cycle) used[e] = 1;
    cycles++;
  }
}

/** Edges of one unbalanced cycle among the unused edges, or null when they form a balanced graph. */
function findUnbalancedCycle(adj: SignedAdjacency, used: Uint8Array): number[] | null {
  const colour = new Int8Array(adj.n).fill(-1);
  const parent = new Int32Array(adj.n).fill(-1);
  const parentEdge = new Int32Array(adj.n).fill(-1);
  const depth = new Int32Array(adj.n);
  for (let s = 0; s < adj.n; s++) {
    if (colour[s] >= 0) continue;
    colour[s] = 0;
    const queue = [s];
    for (let k = 0; k < queue.length; k++) {
      const u = queue[k];
      for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
        const e = adj.edgeIds[p];
        if (used[e] || e === parentEdge[u]) continue;
        const v = adj.neighbours[p];
        const want = adj.signs[p] > 0 ? colour[u] : colour[u] ^ 1;
        if (colour[v] < 0) {
          colour[v] = want;
          parent[v] = u;
          parentEdge[v] = e;
          depth[v] = depth[u] + 1;
          queue.push(v);
        } else if (colour[v] !== want) {
          // Tree paths from u and v to their common ancestor are sign-consistent, so edge e closes an unbalanced cycle.
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
