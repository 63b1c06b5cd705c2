// KTAB Spatial Model of Politics (Wise et al., KAPSARC, 2015-2017): risk-aware challenges, interpolated bargains, conditional PCE.
import type { SpatialProblem } from './problem.js';
import { unitPositions } from './problem.js';
import { argMax, coalitionStrengths, conditionalPce, scalarPce, victoryProbabilities } from './pce.js';

/** KTAB's defaults for the run loop (SMPModel::configExec) and position equivalence. */
export const SMP_DEFAULTS = {
  maxIterations: 100,
  minIterations: 2,
  /** Stop once a step moves less than this fraction of the first step. */
  minDeltaRatio: 0.02,
  /** Added to the first step's size to avoid 0/0. */
  minSigDelta: 1e-4,
  /** Two positions closer than this (on the unit scale) count as one option. */
  positionTolerance: 1e-3,
} as const;

export interface SmpOptions {
  readonly maxIterations?: number;
  readonly minIterations?: number;
  readonly minDeltaRatio?: number;
}

/** One state of the run: unit-scale positions (`[i * nd + k]`) and each actor's chance that its position prevails. */
export interface SmpState {
  readonly positions: Float64Array;
  readonly probabilities: Float64Array;
}

/** The whole deterministic run: `states[0]` is the input, `states.length - 1` steps follow. */
export interface SmpRun {
  readonly kind: 'smp-run';
  readonly states: readonly SmpState[];
  readonly iterations: number;
  /** Probability-weighted mean of the final positions, per dimension, on the unit scale. */
  readonly outcome: Float64Array;
}

interface Actors {
  readonly na: number;
  readonly nd: number;
  readonly cap: Float64Array;
  readonly sal: Float64Array;
  /** Sum of an actor's saliences, its overall attention to the problem. */
  readonly salSum: Float64Array;
  /** Sum of squared saliences, the normaliser of the weighted distance. */
  readonly salSq: Float64Array;
}

/** Risk attitudes and every actor's estimate `util[h * na * na + i * na + j]` of i's utility for j's position. */
interface Assessment {
  readonly nra: Float64Array;
  readonly util: Float64Array;
}

interface Bargain {
  readonly init: number;
  readonly rcvr: number;
  readonly posInit: Float64Array;
  readonly posRcvr: Float64Array;
}

/** Runs KTAB's SMP in deterministic mode with its default sub-models and returns every state. */
export function runSmp(problem: SpatialProblem, options: SmpOptions = {}): SmpRun {
  const maxIterations = options.maxIterations ?? SMP_DEFAULTS.maxIterations;
  const minIterations = options.minIterations ?? SMP_DEFAULTS.minIterations;
  const minDeltaRatio = options.minDeltaRatio ?? SMP_DEFAULTS.minDeltaRatio;
  const actors = prepareActors(problem);

  let positions = unitPositions(problem);
  let assessment = assess(actors, positions);
  const states: SmpState[] = [{ positions, probabilities: positionProbabilities(actors, positions, assessment).perActor }];
  let iterations = 0;
  for (;;) {
    iterations++;
    positions = step(actors, positions, assessment);
    assessment = assess(actors, positions);
    states.push({ positions, probabilities: positionProbabilities(actors, positions, assessment).perActor });
    const first = stateDistance(states[0].positions, states[1].positions, actors) + SMP_DEFAULTS.minSigDelta;
    const last = stateDistance(states[iterations].positions, states[iterations - 1].positions, actors);
    const quiet = last / first < minDeltaRatio;
    if (maxIterations <= iterations || (minIterations <= iterations && quiet)) break;
  }
  const final = positionProbabilities(actors, positions, assessment);
  const outcome = new Float64Array(actors.nd);
  final.unique.forEach((i, u) => {
    for (let k = 0; k < actors.nd; k++) outcome[k] += final.perUnique[u] * positions[i * actors.nd + k];
  });
  return { kind: 'smp-run', states, iterations, outcome };
}

function prepareActors(problem: SpatialProblem): Actors {
  const na = problem.actors.length;
  const nd = problem.dimensions.length;
  const cap = new Float64Array(na);
  const sal = new Float64Array(na * nd);
  const salSum = new Float64Array(na);
  const salSq = new Float64Array(na);
  problem.actors.forEach((a, i) => {
    cap[i] = a.capability;
    for (let k = 0; k < nd; k++) {
      const s = a.saliences[k];
      sal[i * nd + k] = s;
      salSum[i] = salSum[i] + s;
      salSq[i] = salSq[i] + s * s;
    }
  });
  return { na, nd, cap, sal, salSum, salSq };
}

/** Utility of a normalised distance `sd` under risk attitude `r` in [-1/2, 1] (KTAB's bsUtil). */
function distanceUtility(sd: number, r: number): number {
  return sd <= 1 ? (1 - sd) * (1 + sd * r) : (1 - sd) * (1 + r);
}

