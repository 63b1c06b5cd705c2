// Structural balance over time: per period the line index of balance (1 − 2L/m; Harary 1959, Aref, Mason & Wilson 2020), the two camps, and who switched camps, with each period's camps aligned to the camps actors held before.
import type { SignedNetwork } from './signed-graph.js';
import { frustration, FRUSTRATION_DEFAULTS, type Frustration, type FrustrationOptions } from './frustration.js';

/** The signed network of one period. */
export interface PeriodNetwork {
  /** Label such as 2012. */
  readonly period: string;
  readonly network: SignedNetwork;
}

export interface BalanceOverTimeOptions extends Omit<FrustrationOptions, 'weighted' | 'anchor'> {
  /** Also compute the weighted index per period (default true). */
  readonly weighted?: boolean;
}

export type CampLabel = 'A' | 'B';

/** The index of one period: unweighted or weighted. */
export interface PeriodIndex {
  readonly value: number;
  readonly lowerBound: number;
  readonly exact: boolean;
  readonly total: number;
  readonly lineIndex: number | null;
  readonly lineIndexBounds: readonly [number, number] | null;
  readonly seconds: number;
}

export interface BalancePeriod {
  readonly period: string;
  readonly nodes: number;
  readonly edges: number;
  readonly negative: number;
  /** Connected pieces of the network: camps of different pieces are not tied to each other by any edge. */
  readonly components: number;
  /** Fewest frustrated edges, and the line index 1 − 2L/m. */
  readonly frustration: PeriodIndex;
  /** Least frustrated weight, and 1 − 2W/Σw; null when not asked for. */
  readonly weighted: PeriodIndex | null;
  readonly camps: { readonly A: readonly string[]; readonly B: readonly string[] };
  /** Frustrated edges under the camps, as "a–b". */
  readonly frustrated: readonly string[];
  /** Actors whose camp differs from the one they last held, with the period they last held it. */
  readonly switched: readonly { readonly actor: string; readonly from: CampLabel; readonly to: CampLabel; readonly since: string }[];
  /** Actors with no earlier camp. */
  readonly entered: readonly string[];
  /**
   * Actors with an earlier camp (`anchored`), how many of them the optimum moved, and whether that is proven the
   * fewest any optimal partition moves (otherwise it is the fewest found).
   */
  readonly alignment: { readonly anchored: number; readonly moved: number; readonly closest: boolean };
}

export interface BalanceOverTime {
  readonly periods: readonly BalancePeriod[];
  readonly seconds: number;
}

const index = (f: Frustration): PeriodIndex => ({
  value: f.value,
  lowerBound: f.lowerBound,
  exact: f.exact,
  total: f.total,
  lineIndex: f.lineIndex,
  lineIndexBounds: f.lineIndexBounds,
  seconds: f.seconds,
});

/**
 * Balance of each period's network, oldest first as given. Camps are defined only up to swapping, so each period's
 * partition is chosen, among the optimal ones, to keep as many actors as possible in the camp they last held (camp A
 * and B are fixed by the first period, where A is the larger side of each connected piece). A switch is then a move
 * that every optimal partition found needs, not an artefact of labelling. The time limit applies to each period.
 */
export function balanceOverTime(periods: readonly PeriodNetwork[], options: BalanceOverTimeOptions = {}): BalanceOverTime {
  const t0 = performance.now();
  const limit = options.timeLimit ?? FRUSTRATION_DEFAULTS.timeLimit;
  const last = new Map<string, { camp: 0 | 1; period: string }>();
  const out: BalancePeriod[] = [];
  const label = (c: 0 | 1): CampLabel => (c === 0 ? 'A' : 'B');
  for (const { period, network } of periods) {
    const t = performance.now();
    const anchor = new Map<string, 0 | 1>();
    for (const id of network.nodes) {
      const seen = last.get(id);
      if (seen) anchor.set(id, seen.camp);
    }
    const withWeights = options.weighted ?? true;
    const f = frustration(network, { ...options, timeLimit: withWeights ? limit / 2 : limit, ...(out.length ? { anchor } : {}) });
    const w = withWeights ? frustration(network, { ...options, weighted: true, timeLimit: Math.max(0, limit - (performance.now() - t) / 1000) }) : null;
    const switched: { actor: string; from: CampLabel; to: CampLabel; since: string }[] = [];
    const entered: string[] = [];
    for (const id of network.nodes) {
      const now = f.camp[id];
      const before = last.get(id);
      if (!before) entered.push(id);
      else if (before.camp !== now) switched.push({ actor: id, from: label(before.camp), to: label(now), since: before.period });
      last.set(id, { camp: now, period });
    }
    out.push({
      period,
      nodes: network.nodes.length,
      edges: network.edges.length,
      negative: network.edges.filter((e) => e.sign < 0).length,
      components: countComponents(network),
      frustration: index(f),
      weighted: w ? index(w) : null,
      camps: { A: f.partition[0], B: f.partition[1] },
      frustrated: f.frustrated,
      switched,
      entered,
      alignment: { anchored: out.length ? anchor.size : 0, moved: f.anchored?.moved ?? 0, closest: f.anchored?.closest ?? true },
    });
  }
  return { periods: out, seconds: (performance.now() - t0) / 1000 };
}

/** Connected components of a network with at least one edge. */
function countComponents(net: SignedNetwork): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const id of net.nodes) parent.set(id, id);
  let count = net.nodes.length;
  for (const e of net.edges) {
    const [a, b] = [find(e.a), find(e.b)];
    if (a !== b) {
      parent.set(a, b);
      count--;
    }
  }
  return count;
}
