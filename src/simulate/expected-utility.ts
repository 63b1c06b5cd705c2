// Bueno de Mesquita's expected utility model of group decisions, as specified by Scholz, Calbert & Smith (2011, J. Theor. Politics 23(4)).
import type { SpatialProblem } from './problem.js';

/** Defaults: Q = T = 1 (status quo expected if no challenge), stopping as in the SMP. */
export const EU_DEFAULTS = {
  maxRounds: 100,
  minRounds: 2,
  minDeltaRatio: 0.02,
  /** Probability the status quo persists when i does not challenge j. */
  q: 1.0,
  /** Probability, if it does not persist, that it moves in i's favour. */
  t: 1.0,
} as const;

export interface EuOptions {
  readonly maxRounds?: number;
  readonly minRounds?: number;
  readonly minDeltaRatio?: number;
  readonly q?: number;
  readonly t?: number;
  /**
   * Where the status-quo reference point μ sits: the median voter (Scholz et al.) or the weighted mean
   * (as the published Python port computes it). Only matters when `q < 1`.
   */
  readonly reference?: 'median-voter' | 'weighted-mean';
  /** Whether the challenger's own vote counts in its probability of success (Scholz: yes; the port: no). */
  readonly challengerVotes?: boolean;
}

/** What an actor did with the offer it accepted in a round. */
export type EuMove = 'loses-conflict' | 'compromise' | 'capitulation';

/** One accepted offer: `actor` moves towards `sender`, judged by both sides' expected utilities. */
export interface EuInteraction {
  readonly round: number;
  readonly dimension: number;
  readonly actor: number;
  readonly sender: number;
  readonly move: EuMove;
  /** The moving actor's expected utility of challenging the sender. */
  readonly euActor: number;
  /** The sender's expected utility of challenging the moving actor. */
  readonly euSender: number;
  readonly from: number;
  readonly to: number;
}

/** A run: `positions[t][i][k]` in input units for t = 0 … iterations, the interactions, and per-round μ. */
export interface EuRun {
  readonly kind: 'eu-run';
  readonly iterations: number;
  readonly positions: readonly (readonly (readonly number[])[])[];
  readonly reference: readonly (readonly number[])[];
  readonly trace: readonly EuInteraction[];
  /** Median voter position of the final round, per dimension. */
  readonly outcome: readonly number[];
}

interface Issue {
  readonly n: number;
  readonly c: Float64Array;
  readonly s: Float64Array;
  readonly range: number;
}

/** Runs the expected utility model on every dimension separately (the model is one-dimensional). */
export function runExpectedUtility(problem: SpatialProblem, options: EuOptions = {}): EuRun {
  const nd = problem.dimensions.length;
  const n = problem.actors.length;
  const perDim = problem.dimensions.map((d, k) => {
    const issue: Issue = {
      n,
      c: Float64Array.from(problem.actors, (a) => a.capability),
      s: Float64Array.from(problem.actors, (a) => a.saliences[k]),
      range: d.max - d.min,
    };
    return runIssue(issue, Float64Array.from(problem.actors, (a) => a.positions[k]), k, options);
  });
  const iterations = Math.max(...perDim.map((r) => r.history.length - 1));
  const positions: number[][][] = [];
  const reference: number[][] = [];
  for (let t = 0; t <= iterations; t++) {
    positions.push(problem.actors.map((_, i) => perDim.map((r) => r.history[Math.min(t, r.history.length - 1)][i])));
    reference.push(perDim.map((r) => r.mu[Math.min(t, r.mu.length - 1)]));
  }
  const trace = perDim.flatMap((r) => r.trace).sort((a, b) => a.round - b.round || a.dimension - b.dimension || a.actor - b.actor);
  return { kind: 'eu-run', iterations, positions, reference, trace, outcome: reference[iterations].slice(0, nd) };
}

function runIssue(issue: Issue, x0: Float64Array, dimension: number, options: EuOptions) {
  const maxRounds = options.maxRounds ?? EU_DEFAULTS.maxRounds;
  const minRounds = options.minRounds ?? EU_DEFAULTS.minRounds;
  const minDeltaRatio = options.minDeltaRatio ?? EU_DEFAULTS.minDeltaRatio;
  const history: Float64Array[] = [x0];
  const mu: number[] = [medianVoter(issue, x0)];
  const trace: EuInteraction[] = [];
  let x = x0;
  for (let round = 1; ; round++) {
    x = playRound(issue, x, round, dimension, options, trace);
    history.push(x);
    mu.push(medianVoter(issue, x));
    const first = moved(history[0], history[1]) / issue.range + 1e-4;
    const last = moved(history[round - 1], history[round]) / issue.range;
    if (maxRounds <= round || (minRounds <= round && last / first < minDeltaRatio)) break;
  }
  return { history, mu, trace };
}

function moved(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s;
}

