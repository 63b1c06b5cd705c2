// Exact frustration of one core by binary linear programming: the AND and XOR models of Aref, Mason & Wilson ("A modeling and computational study of the frustration index in signed networks", Networks 75(1), 2020), with the highest-degree node fixed, unbalanced-cycle cuts, and a warm start; solved by HiGHS.
import type { CoreProblem } from './frustration-search.js';
import type { Highs } from 'highs';

/** A mixed-integer programme, min colCost·x + offset subject to rowLower ≤ A x ≤ rowUpper (A by rows), bounds and integrality. */
export interface MilpModel {
  readonly numCols: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 where the column is integer. */
  readonly integer: Uint8Array;
  readonly rowStarts: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly offset: number;
}

export interface MilpSolveOptions {
  /** Seconds the solver may take. */
  readonly timeLimit: number;
  /** Stop when incumbent − bound ≤ absGap (just under 1 for a whole-number objective). */
  readonly absGap: number;
  /** A feasible starting point, one value per column. */
  readonly start?: Float64Array;
}

export interface MilpResult {
  /** optimal: proven within absGap; limit: stopped by the time limit; failed: no usable answer. */
  readonly status: 'optimal' | 'limit' | 'failed';
  /** Best solution found (null when none). */
  readonly x: Float64Array | null;
  /** Its objective, offset included. */
  readonly objective: number;
  /** Proven lower bound on the optimum, offset included (−Infinity when none). */
  readonly bound: number;
}

/** What the frustration search needs from a MILP solver (HiGHS by default; tests may pass another). */
export interface MilpSolver {
  readonly name: string;
  solve(model: MilpModel, options: MilpSolveOptions): MilpResult;
}

export type Formulation = 'and' | 'xor';

/**
 * An odd-cycle inequality (Barahona & Mahjoub 1986) in frustration form: along a cycle the frustrated edges have the
 * parity of its negative edges, so a set `flipped` of the wrong parity cannot be exactly the frustrated ones:
 * Σ_{e ∈ flipped} (1 − f_e) + Σ_{e ∉ flipped} f_e ≥ 1. With no edge flipped on an unbalanced cycle: Σ f_e ≥ 1.
 */
export interface CycleCut {
  readonly edges: readonly number[];
  /** Same length as edges: 1 where the edge is in the flipped set. */
  readonly flipped?: readonly number[];
}

/** The programme of one core, with the columns holding the node colours. */
export interface FrustrationProgramme {
  readonly model: MilpModel;
  /** Column of node i's colour. */
  readonly nodeColumn: Int32Array;
  /** A full starting vector for a given colouring. */
  startOf(colour: Uint8Array): Float64Array;
  /** Each edge's frustration f_e in a (possibly fractional) solution. */
  edgeFrustration(x: Float64Array): Float64Array;
}

/**
 * Builds the binary programme of a core. Node colours x_i are binary; edge columns are continuous in [0, 1] (integral
 * at any optimum once the x are). XOR: f_ij ≥ |x_i − x_j| on positive edges, f_ij ≥ |x_i + x_j − 1| on negative ones,
 * objective Σ w f. AND: y_ij ≤ x_i, x_j (positive) or y_ij ≥ x_i + x_j − 1 (negative), with f written as
 * x_i + x_j − 2y_ij or 1 − x_i − x_j + 2y_ij. Each packed unbalanced cycle adds Σ f ≥ 1 over its edges. When the colours
 * are interchangeable, the highest-degree node is fixed to colour 1. HiGHS has no branching priorities, so the
 * node columns come first in order of falling degree instead.
 */