/** Salience-weighted distance from actor i's position to point `p` (offset `po`), normalised to [0, 1]. */
function weightedDistance(a: Actors, pos: Float64Array, i: number, p: Float64Array, po: number): number {
  const nd = a.nd;
  let dsSqr = 0;
  for (let k = 0; k < nd; k++) {
    const ds = (pos[i * nd + k] - p[po + k]) * a.sal[i * nd + k];
    dsSqr = dsSqr + ds * ds;
  }
  return Math.sqrt(dsSqr / a.salSq[i]);
}

// Risk attitudes come from how likely each actor's position is to win when everyone is risk neutral
// (KTAB's "Mid" range), and each actor h estimates i's attitude as (2 r_h + r_i) / 3 ("OneThird").
function assess(a: Actors, pos: Float64Array): Assessment {
  const na = a.na;
  const dist = new Float64Array(na * na);
  const neutral = new Float64Array(na * na);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < na; j++) {
      const d = weightedDistance(a, pos, i, pos, j * a.nd);
      dist[i * na + j] = d;
      neutral[i * na + j] = distanceUtility(d, 0);
    }
  }
  const p = conditionalPce(victoryProbabilities(coalitionStrengths(a.cap, neutral, na, na), na), na);
  let pMin = 1.0;
  let pMax = 0.0;
  for (let i = 0; i < na; i++) {
    pMin = p[i] < pMin ? p[i] : pMin;
    pMax = p[i] > pMax ? p[i] : pMax;
  }
  const nra = new Float64Array(na);
  for (let i = 0; i < na; i++) nra[i] = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
  const util = new Float64Array(na * na * na);
  for (let h = 0; h < na; h++) {
    const base = h * na * na;
    for (let i = 0; i < na; i++) {
      const rhi = (2.0 * nra[h] + nra[i]) / 3.0;
      for (let j = 0; j < na; j++) util[base + i * na + j] = distanceUtility(dist[i * na + j], rhi);
    }
  }
  return { nra, util };
}

/**
 * h's estimate (utilities at `base`) of the probability that i beats j and of the expected gain to k
 * from i challenging j: principals vote their own stakes, third parties join the side they prefer
 * in the little three-actor contest, semi-committed (KTAB's probEduChlg).
 */
function challenge(a: Actors, u: Float64Array, base: number, k: number, i: number, j: number): [number, number] {
  const na = a.na;
  const uii = u[base + i * na + i];
  const uij = u[base + i * na + j];
  const uji = u[base + j * na + i];
  const ujj = u[base + j * na + j];
  const euSQ = u[base + k * na + i] + u[base + k * na + j];
  const euWin = u[base + k * na + i] + u[base + k * na + i];
  const euLose = u[base + k * na + j] + u[base + k * na + j];
  const sj = a.salSum[j];
  const ownI = a.salSum[i] * a.cap[i] * (uii - uij);
  const ownJ = sj * a.cap[j] * (uji - ujj);
  let forI = 1e-10;
  let forJ = 1e-10;
  if (ownI > 0) forI = forI + ownI;
  if (ownI < 0) forJ = forJ - ownI;
  if (ownJ > 0) forI = forI + ownJ;
  if (ownJ < 0) forJ = forJ - ownJ;
  const baseI = forI;
  const baseJ = forJ;
  for (let n = 0; n < na; n++) {
    if (n === i || n === j) continue;
    const wn = a.salSum[n] * a.cap[n];
    const uni = u[base + n * na + i];
    const unj = u[base + n * na + j];
    const unn = u[base + n * na + n];
    const lean = wn * (uni - unj);
    const ci = lean > 0 ? baseI + lean : baseI;
    const cj = lean < 0 ? baseJ - lean : baseJ;
    const pin = ci / (ci + cj);
    const pjn = 1.0 - pin;
    const joinI = pin * (uni + uni + unn) + pjn * (unj + unj + unj);
    const joinJ = pin * (uni + uni + uni) + pjn * (unj + unj + unn);
    const v = wn * (joinI - joinJ);
    if (v > 0) forI = forI + v;
    if (v < 0) forJ = forJ - v;
  }
  const pij = forI / (forI + forJ);
  const pji = forJ / (forI + forJ);
  const euContest = pij * euWin + pji * euLose;
  const euChallenge = (1 - sj) * euWin + sj * euContest;
  return [pij, euChallenge - euSQ];
}

function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000.0) / 10000.0;
}

