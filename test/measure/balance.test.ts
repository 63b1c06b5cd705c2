import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { balance } from '../../src/measure/balance.js';
import { signedNetworkOf, type SignedEdge, type SignedNetwork } from '../../src/measure/signed-graph.js';
import { frustration, highsSolver, type Frustration, type MilpSolver } from '../../src/measure/frustration.js';
import { seededRandom } from '../../src/measure/rng.js';
import { bruteFrustration, bruteTriads, randomSignedGraph } from './brute-force.js';
import { runMain } from '../helpers/cli.js';

/** Least frustrated weight over all 2^n colourings, and the fewest anchored nodes moved among the colourings that attain the index. */
function bruteWeighted(net: SignedNetwork, weighted: boolean, anchor?: ReadonlyMap<string, 0 | 1>): { value: number; moved: number } {
  const idx = new Map(net.nodes.map((n, i) => [n, i]));
  const ends = net.edges.map((e) => [idx.get(e.a)!, idx.get(e.b)!, e.sign, weighted ? e.weight : 1]);
  const anchors = [...(anchor ?? [])].filter(([id]) => idx.has(id)).map(([id, c]) => [idx.get(id)!, c]);
  let best = { value: Infinity, moved: Infinity };
  for (let mask = 0; mask < 2 ** net.nodes.length; mask++) {
    let value = 0;
    for (const [a, b, sign, w] of ends) if ((((mask >> a) ^ (mask >> b)) & 1) === (sign > 0 ? 1 : 0)) value += w;
    let moved = 0;
    for (const [i, c] of anchors) if (((mask >> i) & 1) !== c) moved++;
    if (value < best.value - 1e-9 || (Math.abs(value - best.value) <= 1e-9 && moved < best.moved)) best = { value, moved };
  }
  return best;
}

/** The frustrated edges and their count (or weight) recomputed from the partition alone. */
function checkPartition(net: SignedNetwork, f: Frustration): void {
  const side = new Map<string, number>();
  f.partition.forEach((bloc, i) => bloc.forEach((n) => side.set(n, i)));
  assert.equal(side.size, net.nodes.length, 'every node in one camp');
  const frustrated = net.edges.filter((e) => (side.get(e.a) === side.get(e.b)) !== (e.sign > 0));
  assert.deepEqual([...f.frustrated], frustrated.map((e) => `${e.a}–${e.b}`));
  const value = frustrated.reduce((s, e) => s + (f.weighted ? e.weight : 1), 0);
  assert.ok(Math.abs(f.value - value) < 1e-6, `value ${f.value} vs partition ${value}`);
  assert.ok(f.lowerBound <= f.value + 1e-9);
  const total = net.edges.reduce((s, e) => s + (f.weighted ? e.weight : 1), 0);
  if (total > 0) assert.ok(Math.abs(f.lineIndex! - (1 - (2 * value) / total)) < 1e-9);
}

/** Two planted camps of n nodes, m distinct random edges consistent with them, then k of them flipped. */
export function plantedNetwork(n: number, m: number, k: number, seed: number): SignedNetwork {
  const rand = seededRandom(seed);
  const camp = Array.from({ length: n }, () => (rand() < 0.5 ? 0 : 1));
  const seen = new Set<string>();
  const edges: SignedEdge[] = [];
  while (edges.length < m) {
    const [a, b] = [Math.floor(rand() * n), Math.floor(rand() * n)];
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push({ a: `N${a}`, b: `N${b}`, sign: camp[a] === camp[b] ? 1 : -1, weight: 1 + Math.floor(rand() * 5) });
  }
  const flipped = new Set<number>();
  while (flipped.size < k) flipped.add(Math.floor(rand() * m));
  for (const j of flipped) edges[j] = { ...edges[j], sign: (-edges[j].sign) as 1 | -1 };
  return signedNetworkOf(edges);
}

let solver: MilpSolver;
before(async () => {
  solver = await highsSolver();
});

