// Structural balance of a signed network: triad balance (Cartwright & Harary 1956), frustration index, unweighted and weighted, with the best two-camp split (Aref, Mason & Wilson 2020), Louvain blocs on the positive layer (Blondel et al. 2008), weighted degree and PageRank (Brin & Page 1998) on the absolute layer.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import type { SignedEdge, SignedNetwork } from './signed-graph.js';
import { signedNetworkOf } from './signed-graph.js';
import { triadBalance, type TriadCount } from './triad-balance.js';
import { frustration, FRUSTRATION_DEFAULTS, type Frustration, type FrustrationOptions } from './frustration.js';
import { seededRandom } from './rng.js';

export interface BalanceOptions extends Omit<FrustrationOptions, 'weighted' | 'anchor'> {
  /** Seed of the Louvain node order and the local search. */
  readonly seed?: number;
}

export interface Balance {
  readonly nodes: readonly string[];
  readonly edges: readonly SignedEdge[];
  readonly triads: TriadCount;
  /** Fewest frustrated edges, each edge counting once. */
  readonly frustration: Frustration;
  /** Least frustrated weight, each edge counting its weight. */
  readonly weightedFrustration: Frustration;
  /** Louvain communities of the positive ties, largest first. */
  readonly blocs: readonly (readonly string[])[];
  /** Per node: sum of absolute edge weights and PageRank on the absolute-weight graph. */
  readonly centrality: Readonly<Record<string, { readonly weightedDegree: number; readonly pagerank: number }>>;
  /** Wall-clock seconds of the whole computation. */
  readonly seconds: number;
}

/**
 * Balance measures of a signed network (or of a list of edges, merged per pair). The time limit is shared: the
 * unweighted index may use half of it, the weighted one what is left.
 */
export function balance(input: SignedNetwork | readonly SignedEdge[], options: BalanceOptions = {}): Balance {
  const t0 = performance.now();
  const net = isNetwork(input) ? input : signedNetworkOf(input);
  const seed = options.seed ?? FRUSTRATION_DEFAULTS.seed;
  const limit = options.timeLimit ?? FRUSTRATION_DEFAULTS.timeLimit;
  const unweighted = frustration(net, { ...options, seed, timeLimit: limit / 2 });
  const weighted = frustration(net, { ...options, seed, weighted: true, timeLimit: Math.max(0, limit - (performance.now() - t0) / 1000) });
  return {
    nodes: net.nodes,
    edges: net.edges,
    triads: triadBalance(net),
    frustration: unweighted,
    weightedFrustration: weighted,
    blocs: louvainBlocs(net, seed),
    centrality: centrality(net),
    seconds: (performance.now() - t0) / 1000,
  };
}

// These CommonJS packages declare `export default`; under NodeNext the default import is the function itself at run time.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

const isNetwork = (x: SignedNetwork | readonly SignedEdge[]): x is SignedNetwork => !Array.isArray(x) && (x as SignedNetwork).kind === 'signed-network';

function louvainBlocs(net: SignedNetwork, seed: number): string[][] {
  const g = new UndirectedGraph();
  for (const n of net.nodes) g.addNode(n);
  for (const e of net.edges) if (e.sign > 0) g.addEdge(e.a, e.b, { weight: e.weight });
  const groups = new Map<number, string[]>();
  if (g.size > 0) {
    const community = louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
    for (const n of net.nodes) {
      const c = community[n];
      groups.set(c, [...(groups.get(c) ?? []), n]);
    }
  } else {
    net.nodes.forEach((n, i) => groups.set(i, [n]));
  }
  return [...groups.values()].map((b) => b.sort()).sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
}

function centrality(net: SignedNetwork): Record<string, { weightedDegree: number; pagerank: number }> {
  const g = new UndirectedGraph();
  for (const n of net.nodes) g.addNode(n);
  for (const e of net.edges) g.addEdge(e.a, e.b, { weight: e.weight });
  const rank = g.size > 0 ? pagerank(g, { getEdgeWeight: 'weight' }) : Object.fromEntries(net.nodes.map((n) => [n, 1 / net.nodes.length]));
  return Object.fromEntries(net.nodes.map((n) => [n, { weightedDegree: weightedDegree(g, n, 'weight'), pagerank: rank[n] }]));
}
