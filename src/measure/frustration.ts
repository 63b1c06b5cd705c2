// Frustration index of a signed graph: the fewest edges (or least weight) whose removal leaves it balanced, with the two-camp partition that attains it (Harary 1959; Aref, Mason & Wilson, Networks 75(1), 2020). Per connected component: leaves peeled, then exhaustive Gray-code search on small cores, local search with an unbalanced-cycle lower bound, and the AND/XOR binary programme solved by HiGHS when the bounds do not meet.
import type { SignedNetwork } from './signed-graph.js';
import { adjacency, type SignedAdjacency } from './signed-graph.js';
import { seededRandom } from './rng.js';
import { coreProblem, exhaustive, isFrustrated, localSearch, objective, type Colouring, type CoreProblem } from './frustration-search.js';
import { packUnbalancedCycles, violatedCycleCuts } from './frustration-bounds.js';
import { frustrationProgramme, type CycleCut, type Formulation, type MilpSolver } from './frustration-milp.js';

export { highsSolver, type MilpSolver, type Formulation } from './frustration-milp.js';

export interface FrustrationOptions {
  /** Minimise the frustrated weight (edge weights of the network) instead of the number of frustrated edges. */
  readonly weighted?: boolean;
  /** Largest core (nodes left after peeling leaves) searched exhaustively; larger ones go to bounds and the solver. */
  readonly exhaustiveLimit?: number;
  /** Random restarts of the local search. */
  readonly restarts?: number;
  readonly seed?: number;
  /** The MILP solver for cores the bounds do not settle (`await highsSolver()`); without one they keep their bounds. */
  readonly solver?: MilpSolver;
  /** Seconds the solver may spend on the whole network; when they run out the best partition and the proven bound are returned. */
  readonly timeLimit?: number;
  readonly formulation?: Formulation;
  /** 'milp' sends every core to the solver (skipping the exhaustive search and the bound shortcut), for tests and benchmarks. */
  readonly method?: 'auto' | 'milp';
  /**
   * Preferred camp (0 or 1) of some nodes, e.g. last year's. Among the optimal partitions the one that puts the fewest
   * of them in the other camp is returned (unweighted index only).
   */
  readonly anchor?: ReadonlyMap<string, 0 | 1>;
  /** Most unbalanced cycles packed for the bound (each also becomes a cut of the programme). */
  readonly maxCycles?: number;
  /** Rounds of odd-cycle cuts added to the linear relaxation before branching (0: none). */
  readonly cutRounds?: number;
}

/**
 * exhaustiveLimit: the crossover measured by `npm run bench:balance` (Gray-code search vs HiGHS on dense random
 * cores: the search is as fast or faster up to 18 nodes, 1.4–25× slower from 19); formulation: XOR, faster than AND with HiGHS on every
 * graph family of the bench and on the GDELT years (Aref et al. found AND best with Gurobi); timeLimit: a minute,
 * the time Aref et al. report for 15,000 edges with Gurobi.
 */
export const FRUSTRATION_DEFAULTS = { exhaustiveLimit: 18, restarts: 64, seed: 1, timeLimit: 60, formulation: 'xor', method: 'auto', maxCycles: 20_000, cutRounds: 25 } as const;

/** How one component's core was settled. */
export interface CoreReport {
  /** Nodes and edges of the core (the component less its tree-like fringe). */
  readonly nodes: number;
  readonly edges: number;
  readonly method: 'exhaustive' | 'bounds' | 'milp' | 'heuristic';
  readonly value: number;
  readonly lowerBound: number;
  readonly exact: boolean;
  readonly seconds: number;
}