describe('balance(edges, options)', () => {
  it('gives the triad counts and exact frustration index that brute force gives, on 60 random small networks', () => {
    const rand = seededRandom(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 3 + Math.floor(rand() * 9);
      const { nodes, edges } = randomSignedGraph(n, 0.3 + rand() * 0.6, rand(), rand);
      const out = balance(edges);
      const used = out.nodes;
      const tri = bruteTriads(used, edges);
      assert.equal(out.triads.balanced, tri.balanced, `trial ${trial}`);
      assert.equal(out.triads.unbalanced, tri.unbalanced, `trial ${trial}`);
      const total = tri.balanced + tri.unbalanced;
      assert.equal(out.triads.ratio, total ? tri.balanced / total : null);
      assert.equal(out.frustration.exact, true);
      assert.equal(out.frustration.value, bruteFrustration(used, edges), `trial ${trial}: ${nodes.length} nodes`);
      assert.equal(out.frustration.lowerBound, out.frustration.value);
    }
  });

  it('reports frustrated edges that the partition really frustrates', () => {
    const rand = seededRandom(11);
    const { edges } = randomSignedGraph(10, 0.7, 0.5, rand);
    const out = balance(edges);
    const side = new Map<string, number>();
    out.frustration.partition.forEach((bloc, i) => bloc.forEach((n) => side.set(n, i)));
    const frustrated = out.edges.filter((e) => (side.get(e.a) === side.get(e.b)) !== (e.sign > 0)).map((e) => `${e.a}–${e.b}`);
    assert.deepEqual([...out.frustration.frustrated], frustrated);
    assert.equal(out.frustration.value, frustrated.length);
  });

  it('gives ratio 1 and frustration 0 for a balanced network, with its two camps as the partition and as Louvain blocs', () => {
    const east = ['ARM', 'FRA', 'IND', 'IRN'];
    const west = ['AZE', 'ISR', 'PAK', 'TUR'];
    const edges: SignedEdge[] = [];
    const all = [...east, ...west];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) edges.push({ a: all[i], b: all[j], sign: east.includes(all[i]) === east.includes(all[j]) ? 1 : -1, weight: 1 });
    const out = balance(edges);
    assert.equal(out.triads.ratio, 1);
    assert.equal(out.triads.unbalanced, 0);
    assert.equal(out.frustration.value, 0);
    assert.equal(out.frustration.exact, true);
    const camps = [...out.frustration.partition].map((b) => [...b].sort()).sort();
    assert.deepEqual(camps, [east, west].map((b) => [...b].sort()).sort());
    assert.deepEqual([...out.blocs].map((b) => [...b]).sort(), camps);
  });

  it('finds 0 above the exact limit on a planted balanced network and brackets a frustrated one between its bounds', () => {
    const rand = seededRandom(3);
    const n = 40;
    const camp = Array.from({ length: n }, () => (rand() < 0.5 ? 0 : 1));
    const edges: SignedEdge[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (rand() < 0.25) edges.push({ a: `N${i}`, b: `N${j}`, sign: camp[i] === camp[j] ? 1 : -1, weight: 1 });
    const clean = frustration(signedNetworkOf(edges));
    assert.equal(clean.value, 0);
    assert.equal(clean.lowerBound, 0);
    // Flip five edges: the index is at most 5, and the bounds must bracket it.
    const flipped = edges.map((e, k) => (k % 37 === 0 && k < 37 * 5 ? { ...e, sign: (-e.sign) as 1 | -1 } : e));
    const noisy = frustration(signedNetworkOf(flipped));
    assert.ok(noisy.value <= 5, `upper bound ${noisy.value}`);
    assert.ok(noisy.lowerBound! >= 1 && noisy.lowerBound! <= noisy.value, `bounds ${noisy.lowerBound}..${noisy.value}`);
  });

  it('brackets the exact index between its bounds without a solver', () => {
    const rand = seededRandom(5);
    for (let trial = 0; trial < 20; trial++) {
      const { nodes, edges } = randomSignedGraph(10, 0.6, 0.4, rand);
      const net = signedNetworkOf(edges, nodes);
      const exact = bruteFrustration(net.nodes, net.edges);
      const h = frustration(net, { exhaustiveLimit: 1 });
      assert.ok(h.lowerBound! <= exact && exact <= h.value, `trial ${trial}: ${h.lowerBound} <= ${exact} <= ${h.value}`);
    }
  });
});

