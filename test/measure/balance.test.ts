import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { balance } from '../../src/measure/balance.js';
import { signedNetworkOf, type SignedEdge } from '../../src/measure/signed-graph.js';
import { frustration } from '../../src/measure/frustration.js';
import { seededRandom } from '../../src/measure/rng.js';
import { bruteFrustration, bruteTriads, randomSignedGraph } from './brute-force.js';

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
      assert.equal(out.frustration.lowerBound, undefined);
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
    assert.equal(clean.exact, false);
    assert.equal(clean.value, 0);
    assert.equal(clean.lowerBound, 0);
    // Flip five edges: the index is at most 5, and the bounds must bracket it.
    const flipped = edges.map((e, k) => (k % 37 === 0 && k < 37 * 5 ? { ...e, sign: (-e.sign) as 1 | -1 } : e));
    const noisy = frustration(signedNetworkOf(flipped));
    assert.ok(noisy.value <= 5, `upper bound ${noisy.value}`);
    assert.ok(noisy.lowerBound! >= 1 && noisy.lowerBound! <= noisy.value, `bounds ${noisy.lowerBound}..${noisy.value}`);
  });

  it('agrees with the exact index when forced onto the heuristic path', () => {
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