export interface Frustration {
  /** Whether edges count by weight (true) or one each. */
  readonly weighted: boolean;
  /** Frustrated edges (or weight) under the partition: the index itself when exact, an upper bound otherwise. */
  readonly value: number;
  /** A proven lower bound on the index (equal to value when exact). */
  readonly lowerBound: number;
  /** Optimality proven. */
  readonly exact: boolean;
  /** Edges (or total weight) of the network. */
  readonly total: number;
  /** Normalised line index of balance, 1 − 2·value/total (1 = balanced); null without edges. */
  readonly lineIndex: number | null;
  /** The range the true line index is proven to lie in: [from value, from lowerBound]. */
  readonly lineIndexBounds: readonly [number, number] | null;
  /** The two camps: positive edges inside, negative edges across, except the frustrated ones. */
  readonly partition: readonly [readonly string[], readonly string[]];
  /** Each node's camp: its index in `partition`. */
  readonly camp: Readonly<Record<string, 0 | 1>>;
  /** Edges frustrated under the partition, as "a–b". */
  readonly frustrated: readonly string[];
  /** The components that needed a search (those that are not trees), largest first. */
  readonly cores: readonly CoreReport[];
  /** With an anchor: anchored nodes outside their preferred camp, and whether that number is proven least among optimal partitions. */
  readonly anchored?: { readonly moved: number; readonly closest: boolean };
  readonly solver: string | null;
  readonly seconds: number;
}

type Resolved = FrustrationOptions & Required<Pick<FrustrationOptions, 'exhaustiveLimit' | 'restarts' | 'seed' | 'timeLimit' | 'formulation' | 'method' | 'maxCycles' | 'cutRounds'>>;

interface CoreOutcome extends Colouring {
  readonly bound: number;
  readonly exact: boolean;
  readonly method: CoreReport['method'];
}