describe('frustration(net, { solver }) against brute force', () => {
  it('equals brute force on 200 random signed graphs of 8–16 nodes, by both binary programmes and by the default route, unweighted and weighted', () => {
    const rand = seededRandom(2026);
    for (let trial = 0; trial < 200; trial++) {
      const n = 8 + Math.floor(rand() * 9);
      const { nodes, edges } = randomSignedGraph(n, 0.2 + rand() * 0.7, rand(), rand);
      const net = signedNetworkOf(edges.map((e) => ({ ...e, weight: 1 + Math.floor(rand() * 9) / 2 })), nodes);
      for (const weighted of [false, true]) {
        const expected = bruteWeighted(net, weighted).value;
        const runs: [string, Frustration][] = [
          ['auto', frustration(net, { weighted, solver })],
          // The AND programme on every graph unweighted and on every fourth weighted; the XOR one on every twentieth.
          ...(!weighted || trial % 4 === 0 ? [['milp and', frustration(net, { weighted, solver, method: 'milp', formulation: 'and' })] as [string, Frustration]] : []),
          ...(trial % 20 === 0 ? [['milp xor', frustration(net, { weighted, solver, method: 'milp', formulation: 'xor' })] as [string, Frustration]] : []),
        ];
        for (const [route, f] of runs) {
          assert.ok(Math.abs(f.value - expected) < 1e-6, `trial ${trial} ${route} weighted=${weighted}: ${f.value} vs ${expected}`);
          assert.equal(f.exact, true, `trial ${trial} ${route}`);
          checkPartition(net, f);
        }
      }
    }
  });

  it('keeps anchored nodes in their camp whenever an optimal partition allows, as few moved as brute force finds', () => {
    const rand = seededRandom(99);
    for (let trial = 0; trial < 40; trial++) {
      const { nodes, edges } = randomSignedGraph(6 + Math.floor(rand() * 8), 0.5, 0.4, rand);
      const net = signedNetworkOf(edges, nodes);
      const anchor = new Map<string, 0 | 1>(net.nodes.filter(() => rand() < 0.7).map((id) => [id, rand() < 0.5 ? 0 : 1]));
      const expected = bruteWeighted(net, false, anchor);
      for (const method of ['auto', 'milp'] as const) {
        const f = frustration(net, { anchor, solver, method });
        assert.equal(f.value, expected.value, `trial ${trial} ${method}`);
        assert.equal(f.anchored!.moved, expected.moved, `trial ${trial} ${method}`);
        assert.equal(f.anchored!.closest, true);
        let moved = 0;
        for (const [id, c] of anchor) if (f.camp[id] !== c) moved++;
        assert.equal(moved, f.anchored!.moved);
      }
    }
  });
});

describe('frustration(net) on planted two-camp networks', () => {
  for (const [n, m, k] of [
    [200, 2000, 12],
    [1000, 10000, 25],
  ] as const) {
    it(`finds at most the ${k} flipped edges and proves it optimal on ${n} nodes / ${m} edges, by bounds and by the programme`, () => {
      const net = plantedNetwork(n, m, k, n + k);
      const f = frustration(net, { solver });
      assert.ok(f.value <= k, `index ${f.value} > ${k}`);
      assert.equal(f.exact, true);
      assert.equal(f.lowerBound, f.value);
      checkPartition(net, f);
      const milp = frustration(net, { solver, method: 'milp', timeLimit: 300 });
      assert.equal(milp.exact, true);
      assert.equal(milp.value, f.value);
      assert.deepEqual(milp.cores.map((c) => c.method), ['milp']);
      // Weighted: the flipped edges weigh at most 5 each.
      const w = frustration(net, { solver, weighted: true });
      assert.equal(w.exact, true);
      assert.ok(w.value <= 5 * k);
      checkPartition(net, w);
    });
  }
});

