// evaluateStructuralIndicator(data, indicator): expectations that can hold, fail, or be unanswerable, on synthetic rows and on the built-in tables.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StructuralIndicator } from '../../src/model/structural-indicator.js';
import { evaluateStructuralIndicator } from '../../src/measure/structural-indicators.js';
import { structuralIndicatorOnStore } from '../../src/measure/structural.js';
import type { AlignmentRow } from '../../src/measure/alignment.js';
import type { ArmsFlowRow, ConflictYearRow, MilexRow } from '../../src/store/structural-reads.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { loadBuiltinStructural } from '../../src/ingest/structural/index.js';

const base = { id: 'x', description: 'test' };
const parse = (x: unknown) => StructuralIndicator.parse({ ...base, ...(x as object) });

function alignmentRows(distances: readonly (number | null)[], from = 2010): AlignmentRow[] {
  return distances.map((d, i) => ({
    year: from + i, a: 'ARM', b: 'RUS', distance: d, ideal_a: d === null ? null : 0, ideal_b: d, delta_a: null, delta_b: null, moved: null,
    agreement: d === null ? null : 1 - d, votes: 10, same: 0, half: 0, opposite: 0, issues: {}, agreement_source: 'summary',
  }));
}

describe('alignment-trend', () => {
  const ind = (expect: 'widening' | 'narrowing', measure: 'distance' | 'agreement' = 'distance') => parse({ kind: 'alignment-trend', a: 'ARM', b: 'RUS', from: 2010, expect, measure });
  it('holds for a significant widening and fails when the gap narrows', () => {
    const rising = { alignment: alignmentRows([0.1, 0.12, 0.2, 0.25, 0.3, 0.41, 0.5]) };
    const w = evaluateStructuralIndicator(rising, ind('widening'));
    assert.equal(w.holds, true);
    assert.ok(w.value! > 0);
    assert.equal(w.n, 7);
    assert.equal(w.cited[0], 'unga:ARM-RUS:2010');
    assert.equal(evaluateStructuralIndicator(rising, ind('narrowing')).holds, false);
    // Falling agreement is a widening gap too.
    assert.equal(evaluateStructuralIndicator(rising, ind('widening', 'agreement')).holds, true);
  });
  it('is unanswerable with too few years or no significant trend', () => {
    const few = evaluateStructuralIndicator({ alignment: alignmentRows([0.1, null, 0.3, null]) }, ind('widening'));
    assert.equal(few.holds, null);
    assert.match(few.note, /2 year\(s\) with a distance/);
    const flat = evaluateStructuralIndicator({ alignment: alignmentRows([0.2, 0.1, 0.3, 0.15, 0.25, 0.2]) }, ind('widening'));
    assert.equal(flat.holds, null);
    assert.match(flat.note, /no significant trend/);
    assert.equal(evaluateStructuralIndicator({}, ind('widening')).holds, null);
  });
});

describe('supplier-share', () => {
  const flow = (year: number, supplier: string, tiv: number): ArmsFlowRow => ({ recipient: 'ARM', recipient_name: 'Armenia', supplier, supplier_name: supplier, year, tiv, deals: 1, designation: null, description: null });
  const flows = [flow(2016, 'RUS', 90), flow(2016, 'JOR', 10), flow(2021, 'RUS', 30), flow(2021, 'IND', 70)];
  it('compares a pooled share with a fraction, or its change with a baseline', () => {
    const share = evaluateStructuralIndicator({ arms: flows }, parse({ kind: 'supplier-share', recipient: 'ARM', supplier: 'RUS', window: { from: 2020, to: 2024 }, expect: 'at-most', value: 0.5 }));
    assert.deepEqual([share.value, share.holds], [0.3, true]);
    const fall = evaluateStructuralIndicator({ arms: flows }, parse({ kind: 'supplier-share', recipient: 'ARM', supplier: 'RUS', window: { from: 2020, to: 2024 }, baseline: { from: 2015, to: 2019 }, expect: 'at-most', value: -0.7 }));
    assert.ok(Math.abs(fall.value! - -0.6) < 1e-12);
    assert.equal(fall.holds, false);
  });
  it('is unanswerable when the window holds too little TIV for a share', () => {
    const r = evaluateStructuralIndicator({ arms: flows }, parse({ kind: 'supplier-share', recipient: 'ARM', supplier: 'RUS', window: { from: 2010, to: 2014 }, expect: 'at-most', value: 0.5 }));
    assert.equal(r.holds, null);
  });
});