/** Frustration index of `net` with the two-camp partition that attains it. */
export function frustration(net: SignedNetwork, options: FrustrationOptions = {}): Frustration {
  const t0 = performance.now();
  const o: Resolved = { ...FRUSTRATION_DEFAULTS, ...options };
  if (o.weighted && o.anchor) throw new Error('measure/frustration: an anchor applies to the unweighted index only');
  if (o.method === 'milp' && !o.solver) throw new Error('measure/frustration: method "milp" needs a solver');
  const deadline = t0 + o.timeLimit * 1000;
  const adj = adjacency(net);
  const n = adj.n;
  const m = net.edges.length;
  const weight = Float64Array.from(net.edges, (e) => (o.weighted ? e.weight : 1));
  const index = new Map(net.nodes.map((id, i) => [id, i]));
  // Anchored nodes pay 1 for the other camp; frustrated edges are scaled above the most such payments can add up to.
  const prefer = new Int8Array(n).fill(-1);
  let anchored = 0;
  for (const [id, c] of o.anchor ?? []) {
    const i = index.get(id);
    if (i !== undefined) {
      prefer[i] = c;
      anchored++;
    }
  }
  const scale = o.anchor ? anchored + 1 : 1;
  const rng = seededRandom(o.seed);
  // Weighted sums are shown to 6 decimals, so that float noise from adding weights does not show.
  const round = (x: number) => (o.weighted ? Math.round(x * 1e6) / 1e6 : x);
  const colour = new Uint8Array(n);
  const cores: CoreReport[] = [];
  let lowerBound = 0;
  let exact = true;
  let closest = true;

  for (const comp of components(adj)) {
    const { core, peeled } = peel(adj, comp, weight, scale, prefer);
    let outcome: CoreOutcome | null = null;
    if (core.problem.n > 0) {
      const t = performance.now();
      outcome = solveCore(core.problem, o, rng, deadline, scale);
      core.nodes.forEach((v, i) => (colour[v] = outcome!.colour[i]));
      cores.push({ nodes: core.problem.n, edges: core.problem.m, method: outcome.method, value: 0, lowerBound: 0, exact: false, seconds: (performance.now() - t) / 1000 });
    }
    for (const v of peeled.roots) colour[v] = peeled.rootColour.get(v)!;
    for (let k = peeled.order.length - 1; k >= 0; k--) {
      const [u, v] = [peeled.order[k], peeled.parent[k]];
      colour[u] = colour[v] ? peeled.choice1[k] : peeled.choice0[k];
    }
    // Frustrated weight of the component, and the bound on it that the core's (scaled) bound proves.
    let value = 0;
    let anchoredHere = 0;
    for (const v of comp) {
      if (prefer[v] >= 0) anchoredHere++;
      for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
        if (adj.neighbours[p] > v && isFrustrated(adj.signs[p], colour[v], colour[adj.neighbours[p]])) value += weight[adj.edgeIds[p]];
      }
    }
    let bound = value;
    if (outcome && !outcome.exact) {
      closest = false;
      const b = (outcome.bound - anchoredHere) / scale;
      bound = Math.min(value, Math.max(0, o.weighted ? b : Math.ceil(b - 1e-9)));
    }
    if (o.weighted ? value - bound > 1e-9 * Math.max(1, value) : bound < value) exact = false;
    lowerBound += bound;
    if (outcome) Object.assign(cores[cores.length - 1], { value: round(value), lowerBound: round(bound), exact: bound >= value - 1e-9 * Math.max(1, value) });
    // Without anchors a component's camps are interchangeable: put its larger side (or its first node) in camp 0.
    if (anchoredHere === 0) {
      let ones = 0;
      for (const v of comp) ones += colour[v];
      if (2 * ones > comp.length || (2 * ones === comp.length && colour[comp[0]] === 1)) for (const v of comp) colour[v] ^= 1;
    }
  }

  const frustrated: string[] = [];
  let value = 0;
  let total = 0;
  net.edges.forEach((e, k) => {
    total += weight[k];
    if (isFrustrated(e.sign, colour[adj.ends[2 * k]], colour[adj.ends[2 * k + 1]])) {
      frustrated.push(`${e.a}–${e.b}`);
      value += weight[k];
    }
  });
  let blocs: [string[], string[]] = [[], []];
  net.nodes.forEach((id, i) => blocs[colour[i]].push(id));
  if (!o.anchor && (blocs[1].length > blocs[0].length || (blocs[0].length === blocs[1].length && (blocs[1][0] ?? '') < (blocs[0][0] ?? '')))) blocs = [blocs[1], blocs[0]];
  const camp: Record<string, 0 | 1> = {};
  blocs.forEach((b, c) => b.forEach((id) => (camp[id] = c as 0 | 1)));
  const [v, lb, tot] = [round(value), round(Math.min(lowerBound, value)), round(total)];
  let moved = 0;
  for (let i = 0; i < n; i++) if (prefer[i] >= 0 && prefer[i] !== colour[i]) moved++;
  return {
    weighted: !!o.weighted,
    value: v,
    lowerBound: exact ? v : lb,
    exact,
    total: tot,
    lineIndex: total > 0 ? 1 - (2 * value) / total : null,
    lineIndexBounds: total > 0 ? [1 - (2 * value) / total, 1 - (2 * (exact ? value : lowerBound)) / total] : null,
    partition: blocs,
    camp,
    frustrated,
    cores: cores.sort((x, y) => y.edges - x.edges || y.nodes - x.nodes),
    ...(o.anchor ? { anchored: { moved, closest: closest && exact } } : {}),
    solver: o.solver?.name ?? null,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** One core: exhaustive when small, else local search and cycle packing, then the solver while the bounds differ. */
function solveCore(p: CoreProblem, o: Resolved, rng: () => number, deadline: number, scale: number): CoreOutcome {
  const free = p.symmetric ? p.n - 1 : p.n;
  if (o.method === 'auto' && free < o.exhaustiveLimit) {
    const best = exhaustive(p);
    return { ...best, bound: best.value, exact: true, method: 'exhaustive' };
  }
  const preferred = Uint8Array.from({ length: p.n }, (_, i) => (p.cost1[i] < p.cost0[i] ? 1 : 0));
  let best: Colouring = localSearch(p, o.restarts, rng, p.symmetric ? [] : [preferred]);
  const packing = packUnbalancedCycles(p, o.maxCycles);
  let nodeFloor = 0;
  for (let i = 0; i < p.n; i++) nodeFloor += Math.min(p.cost0[i], p.cost1[i]);
  let bound = packing.bound + nodeFloor;
  const settled = (ub: number, lb: number) => (p.integral ? ub - lb < 1 - 1e-9 : ub - lb <= 1e-9 * Math.max(1, Math.abs(ub)));
  if (o.method === 'auto' && settled(best.value, bound)) return { ...best, bound: best.value, exact: true, method: 'bounds' };
  const left = (deadline - performance.now()) / 1000;
  if (!o.solver || left < 0.05) return { ...best, bound, exact: false, method: 'heuristic' };
  // Whole-number objectives are optimal once the gap is under one; with anchors, one frustrated edge is worth `scale`.
  const absGap = p.integral ? 1 - 1e-6 : 1e-6 * Math.max(1, best.value / scale);
  const floor = (lp: number) => (p.integral ? Math.ceil(lp - 1e-6) : lp - absGap);
  // Cutting planes: solve the linear relaxation, add the odd-cycle inequalities it violates, repeat (at most a third of the time).
  const cuts: CycleCut[] = [...packing.cycles];
  const cutsUntil = performance.now() + (left * 1000) / 3;
  for (let round = 0; round < o.cutRounds && performance.now() < cutsUntil; round++) {
    const programme = frustrationProgramme(p, o.formulation, cuts);
    const lp = o.solver.solve({ ...programme.model, integer: new Uint8Array(programme.model.numCols) }, { timeLimit: (cutsUntil - performance.now()) / 1000, absGap: 0 });
    if (lp.status !== 'optimal' || !lp.x) break;
    bound = Math.max(bound, floor(lp.objective));
    if (settled(best.value, bound)) return { ...best, bound: best.value, exact: true, method: 'milp' };
    const f = programme.edgeFrustration(lp.x);
    const sources = fractionalNodes(p, f, 400);
    const found = violatedCycleCuts(p, f, Math.max(50, p.n), sources);
    if (found.length === 0) break;
    cuts.push(...found);
  }
  const programme = frustrationProgramme(p, o.formulation, cuts);
  const r = o.solver.solve(programme.model, { timeLimit: Math.max(0.01, (deadline - performance.now()) / 1000), absGap, start: programme.startOf(best.colour) });
  if (r.x) {
    const c = Uint8Array.from({ length: p.n }, (_, i) => (r.x![programme.nodeColumn[i]] > 0.5 ? 1 : 0));
    const value = objective(p, c);
    if (value < best.value) best = { colour: c, value };
  }
  bound = Math.max(bound, r.bound);
  if (r.status === 'optimal' || settled(best.value, bound)) return { ...best, bound: best.value, exact: true, method: 'milp' };
  return { ...best, bound: Math.min(bound, best.value), exact: false, method: 'milp' };
}

/** Up to `limit` nodes, those with the most fractional edge values around them first. */
function fractionalNodes(p: CoreProblem, f: Float64Array, limit: number): number[] {
  const score = Float64Array.from({ length: p.n }, (_, i) => {
    let s = 0;
    for (let q = p.offsets[i]; q < p.offsets[i + 1]; q++) s += Math.min(f[p.edgeOf[q]], 1 - f[p.edgeOf[q]]);
    return s;
  });
  return Array.from({ length: p.n }, (_, i) => i)
    .filter((i) => score[i] > 1e-6)
    .sort((a, b) => score[b] - score[a])
    .slice(0, limit);
}

interface Peeled {
  /** Nodes removed as leaves, in removal order, with the node each hung from and its best colour for each colour of that node. */
  readonly order: number[];
  readonly parent: number[];
  readonly choice0: number[];
  readonly choice1: number[];
  /** Nodes left with no edge (a component that was a tree), with their best colour. */
  readonly roots: number[];
  readonly rootColour: Map<number, number>;
}

/**
 * Removes leaves until none is left. A leaf's edge can always be satisfied, so its cost as a function of its
 * neighbour's colour moves to the neighbour and the leaf is coloured afterwards. What remains is the 2-core.
 */
function peel(adj: SignedAdjacency, comp: readonly number[], weight: Float64Array, scale: number, prefer: Int8Array): { core: { nodes: number[]; problem: CoreProblem }; peeled: Peeled } {
  const cost0 = new Map<number, number>();
  const cost1 = new Map<number, number>();
  const degree = new Map<number, number>();
  const deadEdge = new Set<number>();
  for (const v of comp) {
    cost0.set(v, prefer[v] === 1 ? 1 : 0);
    cost1.set(v, prefer[v] === 0 ? 1 : 0);
    degree.set(v, adj.offsets[v + 1] - adj.offsets[v]);
  }
  const peeled: Peeled = { order: [], parent: [], choice0: [], choice1: [], roots: [], rootColour: new Map() };
  const queue = comp.filter((v) => degree.get(v) === 1);
  const gone = new Set<number>();
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    if (degree.get(u) !== 1) continue;
    let p = adj.offsets[u];
    while (deadEdge.has(adj.edgeIds[p])) p++;
    const [v, e, s] = [adj.neighbours[p], adj.edgeIds[p], adj.signs[p]];
    const w = weight[e] * scale;
    const best = (t: number): [number, number] => {
      const c0 = cost0.get(u)! + (isFrustrated(s, 0, t) ? w : 0);
      const c1 = cost1.get(u)! + (isFrustrated(s, 1, t) ? w : 0);
      return c1 < c0 || (c1 === c0 && !isFrustrated(s, 1, t)) ? [1, c1] : [0, c0];
    };
    const [[k0, f0], [k1, f1]] = [best(0), best(1)];
    cost0.set(v, cost0.get(v)! + f0);
    cost1.set(v, cost1.get(v)! + f1);
    peeled.order.push(u);
    peeled.parent.push(v);
    peeled.choice0.push(k0);
    peeled.choice1.push(k1);
    deadEdge.add(e);
    gone.add(u);
    degree.set(u, 0);
    degree.set(v, degree.get(v)! - 1);
    if (degree.get(v) === 1) queue.push(v);
  }
  const nodes = comp.filter((v) => !gone.has(v) && degree.get(v)! > 0);
  for (const v of comp) {
    if (!gone.has(v) && degree.get(v) === 0) {
      peeled.roots.push(v);
      peeled.rootColour.set(v, cost1.get(v)! < cost0.get(v)! ? 1 : 0);
    }
  }
  const local = new Map(nodes.map((v, i) => [v, i]));
  const edges: { a: number; b: number; sign: number; weight: number }[] = [];
  for (const v of nodes) {
    for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
      const u = adj.neighbours[p];
      if (u > v && !deadEdge.has(adj.edgeIds[p]) && local.has(u)) edges.push({ a: local.get(v)!, b: local.get(u)!, sign: adj.signs[p], weight: weight[adj.edgeIds[p]] * scale });
    }
  }
  const problem = coreProblem(nodes.length, edges, Float64Array.from(nodes, (v) => cost0.get(v)!), Float64Array.from(nodes, (v) => cost1.get(v)!));
  return { core: { nodes, problem }, peeled };
}

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

/**
 * A lower bound on the frustration index: a set of edge-disjoint unbalanced cycles (triangles first), each of
 * which needs one of its edges removed.
 */
export function disjointUnbalancedCycles(net: SignedNetwork): number {
  const index = new Map(net.nodes.map((id, i) => [id, i]));
  const p = coreProblem(net.nodes.length, net.edges.map((e) => ({ a: index.get(e.a)!, b: index.get(e.b)!, sign: e.sign, weight: 1 })));
  return packUnbalancedCycles(p).bound;
}