export function frustrationProgramme(p: CoreProblem, formulation: Formulation, cuts: readonly CycleCut[]): FrustrationProgramme {
  const order = Array.from({ length: p.n }, (_, i) => i);
  const degree = (i: number) => p.offsets[i + 1] - p.offsets[i];
  order.sort((a, b) => degree(b) - degree(a) || a - b);
  const nodeColumn = new Int32Array(p.n);
  order.forEach((i, col) => (nodeColumn[i] = col));
  const numCols = p.n + p.m;
  const edgeColumn = (k: number) => p.n + k;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integer = new Uint8Array(numCols);
  let offset = 0;
  for (let i = 0; i < p.n; i++) {
    integer[nodeColumn[i]] = 1;
    colCost[nodeColumn[i]] += p.cost1[i] - p.cost0[i];
    offset += p.cost0[i];
  }
  if (p.symmetric && p.n > 0) colLower[nodeColumn[order[0]]] = 1;

  const rows: { idx: number[]; val: number[]; lo: number; hi: number }[] = [];
  // f_k as a linear form: constant + Σ coefficient × column.
  const frustrationForm = (k: number): { c: number; idx: number[]; val: number[] } => {
    const [a, b] = [nodeColumn[p.ends[2 * k]], nodeColumn[p.ends[2 * k + 1]]];
    const e = edgeColumn(k);
    if (formulation === 'xor') return { c: 0, idx: [e], val: [1] };
    return p.signs[k] > 0 ? { c: 0, idx: [a, b, e], val: [1, 1, -2] } : { c: 1, idx: [a, b, e], val: [-1, -1, 2] };
  };
  for (let k = 0; k < p.m; k++) {
    const [a, b] = [nodeColumn[p.ends[2 * k]], nodeColumn[p.ends[2 * k + 1]]];
    const e = edgeColumn(k);
    const w = p.weights[k];
    const positive = p.signs[k] > 0;
    if (formulation === 'xor') {
      colCost[e] += w;
      if (positive) {
        rows.push({ idx: [e, a, b], val: [1, -1, 1], lo: 0, hi: Infinity });
        rows.push({ idx: [e, a, b], val: [1, 1, -1], lo: 0, hi: Infinity });
      } else {
        rows.push({ idx: [e, a, b], val: [1, -1, -1], lo: -1, hi: Infinity });
        rows.push({ idx: [e, a, b], val: [1, 1, 1], lo: 1, hi: Infinity });
      }
    } else {
      const f = frustrationForm(k);
      offset += w * f.c;
      f.idx.forEach((col, t) => (colCost[col] += w * f.val[t]));
      if (positive) {
        rows.push({ idx: [e, a], val: [1, -1], lo: -Infinity, hi: 0 });
        rows.push({ idx: [e, b], val: [1, -1], lo: -Infinity, hi: 0 });
      } else {
        rows.push({ idx: [e, a, b], val: [1, -1, -1], lo: -1, hi: Infinity });
      }
    }
  }
  for (const cut of cuts) {
    const sum = new Map<number, number>();
    let c = 0;
    let flips = 0;
    cut.edges.forEach((k, t) => {
      const sign = cut.flipped?.[t] ? -1 : 1;
      if (sign < 0) flips++;
      const f = frustrationForm(k);
      c += sign * f.c;
      f.idx.forEach((col, u) => sum.set(col, (sum.get(col) ?? 0) + sign * f.val[u]));
    });
    const idx = [...sum.keys()].filter((col) => sum.get(col) !== 0);
    rows.push({ idx, val: idx.map((col) => sum.get(col)!), lo: 1 - flips - c, hi: Infinity });
  }
  const rowStarts = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (rowStarts[i + 1] = rowStarts[i] + r.idx.length));
  const rowIndex = new Int32Array(rowStarts[rows.length]);
  const rowValue = new Float64Array(rowStarts[rows.length]);
  rows.forEach((r, i) => {
    rowIndex.set(r.idx, rowStarts[i]);
    rowValue.set(r.val, rowStarts[i]);
  });
  const model: MilpModel = {
    numCols,
    colCost,
    colLower,
    colUpper,
    integer,
    rowStarts,
    rowIndex,
    rowValue,
    rowLower: Float64Array.from(rows, (r) => r.lo),
    rowUpper: Float64Array.from(rows, (r) => r.hi),
    offset,
  };
  const startOf = (colour: Uint8Array): Float64Array => {
    // With the fixed node at 1, a colouring that has it at 0 is used swapped (same objective).
    const swap = p.symmetric && p.n > 0 && colour[order[0]] === 0 ? 1 : 0;
    const x = new Float64Array(numCols);
    for (let i = 0; i < p.n; i++) x[nodeColumn[i]] = colour[i] ^ swap;
    for (let k = 0; k < p.m; k++) {
      const [ci, cj] = [colour[p.ends[2 * k]] ^ swap, colour[p.ends[2 * k + 1]] ^ swap];
      x[edgeColumn(k)] = formulation === 'and' ? ci & cj : (p.signs[k] > 0 ? ci !== cj : ci === cj) ? 1 : 0;
    }
    return x;
  };
  const edgeFrustration = (x: Float64Array): Float64Array =>
    Float64Array.from({ length: p.m }, (_, k) => {
      const f = frustrationForm(k);
      let v = f.c;
      f.idx.forEach((col, t) => (v += f.val[t] * x[col]));
      return Math.min(1, Math.max(0, v));
    });
  return { model, nodeColumn, startOf, edgeFrustration };
}



let runtime: Promise<Highs> | null = null;

/** The HiGHS solver (WebAssembly, loaded once per process). */
export async function highsSolver(): Promise<MilpSolver> {
  // A CommonJS package: under NodeNext the default import is the loader function itself at run time.
  runtime ??= import('highs').then((m) => ((m as { default?: unknown }).default ?? m) as () => Promise<Highs>).then((load) => load());
  const highs = await runtime;
  const inf = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  return {
    name: `HiGHS ${highs.version.string}`,
    solve(m, o) {
      const model = highs.createModel({
        numCols: m.numCols,
        numRows: m.rowLower.length,
        colCost: m.colCost,
        colLower: m.colLower.map(inf),
        colUpper: m.colUpper.map(inf),
        rowLower: m.rowLower.map(inf),
        rowUpper: m.rowUpper.map(inf),
        offset: m.offset,
        matrix: { format: 'csr', numRows: m.rowLower.length, numCols: m.numCols, starts: m.rowStarts, indices: m.rowIndex, values: m.rowValue },
        integrality: Int32Array.from(m.integer),
      });
      try {
        model.options.set({ output_flag: false, time_limit: Math.max(0.01, o.timeLimit), mip_rel_gap: 0, mip_abs_gap: o.absGap });
        if (o.start) model.setSolution({ colValue: o.start });
        const { modelStatus } = model.run();
        const c = highs.constants.modelStatus;
        const info = (k: string) => Number(model.info.get(k));
        const hasSolution = info('primal_solution_status') === 2;
        const x = hasSolution ? model.getSolution().colValue : null;
        const objective = x ? model.getObjectiveValue() : Infinity;
        const optimal = modelStatus === c.optimal;
        const bound = optimal ? Math.min(objective, info('mip_dual_bound')) : info('mip_dual_bound');
        const status = optimal && x ? 'optimal' : x ? 'limit' : 'failed';
        return { status, x, objective, bound: Number.isFinite(bound) ? bound : -Infinity };
      } finally {
        model.dispose();
      }
    },
  };
}
