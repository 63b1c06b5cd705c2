// Signed undirected graphs for structural balance: edges a–b with sign ±1 and a positive weight, merged per pair.

/** One signed tie between two nodes; `weight` is its strength (positive). */
export interface SignedEdge {
  readonly a: string;
  readonly b: string;
  readonly sign: 1 | -1;
  readonly weight: number;
}

/** A signed network: sorted node ids and edges with a < b, at most one per pair. */
export interface SignedNetwork {
  readonly kind: 'signed-network';
  readonly nodes: readonly string[];
  readonly edges: readonly SignedEdge[];
}

/** Builds a network from edges: self-loops are dropped, parallel edges add up as sign·weight, pairs summing to 0 vanish. */
export function signedNetworkOf(edges: readonly SignedEdge[], extraNodes: readonly string[] = []): SignedNetwork {
  const sum = new Map<string, { a: string; b: string; v: number }>();
  const nodes = new Set<string>(extraNodes);
  for (const e of edges) {
    if (e.a === e.b) continue;
    nodes.add(e.a);
    nodes.add(e.b);
    const [a, b] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
    const key = `${a}\u0000${b}`;
    const cur = sum.get(key) ?? { a, b, v: 0 };
    cur.v += e.sign * e.weight;
    sum.set(key, cur);
  }
  const merged: SignedEdge[] = [];
  for (const { a, b, v } of sum.values()) {
    if (v !== 0) merged.push({ a, b, sign: v > 0 ? 1 : -1, weight: Math.abs(v) });
  }
  merged.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
  return { kind: 'signed-network', nodes: [...nodes].sort(), edges: merged };
}

/** Index form for the loops: node i's neighbours and edge signs as typed arrays (CSR). */
export interface SignedAdjacency {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly signs: Int8Array;
  /** Edge number of each adjacency entry (index into network.edges). */
  readonly edgeIds: Int32Array;
  /** Endpoints of each edge by index. */
  readonly ends: Int32Array;
}

/** Compressed adjacency of `net` (node order as in net.nodes). */
export function adjacency(net: SignedNetwork): SignedAdjacency {
  const n = net.nodes.length;
  const index = new Map(net.nodes.map((id, i) => [id, i]));
  const degree = new Int32Array(n);
  const ends = new Int32Array(net.edges.length * 2);
  net.edges.forEach((e, k) => {
    const [i, j] = [index.get(e.a)!, index.get(e.b)!];
    ends[2 * k] = i;
    ends[2 * k + 1] = j;
    degree[i]++;
    degree[j]++;
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  const signs = new Int8Array(offsets[n]);
  const edgeIds = new Int32Array(offsets[n]);
  net.edges.forEach((e, k) => {
    const [i, j] = [ends[2 * k], ends[2 * k + 1]];
    neighbours[fill[i]] = j;
    signs[fill[i]] = e.sign;
    edgeIds[fill[i]++] = k;
    neighbours[fill[j]] = i;
    signs[fill[j]] = e.sign;
    edgeIds[fill[j]++] = k;
  });
  return { n, offsets, neighbours, signs, edgeIds, ends };
}