// Interpolated bargain weighted by salience² × probability² ("S2P2"), rounded to 4 decimals as KTAB does.
function interpolate(a: Actors, pos: Float64Array, i: number, j: number, prbI: number, prbJ: number): Bargain {
  const nd = a.nd;
  const posInit = new Float64Array(nd);
  const posRcvr = new Float64Array(nd);
  const minW = 1e-6;
  for (let k = 0; k < nd; k++) {
    const ti = pos[i * nd + k];
    const si = a.sal[i * nd + k];
    const tj = pos[j * nd + k];
    const sj = a.sal[j * nd + k];
    const wi = si * si * (prbI * prbI);
    const wj = sj * sj * (prbJ * prbJ);
    posInit[k] = round4(((wi + minW) * ti + wj * tj) / (wi + minW + wj));
    posRcvr[k] = round4((wi * ti + (minW + wj) * tj) / (wi + minW + wj));
  }
  return { init: i, rcvr: j, posInit, posRcvr };
}

// One round: each actor picks its most profitable challenge and proposes a bargain; each actor then
// adopts the bargain in its queue (status quo included) that the group most likely prefers.
function step(a: Actors, pos: Float64Array, as: Assessment): Float64Array {
  const { na, nd } = a;
  const u = as.util;
  const bargains: Bargain[] = [];
  for (let i = 0; i < na; i++) {
    let bestJ = -1;
    let bestP = 0;
    let bestEU = -1.0;
    const base = i * na * na;
    for (let j = 0; j < na; j++) {
      if (j === i) continue;
      const [p, edu] = challenge(a, u, base, i, i, j);
      if (1e-5 < edu && bestEU < edu) {
        bestJ = j;
        bestP = p;
        bestEU = edu;
      }
    }
    if (0 < bestEU) bargains.push(interpolate(a, pos, i, bestJ, bestP, 1 - bestP));
  }

  const next = new Float64Array(na * nd);
  const queue: Bargain[] = [];
  for (let k = 0; k < na; k++) {
    queue.length = 0;
    for (const b of bargains) if (b.init === k || b.rcvr === k) queue.push(b);
    const nb = queue.length + 1;
    const uim = new Float64Array(na * nb);
    for (let n = 0; n < na; n++) {
      const own = n * na * na + n * na;
      let sq = 0.0;
      for (let m = 0; m < na; m++) sq = sq + u[own + m];
      uim[n * nb] = sq / na;
      for (let q = 0; q < queue.length; q++) {
        const b = queue[q];
        let s = 0.0;
        s = s + distanceUtility(weightedDistance(a, pos, n, b.posInit, 0), as.nra[n]);
        s = s + distanceUtility(weightedDistance(a, pos, n, b.posRcvr, 0), as.nra[n]);
        for (let m = 0; m < na; m++) if (m !== b.init && m !== b.rcvr) s = s + u[own + m];
        uim[n * nb + q + 1] = s / na;
      }
    }
    const chosen = argMax(scalarPce(a.cap, uim, na, nb));
    if (chosen === 0) {
      for (let d = 0; d < nd; d++) next[k * nd + d] = pos[k * nd + d];
    } else {
      const b = queue[chosen - 1];
      next.set(b.init === k ? b.posInit : b.posRcvr, k * nd);
    }
  }
  return next;
}

/** Sum over actors of the Euclidean distance each moved between two states (KTAB's stateDist). */
function stateDistance(p1: Float64Array, p2: Float64Array, a: Actors): number {
  let total = 0;
  for (let i = 0; i < a.na; i++) {
    let s = 0;
    for (let k = 0; k < a.nd; k++) {
      const d = p1[i * a.nd + k] - p2[i * a.nd + k];
      s = s + d * d;
    }
    total = total + Math.sqrt(s);
  }
  return total;
}

function equivalent(a: Actors, pos: Float64Array, i: number, j: number): boolean {
  let s = 0;
  for (let k = 0; k < a.nd; k++) {
    const d = pos[i * a.nd + k] - pos[j * a.nd + k];
    s = s + d * d;
  }
  return Math.sqrt(s) < SMP_DEFAULTS.positionTolerance;
}

// Chance of each distinct position prevailing, judged by each actor with its own risk attitude.
function positionProbabilities(
  a: Actors,
  pos: Float64Array,
  as: Assessment,
): { unique: number[]; perUnique: Float64Array; perActor: Float64Array } {
  const na = a.na;
  const unique: number[] = [];
  for (let i = 0; i < na; i++) if (!unique.some((j) => equivalent(a, pos, i, j))) unique.push(i);
  const nu = unique.length;
  const uu = new Float64Array(na * nu);
  for (let i = 0; i < na; i++) {
    for (let q = 0; q < nu; q++) uu[i * nu + q] = as.util[i * na * na + i * na + unique[q]];
  }
  const perUnique = scalarPce(a.cap, uu, na, nu);
  const perActor = new Float64Array(na);
  for (let i = 0; i < na; i++) {
    let at = 0;
    for (let q = 0; q < nu; q++) if (equivalent(a, pos, i, unique[q])) at = q;
    perActor[i] = perUnique[at];
  }
  return { unique, perUnique, perActor };
}