describe('military-burden and conflict-intensity', () => {
  const milex: MilexRow[] = [2018, 2019, 2023, 2024].map((year, i) => ({ iso3: 'AZE', entity: 'Azerbaijan', year, share_gdp: 3.5 + i, origin: 't' }));
  it('compares mean burden in a window with a level or a baseline, and notes missing years', () => {
    const r = evaluateStructuralIndicator({ milex }, parse({ kind: 'military-burden', country: 'AZE', window: { from: 2022, to: 2024 }, baseline: { from: 2018, to: 2019 }, expect: 'at-least', value: 1 }));
    assert.deepEqual([r.value, r.holds], [2, true]);
    assert.match(r.note, /2022–2024: 2 of 3 years/);
    assert.equal(evaluateStructuralIndicator({ milex }, parse({ kind: 'military-burden', country: 'AZE', window: { from: 2020, to: 2021 }, expect: 'at-least', value: 1 })).holds, null);
  });
  it('counts the fraction of years at war, and cannot tell beyond the data', () => {
    const row = (year: number, intensity: number): ConflictYearRow => ({
      conflict_id: 388, year, location: 'Azerbaijan', side_a: 'Government of Azerbaijan', side_a_2nd: null, side_b: 'Republic of Artsakh', side_b_2nd: 'Government of Armenia',
      incompatibility: 1, territory_name: 'Artsakh', intensity_level: intensity, type_of_conflict: 4, start_date: null, ep_end: 0, ep_end_date: null,
      gwno_a: [373], gwno_a_2nd: [], gwno_b: [], gwno_b_2nd: [371], gwno_loc: [373], iso3_a: ['AZE'], iso3_a_2nd: [], iso3_b: [], iso3_b_2nd: ['ARM'], iso3_loc: ['AZE'], version: '25.1',
    });
    const data = { conflicts: [row(2020, 2), row(2021, 1)], ucdpSpan: { first: 1946, last: 2024 } };
    const war = evaluateStructuralIndicator(data, parse({ kind: 'conflict-intensity', a: 'AZE', b: 'ARM', intensity: 2, window: { from: 2018, to: 2024 }, expect: 'at-least', value: 0.1 }));
    assert.deepEqual([war.value, war.holds, war.cited], [1 / 7, true, ['ucdp:388:2020']]);
    const any = evaluateStructuralIndicator(data, parse({ kind: 'conflict-intensity', a: 'AZE', b: 'ARM', window: { from: 2018, to: 2024 }, expect: 'at-most', value: 0.25 }));
    assert.deepEqual([any.value, any.holds], [2 / 7, false]);
    assert.equal(evaluateStructuralIndicator({ ...data, ucdpSpan: { first: 1946, last: 2024 } }, parse({ kind: 'conflict-intensity', a: 'AZE', window: { from: 2020, to: 2026 }, expect: 'at-least', value: 0 })).holds, null);
  });
  it('rejects definitions with a count where a fraction belongs', () => {
    assert.throws(() => parse({ kind: 'conflict-intensity', a: 'AZE', window: { from: 2018, to: 2024 }, expect: 'at-least', value: 3 }));
    assert.throws(() => parse({ kind: 'supplier-share', recipient: 'ARM', supplier: 'RUS', window: { from: 2020, to: null }, expect: 'at-least', value: 12 }));
  });
});

describe('structuralIndicatorOnStore(store, indicator) on the built-in tables', () => {
  let store: Store;
  before(async () => {
    store = await openStore(':memory:');
    await loadBuiltinStructural(store);
  });
  after(() => store.close());

  it('finds the 2022–2024 Armenia–Russia gap wider than 2015–2019, and Russia the side that moved', async () => {
    const r = await structuralIndicatorOnStore(store, parse({ kind: 'alignment-shift', a: 'ARM', b: 'RUS', baseline: { from: 2015, to: 2019 }, window: { from: 2022, to: null }, expect: 'at-least', change: 0.2 }));
    assert.equal(r.holds, true);
    assert.match(r.note, /mostly RUS/);
    assert.equal(r.n, 8);
  });

  it("finds Russia's share of Armenia's deliveries below half in 2020–2024, down from 2015–2019", async () => {
    const r = await structuralIndicatorOnStore(store, parse({ kind: 'supplier-share', recipient: 'ARM', supplier: 'RUS', window: { from: 2020, to: 2024 }, baseline: { from: 2015, to: 2019 }, expect: 'at-most', value: -0.3 }));
    assert.equal(r.holds, true);
    assert.ok(r.value! < -0.5);
  });
});
