// Lower bound on the frustration index by packing unbalanced cycles (every unbalanced cycle needs one of its edges removed; Harary 1959, as used for bounds by Aref, Mason & Wilson 2018).
import type { CoreProblem } from './frustration-search.js';
import type { CycleCut } from './frustration-milp.js';

export interface CyclePacking {
  /** Σ of the packed amounts: a lower bound on the least frustrated weight. */
  readonly bound: number;
  /** Edge numbers of each packed cycle (cuts for the integer programme). */
  readonly cycles: readonly CycleCut[];
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
  const cycles: CycleCut[] = [];
  let bound = 0;
  const take = (edges: number[]) => {
    let y = Infinity;
    for (const e of edges) y = Math.min(y, residual[e]);
    for (const e of edges) residual[e] -= y;
    bound += y;
    cycles.push({ edges });
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

/**
 * Odd-cycle inequalities that a fractional solution violates (Barahona & Mahjoub 1986): a shortest path in the
 * doubled graph from (s, even) to (s, odd), where an edge costs f_e when kept and 1 − f_e when flipped, is a closed
 * walk of the wrong parity; below 1 it is violated. The walk is cut down to a simple cycle that still is. At most
 * `maxCuts` cuts, searched from `sources` (default: every node).
 */
export function violatedCycleCuts(p: CoreProblem, f: Float64Array, maxCuts: number, sources?: readonly number[]): CycleCut[] {
  const N = 2 * p.n;
  const dist = new Float64Array(N);
  const pred = new Int32Array(N);
  const predEdge = new Int32Array(N);
  const predFlip = new Uint8Array(N);
  const done = new Uint8Array(N);
  const heap = new MinHeap(4 * p.m + 2);
  const seen = new Set<string>();
  const cuts: CycleCut[] = [];
  const eps = 1e-6;
  const neg = (k: number) => (p.signs[k] < 0 ? 1 : 0);
  for (const s of sources ?? Array.from({ length: p.n }, (_, i) => i)) {
    if (cuts.length >= maxCuts) break;
    dist.fill(Infinity);
    done.fill(0);
    heap.clear();
    dist[2 * s] = 0;
    pred[2 * s] = -1;
    heap.push(2 * s, 0);
    const target = 2 * s + 1;
    while (heap.size > 0) {
      const [u, d] = heap.pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      if (u === target || d >= 1 - eps) break;
      const [v, parity] = [u >> 1, u & 1];
      for (let q = p.offsets[v]; q < p.offsets[v + 1]; q++) {
        const k = p.edgeOf[q];
        const w = p.neighbours[q];
        for (let flip = 0; flip < 2; flip++) {
          const cost = flip ? 1 - f[k] : f[k];
          const to = 2 * w + (parity ^ (flip ? 1 - neg(k) : neg(k)));
          const nd = d + cost;
          if (nd < dist[to] - 1e-12) {
            dist[to] = nd;
            pred[to] = u;
            predEdge[to] = k;
            predFlip[to] = flip;
            heap.push(to, nd);
          }
        }
      }
    }
    if (!(dist[target] < 1 - eps)) continue;
    // The walk s … s as (edge, flip) steps with the node each step reaches.
    const steps: { node: number; edge: number; flip: number }[] = [];
    for (let x = target; x !== 2 * s; x = pred[x]) steps.unshift({ node: x >> 1, edge: predEdge[x], flip: predFlip[x] });
    const cycle = simpleOddCycle(s, steps, neg);
    if (!cycle) continue;
    const key = cycle.map((c) => `${c.edge}${c.flip ? '~' : ''}`).sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    cuts.push({ edges: cycle.map((c) => c.edge), flipped: cycle.map((c) => c.flip) });
  }
  return cuts;
}

type Step = { node: number; edge: number; flip: number };

/** A simple closed sub-walk of odd label parity (label = negative XOR flipped), or null. */
function simpleOddCycle(start: number, steps: readonly Step[], neg: (k: number) => number): Step[] | null {
  const parity = (w: readonly Step[]) => w.reduce((x, st) => x ^ (st.flip ? 1 - neg(st.edge) : neg(st.edge)), 0);
  let walk = steps;
  let from = start;
  for (let guard = 0; guard < 1000; guard++) {
    if (walk.length < 3 || parity(walk) !== 1) return null;
    const at = new Map<number, number>([[from, -1]]);
    let split: [number, number] | null = null;
    for (let i = 0; i < walk.length - 1; i++) {
      const j = at.get(walk[i].node);
      if (j !== undefined) {
        split = [j, i];
        break;
      }
      at.set(walk[i].node, i);
    }
    if (!split) return [...walk];
    const [j, i] = split;
    // Steps j+1..i close a loop at walk[i].node; the rest closes the walk without it.
    const inner = walk.slice(j + 1, i + 1);
    if (parity(inner) === 1) {
      from = walk[i].node;
      walk = inner;
    } else {
      walk = [...walk.slice(0, j + 1), ...walk.slice(i + 1)];
    }
  }
  return null;
}

/** A binary min-heap of (item, key) with lazy deletion by the caller. */
class MinHeap {
  private items: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const [items, keys] = [new Int32Array(2 * this.size), new Float64Array(2 * this.size)];
      items.set(this.items);
      keys.set(this.keys);
      [this.items, this.keys] = [items, keys];
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.items[i] = this.items[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.items[0], this.keys[0]];
    const [item, key] = [this.items[--this.size], this.keys[this.size]];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.items[i] = this.items[c];
      this.keys[i] = this.keys[c];
      i = c;
    }
    this.items[i] = item;
    this.keys[i] = key;
    return top;
  }
}
