// dyadSeries over every origin: curated events match A and B among their actors' countries, datasets by their codes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/index.js';
import { dyadSeries } from '../../src/measure/dyad-series.js';

let store: Store;

async function event(id: string, origin: string, day: string, src: string[], tgt: string[], quad: number, goldstein: number) {
  const dataset = !origin.includes(':');
  await store.run(
    `INSERT INTO events (id, origin, origin_row, date_start, date_end, precision, cameo, quad, goldstein, source_actors, target_actors,
       third_actors, source_countries, target_countries, source_country, target_country, summary, sources, confidence, negated, hypothetical)
     VALUES ($1, $2, NULL, $3::DATE, $3::DATE, 'day', '042', $4, $5, [], [], [], from_json($6::JSON, '["VARCHAR"]'),
       from_json($7::JSON, '["VARCHAR"]'), $8, $9, 'test', [], 0.8, false, false)`,
    // As every writer does (store/CONTEXT.md): the scalar columns hold the one country a side of dataset rows only.
    [id, origin, day, quad, goldstein, JSON.stringify(src), JSON.stringify(tgt), dataset ? (src[0] ?? null) : null, dataset ? (tgt[0] ?? null) : null],
  );
}

describe('dyadSeries(store, { a, b, by, directed, from, to })', () => {
  before(async () => {
    store = await openStore(':memory:');
    await event('e1', 'curated:test', '2020-01-10', ['ARM'], ['AZE'], 4, -10);
    await event('e2', 'gdelt', '2020-02-03', ['AZE'], ['ARM'], 1, 1.9);
    await event('e3', 'curated:test', '2020-04-01', ['RUS', 'ARM'], ['AZE', 'TUR'], 3, -4.4); // joint statement
    await event('e4', 'icews', '2020-04-02', ['ARM'], ['GEO'], 1, 3);
    await event('e5', 'curated:test', '2021-06-30', ['ARM'], [], 2, 5); // no target
  });
  after(() => store.close());

  it('counts both directions per month, quad classes and Goldstein sum and mean, keeping empty months as zeros', async () => {
    assert.deepEqual(await dyadSeries(store, { a: 'ARM', b: 'AZE', by: 'month' }), [
      { period: '2020-01', events: 1, quad: { '1': 0, '2': 0, '3': 0, '4': 1 }, goldstein_sum: -10, goldstein_mean: -10, sources: 0, origins: { curated: 1 } },
      { period: '2020-02', events: 1, quad: { '1': 1, '2': 0, '3': 0, '4': 0 }, goldstein_sum: 1.9, goldstein_mean: 1.9, sources: 0, origins: { gdelt: 1 } },
      { period: '2020-03', events: 0, quad: { '1': 0, '2': 0, '3': 0, '4': 0 }, goldstein_sum: 0, goldstein_mean: null, sources: 0, origins: {} },
      { period: '2020-04', events: 1, quad: { '1': 0, '2': 0, '3': 1, '4': 0 }, goldstein_sum: -4.4, goldstein_mean: -4.4, sources: 0, origins: { curated: 1 } },
    ]);
  });

  it('keeps one direction with directed, groups by quarter and year, and bounds by day', async () => {
    const directed = await dyadSeries(store, { a: 'AZE', b: 'ARM', by: 'quarter', directed: true });
    assert.deepEqual(directed.map((p) => [p.period, p.events]), [['2020-Q1', 1]]);
    const year = await dyadSeries(store, { a: 'AZE', b: 'ARM', by: 'year', from: '2020-02-01', to: '2020-12-31' });
    assert.deepEqual(year.map((p) => [p.period, p.events, p.goldstein_sum, p.goldstein_mean]), [['2020', 2, -2.5, -1.25]]);
  });
});
