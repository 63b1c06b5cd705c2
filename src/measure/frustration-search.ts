// Frustration of one reduced component (a core: leaves peeled, their costs carried by the nodes they hung from): its objective, the exhaustive Gray-code search for small cores and a multi-start local search for large ones (Aref, Mason & Wilson 2018).

/**
 * One component to 2-colour: edges with sign and (scaled) weight, and a cost for giving each node colour 0 or 1.
 * Objective = Σ weight of frustrated edges + Σ node cost of the chosen colour.
 */
export interface CoreProblem {
  readonly n: number;
  readonly m: number;
  /** Endpoints of edge k at 2k and 2k+1 (local node numbers). */
  readonly ends: Int32Array;
  readonly signs: Int8Array;
  readonly weights: Float64Array;
  /** CSR adjacency: node i's entries at offsets[i]..offsets[i+1], neighbour and edge number per entry. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly edgeOf: Int32Array;
  readonly cost0: Float64Array;
  readonly cost1: Float64Array;
  /** Every weight and cost is a whole number, so the objective is too. */
  readonly integral: boolean;
  /** cost0 = cost1 everywhere: swapping the two colours leaves the objective unchanged. */
  readonly symmetric: boolean;
}

/** A colouring with its objective. */
export interface Colouring {
  readonly colour: Uint8Array;
  readonly value: number;
}

/** Builds a core problem from local edges (a < n, b < n, no repeats) and node costs. */
export function coreProblem(
  n: number,
  edges: readonly { readonly a: number; readonly b: number; readonly sign: number; readonly weight: number }[],
  cost0: Float64Array = new Float64Array(n),
  cost1: Float64Array = new Float64Array(n),
): CoreProblem {
  const m = edges.length;
  const ends = new Int32Array(2 * m);
  const signs = new Int8Array(m);
  const weights = new Float64Array(m);
  const degree = new Int32Array(n);
  edges.forEach((e, k) => {
    ends[2 * k] = e.a;
    ends[2 * k + 1] = e.b;
    signs[k] = e.sign > 0 ? 1 : -1;
    weights[k] = e.weight;
    degree[e.a]++;
    degree[e.b]++;
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * m);
  const edgeOf = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    const [a, b] = [ends[2 * k], ends[2 * k + 1]];
    neighbours[fill[a]] = b;
    edgeOf[fill[a]++] = k;
    neighbours[fill[b]] = a;
    edgeOf[fill[b]++] = k;
  }
  let integral = true;
  let symmetric = true;
  for (let k = 0; k < m && integral; k++) integral = Number.isInteger(weights[k]);
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(cost0[i]) || !Number.isInteger(cost1[i])) integral = false;
    if (cost0[i] !== cost1[i]) symmetric = false;
  }
  return { n, m, ends, signs, weights, offsets, neighbours, edgeOf, cost0, cost1, integral, symmetric };
}

export const isFrustrated = (sign: number, cu: number, cv: number): boolean => (sign > 0 ? cu !== cv : cu === cv);

/** Objective of a colouring: frustrated weight plus node costs. */
export function objective(p: CoreProblem, colour: Uint8Array): number {
  let f = 0;
  for (let k = 0; k < p.m; k++) if (isFrustrated(p.signs[k], colour[p.ends[2 * k]], colour[p.ends[2 * k + 1]])) f += p.weights[k];
  for (let i = 0; i < p.n; i++) f += colour[i] ? p.cost1[i] : p.cost0[i];
  return f;
}

/** Change of the objective when node i changes colour. */
function flipGain(p: CoreProblem, colour: Uint8Array, i: number): number {
  let d = colour[i] ? p.cost0[i] - p.cost1[i] : p.cost1[i] - p.cost0[i];
  for (let q = p.offsets[i]; q < p.offsets[i + 1]; q++) {
    const k = p.edgeOf[q];
    d += isFrustrated(p.signs[k], colour[i], colour[p.neighbours[q]]) ? -p.weights[k] : p.weights[k];
  }
  return d;
}

/** Least objective among colourings when every colouring is visited in Gray-code order (node 0 fixed when the colours are interchangeable). */
export function exhaustive(p: CoreProblem): Colouring {
  const c = new Uint8Array(p.n);
  let f = objective(p, c);
  let bestF = f;
  let best = c.slice();
  const first = p.symmetric ? 1 : 0;
  const free = p.n - first;
  if (free > 30) throw new Error(`measure/frustration: exhaustive search over ${free} free nodes`);
  const states = 2 ** free;
  const eps = p.integral ? 0 : 1e-9 * (1 + Math.abs(f));
  for (let g = 1; g < states; g++) {
    // Gray code: step g flips the node at the lowest set bit of g.
    const i = 31 - Math.clz32(g & -g) + first;
    f += flipGain(p, c, i);
    c[i] ^= 1;
    if (f < bestF - eps) {
      bestF = f;
      best = c.slice();
    }
  }
  return { colour: best, value: objective(p, best) };
}

/** Per adjacency entry: the edge's weight and whether it is negative, so a sweep reads one array each, not three. */
interface Adjacency {
  readonly weight: Float64Array;
  readonly negative: Uint8Array;
}

function adjacencyOf(p: CoreProblem): Adjacency {
  const weight = new Float64Array(p.neighbours.length);
  const negative = new Uint8Array(p.neighbours.length);
  for (let q = 0; q < p.neighbours.length; q++) {
    weight[q] = p.weights[p.edgeOf[q]];
    negative[q] = p.signs[p.edgeOf[q]] > 0 ? 0 : 1;
  }
  return { weight, negative };
}