/** The actor position that beats every other in capability×salience-weighted pairwise votes. */
export function medianVoter(issue: Issue, x: Float64Array): number {
  let best = Number.POSITIVE_INFINITY;
  let at = 0;
  for (let j = 0; j < issue.n; j++) {
    let loss = 0;
    for (let i = 0; i < issue.n; i++) loss += issue.c[i] * issue.s[i] * Math.abs(x[i] - x[j]);
    if (loss < best - 1e-12) {
      best = loss;
      at = j;
    }
  }
  return x[at];
}

function weightedMeanOf(issue: Issue, x: Float64Array): number {
  let t = 0;
  let w = 0;
  for (let i = 0; i < issue.n; i++) {
    w += issue.c[i] * issue.s[i];
    t += issue.c[i] * issue.s[i] * x[i];
  }
  return t / w;
}

// eu[i * n + j]: i's expected utility of challenging j, given risk exponents r.
function expectedUtilities(issue: Issue, x: Float64Array, r: Float64Array, mu: number, options: EuOptions): Float64Array {
  const { n, c, s, range } = issue;
  const q = options.q ?? EU_DEFAULTS.q;
  const t = options.t ?? EU_DEFAULTS.t;
  const selfVotes = options.challengerVotes ?? true;
  const eu = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || x[i] === x[j]) continue;
      let support = 0;
      let total = 0;
      for (let k = 0; k < n; k++) {
        if (k === i && !selfVotes) continue;
        const v = c[k] * s[k] * (Math.abs(x[k] - x[j]) - Math.abs(x[k] - x[i]));
        if (v > 0) support += v;
        total += Math.abs(v);
      }
      const p = total > 0 ? support / total : 0;
      const d = Math.abs(x[i] - x[j]) / range;
      const near = (Math.abs(x[i] - mu) + Math.abs(x[i] - x[j])) / range;
      const ri = r[i];
      const uSuccess = 2 - 4 * (0.5 - 0.5 * d) ** ri;
      const uFailure = 2 - 4 * (0.5 + 0.5 * d) ** ri;
      const uBetter = 2 - 4 * (0.5 - 0.25 * near) ** ri;
      const uWorse = 2 - 4 * (0.5 + 0.25 * near) ** ri;
      const uStatusQuo = 2 - 4 * 0.5 ** ri;
      const challenge = s[j] * (p * uSuccess + (1 - p) * uFailure) + (1 - s[j]) * uSuccess;
      const noChallenge = q * uStatusQuo + (1 - q) * (t * uBetter + (1 - t) * uWorse);
      eu[i * n + j] = challenge - noChallenge;
    }
  }
  return eu;
}

// Risk exponents from vulnerability: the more others expect to gain by challenging i, the more
// risk-acceptant i's chosen position shows it to be (R_i in [-1, 1], r_i in [1/2, 2]).
function riskExponents(issue: Issue, eu: Float64Array): Float64Array {
  const n = issue.n;
  const exposure = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) exposure[i] += eu[j * n + i];
  const hi = Math.max(...exposure);
  const lo = Math.min(...exposure);
  return exposure.map((e) => {
    const big = hi > lo ? (2 * e - hi - lo) / (hi - lo) : 0;
    return (1 - big / 3) / (1 + big / 3);
  });
}

function playRound(issue: Issue, x: Float64Array, round: number, dimension: number, options: EuOptions, trace: EuInteraction[]): Float64Array {
  const n = issue.n;
  const mu = options.reference === 'weighted-mean' ? weightedMeanOf(issue, x) : medianVoter(issue, x);
  const neutral = expectedUtilities(issue, x, new Float64Array(n).fill(1), mu, options);
  const eu = expectedUtilities(issue, x, riskExponents(issue, neutral), mu, options);
  const next = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    // Among the offers j receives, take the most valuable to its sender, then the nearest.
    let sender = -1;
    for (let i = 0; i < n; i++) {
      const e = eu[i * n + j];
      if (i === j || !(e > 0)) continue;
      const best = sender < 0 ? -1 : eu[sender * n + j];
      if (e > best || (e === best && Math.abs(x[i] - x[j]) < Math.abs(x[sender] - x[j]))) sender = i;
    }
    if (sender < 0) continue;
    const euSender = eu[sender * n + j];
    const euActor = eu[j * n + sender];
    let move: EuMove | null = null;
    let to = x[j];
    if (euActor > 0 && euActor < euSender) {
      move = 'loses-conflict';
      to = x[sender];
    } else if (euActor < 0 && -euActor < euSender) {
      move = 'compromise';
      to = x[j] + (x[sender] - x[j]) * Math.abs(euActor / euSender);
    } else if (euActor < 0) {
      move = 'capitulation';
      to = x[sender];
    }
    if (move === null) continue;
    next[j] = to;
    trace.push({ round, dimension, actor: j, sender, move, euActor, euSender, from: x[j], to });
  }
  return next;
}
