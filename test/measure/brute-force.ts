// Independent brute-force references for the measure tests: every 2-colouring, every triple, every segmentation.
import type { SignedEdge } from '../../src/measure/signed-graph.js';

/** Smallest number of frustrated edges over all 2^n colourings of the nodes. */
export function bruteFrustration(nodes: readonly string[], edges: readonly SignedEdge[]): number {
  const idx = new Map(nodes.map((n, i) => [n, i]));
  let best = Infinity;
  for (let mask = 0; mask < 2 ** nodes.length; mask++) {
    let f = 0;
    for (const e of edges) {
      const same = ((mask >> idx.get(e.a)!) & 1) === ((mask >> idx.get(e.b)!) & 1);
      if (same !== (e.sign > 0)) f++;
    }
    best = Math.min(best, f);
  }
  return best;
}

/** Balanced and unbalanced triangles by checking every triple of nodes. */
export function bruteTriads(nodes: readonly string[], edges: readonly SignedEdge[]): { balanced: number; unbalanced: number } {
  const sign = new Map<string, number>();
  for (const e of edges) {
    sign.set(`${e.a}|${e.b}`, e.sign);
    sign.set(`${e.b}|${e.a}`, e.sign);
  }
  let balanced = 0;
  let unbalanced = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++)
      for (let k = j + 1; k < nodes.length; k++) {
        const [x, y, z] = [sign.get(`${nodes[i]}|${nodes[j]}`), sign.get(`${nodes[j]}|${nodes[k]}`), sign.get(`${nodes[i]}|${nodes[k]}`)];
        if (x && y && z) {
          if (x * y * z > 0) balanced++;
          else unbalanced++;
        }
      }
  return { balanced, unbalanced };
}

/** A random simple signed graph on n nodes with edge probability p, from a seeded generator. */
export function randomSignedGraph(n: number, p: number, pNegative: number, rand: () => number): { nodes: string[]; edges: SignedEdge[] } {
  const nodes = Array.from({ length: n }, (_, i) => `N${String(i).padStart(2, '0')}`);
  const edges: SignedEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (rand() < p) edges.push({ a: nodes[i], b: nodes[j], sign: rand() < pNegative ? -1 : 1, weight: 1 });
  return { nodes, edges };
}

/** Optimal partitioning by dynamic programming over all last-change positions (Jackson et al. 2005), no pruning. */
export function optimalPartitioning(y: readonly number[], penalty: number, minSegment: number): { changes: number[]; cost: number } {
  const n = y.length;
  const sse = (a: number, b: number) => {
    const seg = y.slice(a, b);
    const m = seg.reduce((s, v) => s + v, 0) / seg.length;
    return seg.reduce((s, v) => s + (v - m) ** 2, 0);
  };
  const F: number[] = [-penalty];
  const last: number[] = [-1];
  for (let t = 1; t <= n; t++) {
    F[t] = Infinity;
    last[t] = -1;
    for (let s = 0; s <= t - minSegment; s++) {
      if (!Number.isFinite(F[s])) continue;
      const v = F[s] + sse(s, t) + penalty;
      if (v < F[t] - 1e-9) {
        F[t] = v;
        last[t] = s;
      }
    }
  }
  const changes: number[] = [];
  for (let t = n; t > 0 && last[t] > 0; t = last[t]) changes.unshift(last[t]);
  return { changes, cost: F[n] };
}