/** Greedy single-node flips until none improves the objective; returns the objective. */
function improve(p: CoreProblem, c: Uint8Array, adj: Adjacency, gain: Float64Array): number {
  const eps = p.integral ? 0.5 : 1e-12;
  const { offsets, neighbours } = p;
  const { weight, negative } = adj;
  // every node's flip gain, kept up to date as nodes flip: a flip of v turns each of its edges' state, which moves
  // the gain of the neighbour at the other end by twice the edge's weight (one pass over the edges, not one per sweep).
  // An edge is frustrated when colour(u) ^ colour(v) ^ negative is 1.
  const exactGain = (i: number) => {
    let d = c[i] ? p.cost0[i] - p.cost1[i] : p.cost1[i] - p.cost0[i];
    for (let q = offsets[i]; q < offsets[i + 1]; q++) d += (c[i] ^ c[neighbours[q]] ^ negative[q]) === 1 ? -weight[q] : weight[q];
    return d;
  };
  // the objective from the same pass: each frustrated edge is seen from both ends
  let frustrated = 0;
  let nodeCost = 0;
  for (let i = 0; i < p.n; i++) {
    let d = c[i] ? p.cost0[i] - p.cost1[i] : p.cost1[i] - p.cost0[i];
    nodeCost += c[i] ? p.cost1[i] : p.cost0[i];
    for (let q = offsets[i]; q < offsets[i + 1]; q++) {
      if ((c[i] ^ c[neighbours[q]] ^ negative[q]) === 1) {
        d -= weight[q];
        frustrated += weight[q];
      } else d += weight[q];
    }
    gain[i] = d;
  }
  let value = frustrated / 2 + nodeCost;
  for (let moved = true; moved; ) {
    moved = false;
    for (let i = 0; i < p.n; i++) {
      if (gain[i] >= -eps) continue;
      // weights that are not whole numbers: decide on the exact gain, never on one that has drifted
      if (!p.integral && (gain[i] = exactGain(i)) >= -eps) continue;
      const ci = c[i];
      for (let q = offsets[i]; q < offsets[i + 1]; q++) {
        const j = neighbours[q];
        gain[j] += (ci ^ c[j] ^ negative[q]) === 1 ? 2 * weight[q] : -2 * weight[q];
      }
      c[i] = ci ^ 1;
      value += gain[i];
      gain[i] = -gain[i];
      moved = true;
    }
  }
  // whole numbers add up exactly; otherwise the sum is recounted so that rounding never accumulates
  return p.integral ? value : objective(p, c);
}

/** A colouring that satisfies every edge of a breadth-first spanning forest, each tree rooted at colour 0. */
export function treeColouring(p: CoreProblem): Uint8Array {
  const c = new Uint8Array(p.n);
  const seen = new Uint8Array(p.n);
  for (let s = 0; s < p.n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const i = queue[h];
      for (let q = p.offsets[i]; q < p.offsets[i + 1]; q++) {
        const j = p.neighbours[q];
        if (seen[j]) continue;
        seen[j] = 1;
        c[j] = p.signs[p.edgeOf[q]] > 0 ? c[i] : c[i] ^ 1;
        queue.push(j);
      }
    }
  }
  return c;
}

/**
 * Best colouring found by greedy flips from the given starts, a spanning-tree start and `restarts` random
 * starts; from each local optimum, a few random kicks of up to 5% of the nodes are tried (iterated local search).
 */
/**
 * Starts, then kicks, in a row without a better colouring after which local search stops: at least 24, and half
 * of the nodes on larger cores, whose local optima are many and far apart.
 */
const patienceOf = (n: number) => Math.max(24, Math.ceil(n / 2));

export function localSearch(p: CoreProblem, restarts: number, rng: () => number, starts: readonly Uint8Array[] = []): Colouring {
  let best: Uint8Array | null = null;
  let bestF = Infinity;
  const eps = p.integral ? 0.5 : 1e-9;
  const consider = (c: Uint8Array, f: number): boolean => {
    if (!(f < bestF - eps)) return false;
    bestF = f;
    best = c.slice();
    return true;
  };
  const all = [...starts.map((s) => s.slice()), treeColouring(p)];
  for (let r = 0; r < restarts; r++) {
    const c = new Uint8Array(p.n);
    for (let i = 0; i < p.n; i++) c[i] = rng() < 0.5 ? 0 : 1;
    all.push(c);
  }
  const adj = adjacencyOf(p);
  const gain = new Float64Array(p.n);
  // a run of `patience` starts (or kicks) that find nothing better ends the phase: the rest would most likely repeat
  // local optima already seen. The given starts and the tree start always run.
  const patience = patienceOf(p.n);
  let stale = 0;
  for (let k = 0; k < all.length && (k < all.length - restarts || stale < patience); k++) stale = consider(all[k], improve(p, all[k], adj, gain)) ? 0 : stale + 1;
  // Kicks from the incumbent: flip a random node and its neighbourhood, re-optimise, keep if better.
  const kicks = Math.min(4 * restarts, 20 + p.n);
  stale = 0;
  for (let r = 0; r < kicks && best && stale < patience; r++) {
    const c = (best as Uint8Array).slice();
    const v = Math.floor(rng() * p.n);
    c[v] ^= 1;
    for (let q = p.offsets[v]; q < p.offsets[v + 1]; q++) if (rng() < 0.5) c[p.neighbours[q]] ^= 1;
    stale = consider(c, improve(p, c, adj, gain)) ? 0 : stale + 1;
  }
  const colour = best ?? new Uint8Array(p.n);
  return { colour, value: objective(p, colour) };
}
