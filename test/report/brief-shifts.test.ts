// originCaveat: a key shift whose years come from origins that never meet is flagged, since a break between them may be the change of source.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { originCaveat } from '../../src/report/brief-shifts.js';

describe('originCaveat(periods)', () => {
  const p = (period: string, origins: Record<string, number>) => ({ period, events: 1, quad: { '1': 1, '2': 0, '3': 0, '4': 0 }, goldstein_sum: 1, goldstein_mean: 1, sources: 0, origins });
  it('warns when a series joins origins that never share a year, and only then', () => {
    assert.match(originCaveat([p('2011', { gdelt: 5 }), p('2013', { gdelt: 2 }), p('2023', { curated: 3 })]), /\(gdelt 2011–2013; curated 2023\): a break between them may come from the change of source/);
    assert.equal(originCaveat([p('2011', { gdelt: 5 }), p('2012', { gdelt: 1, curated: 1 }), p('2023', { curated: 3 })]), '');
    assert.equal(originCaveat([p('2011', { curated: 5 }), p('2023', { curated: 3 })]), '');
  });
});