describe('frustration(net, { timeLimit })', () => {
  it('returns the best partition and the solver bound when the solver stops at its limit', () => {
    const stopped: MilpSolver = {
      name: 'stub stopping at its limit',
      solve: (model) => ({ status: 'limit', x: null, objective: Infinity, bound: model.offset - 1e9 }),
    };
    const net = plantedNetwork(60, 400, 40, 5);
    const f = frustration(net, { solver: stopped });
    assert.equal(f.solver, 'stub stopping at its limit');
    checkPartition(net, f);
    const exact = frustration(net, { solver });
    assert.equal(exact.exact, true);
    // The cycle packing still bounds it; the stub's useless bound does not lower that.
    assert.ok(f.lowerBound >= 1 && f.lowerBound <= exact.value && exact.value <= f.value, `${f.lowerBound} <= ${exact.value} <= ${f.value}`);
    assert.equal(f.exact, f.lowerBound === f.value);
    assert.ok(f.lineIndexBounds![0] <= exact.lineIndex! && exact.lineIndex! <= f.lineIndexBounds![1]);
  });

  it('with HiGHS and a short limit on a hard random graph, gives bounds that hold and a partition that attains its value', () => {
    const rand = seededRandom(17);
    const { nodes, edges } = randomSignedGraph(90, 0.12, 0.35, rand);
    const net = signedNetworkOf(edges, nodes);
    const f = frustration(net, { solver, timeLimit: 0.5 });
    checkPartition(net, f);
    assert.ok(f.lowerBound > 0 && f.lowerBound <= f.value);
    assert.equal(f.exact, f.lowerBound === f.value);
    assert.equal(f.cores[0].method === 'milp' || f.cores[0].method === 'bounds', true);
  });
});

describe('faultline balance --edges FILE --json (in process)', () => {
  it("keeps today's fields and adds lowerBound, lineIndex, the weighted index and seconds", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'faultline-balance-'));
    try {
      const net = plantedNetwork(30, 120, 4, 8);
      const file = path.join(dir, 'edges.csv');
      await writeFile(file, `a,b,sign,weight\n${net.edges.map((e) => `${e.a},${e.b},${e.sign},${e.weight}`).join('\n')}\n`);
      const { code, stdout, stderr } = await runMain(['balance', '--edges', file, '--json']);
      assert.equal(code, 0, stderr);
      const out = JSON.parse(stdout);
      for (const key of ['nodes', 'triads', 'frustration', 'weightedFrustration', 'seconds']) assert.ok(key in out, key);
      const f = out.frustration;
      const expected = frustration(net, { solver });
      assert.equal(f.value, expected.value);
      assert.equal(f.exact, true);
      assert.equal(f.lowerBound, f.value);
      assert.equal(f.lineIndex, 1 - (2 * f.value) / net.edges.length);
      assert.equal(f.partition.flat().length, net.nodes.length);
      assert.equal(f.frustrated.length, f.value);
      assert.equal(out.weightedFrustration.weighted, true);
      assert.equal(out.weightedFrustration.value, frustration(net, { solver, weighted: true }).value);
      assert.equal(typeof out.seconds, 'number');
      const table = await runMain(['balance', '--edges', file, '--time-limit', '5']);
      assert.match(table.stdout, new RegExp(`frustration index: ${f.value} \\(exact\\), line index of balance ${f.lineIndex.toFixed(3)}`));
      const bad = await runMain(['balance', '--edges', file, '--time-limit', 'soon']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--time-limit/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
