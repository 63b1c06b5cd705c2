import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { mediation } from '../../src/measure/mediation.js';
import { influence } from '../../src/measure/influence.js';
import { signedNetwork } from '../../src/measure/signed-network.js';
import { evaluateTheses } from '../../src/measure/theses.js';
import { alerts } from '../../src/measure/alerts.js';
import { loadFixture } from '../fixtures/measure/kb.js';
import type { Event } from '../../src/model/index.js';

let store: Store;
before(async () => {
  store = await openStore(':memory:');
  await loadFixture(store);
});
after(() => store.close());

describe('mediation(store, { a, b, by })', () => {
  it('counts a third actor and a same-day meeting of both sides with one country, and leaves out negated events', async () => {
    const m = await mediation(store, { a: 'ARM', b: 'AZE', by: 'year' });
    assert.equal(m.events, 4);
    assert.equal(m.mediated, 2);
    assert.equal(m.share, 0.5);
    assert.deepEqual(m.thirdParties, [{ party: 'RUS', events: 1 }, { party: 'TUR', events: 1 }]);
    assert.deepEqual(m.periods.map((p) => [p.period, p.events, p.mediated]), [['2024', 3, 1], ['2025', 1, 1]]);
  });
  it('gives a null share without events', async () => {
    const m = await mediation(store, { a: 'GEO', b: 'IRN' });
    assert.equal(m.events, 0);
    assert.equal(m.share, null);
  });
});

describe('influence(store, { actor, groups, by })', () => {
  it('splits the actor’s events by partner and group', async () => {
    const inf = await influence(store, { actor: 'ARM', groups: { russia: ['RUS'], west: ['USA'], regional: ['AZE', 'TUR'] }, from: '2025-01-01' });
    // 2025: ARM–AZE, ARM–TUR, ARM–RUS, ARM–USA (the negated one is left out).
    assert.equal(inf.events, 4);
    assert.deepEqual(inf.partners.map((p) => [p.partner, p.events]), [['AZE', 1], ['RUS', 1], ['TUR', 1], ['USA', 1]]);
    assert.deepEqual(inf.groups.map((g) => [g.group, g.events, g.share]), [['russia', 1, 0.25], ['west', 1, 0.25], ['regional', 2, 0.5]]);
  });
});

describe('signedNetwork(store, options)', () => {
  it('sums Goldstein weights per country pair and adds alignment and hostility relations as ±strength × relationWeight', async () => {
    const net = await signedNetwork(store, { from: '2025-01-01' });
    const edge = (a: string, b: string) => net.edges.find((e) => e.a === a && e.b === b);
    // ARM–RUS 2025: the event's −6 only; the basing relation is a dependency and never signs the tie.
    assert.equal(edge('ARM', 'RUS')!.weight, 6);
    assert.equal(edge('ARM', 'RUS')!.sign, -1);
    assert.deepEqual(edge('ARM', 'RUS')!.relations, []);
    assert.deepEqual(net.layers.map((l) => [l.relation, l.layer]), [['rus-arm-basing', 'dependency']]);
    // AZE–RUS: rivalry −0.5 × 10, no events.
    assert.deepEqual({ ...edge('AZE', 'RUS') }, { a: 'AZE', b: 'RUS', sign: -1, weight: 5, events: 0, goldstein: 0, relations: ['rus-aze-rivalry'], origins: {}, eventIds: [] });
    assert.equal(edge('ARM', 'AZE')!.weight, 7);
    const only = await signedNetwork(store, { from: '2025-01-01', countries: ['ARM', 'AZE', 'TUR'] });
    assert.deepEqual(only.nodes, ['ARM', 'AZE', 'TUR']);
  });
});

describe('evaluateTheses(store)', () => {
  it('evaluates every indicator kind and cites the events, claims and sources behind it', async () => {
    const report = await evaluateTheses(store);
    const drift = report.theses.find((t) => t.id === 't-drift')!;
    const byId = Object.fromEntries(drift.indicators.map((i) => [i.id, i]));
    // Five ARM–RUS events in five years are too few for a trend test: the indicator is not evaluated.
    assert.equal(byId.trend.holds, null, byId.trend.note);
    assert.match(byId.trend.note, /at least/);
    assert.equal(byId.trend.evidence.eventCount, 5);
    assert.ok(byId.trend.evidence.sources.includes('src-8'));
    assert.equal(byId.csto.holds, true);
    assert.equal(byId.base.holds, true);
    assert.equal(byId.base.consistency, 'inconsistent');
    assert.equal(byId.west.value, 0.25);

    const direct = report.theses.find((t) => t.id === 't-direct')!;
    const d = Object.fromEntries(direct.indicators.map((i) => [i.id, i]));
    assert.equal(d.mediation.value, 0.5);
    assert.equal(d.mediation.holds, false);
    assert.equal(d['no-russian-mediation'].holds, true);
    assert.deepEqual(d['no-russian-mediation'].evidence.relations, ['rus-arm-mediation']);
    assert.equal(d.talks.value, 3, 'ARM as source, AZE as target, CAMEO 04x: 040, 040, 046');
    assert.equal(d.talks.holds, true);
    assert.equal(d.claim.holds, true);
    assert.deepEqual(d.claim.evidence.sources, ['src-11', 'src-claim']);

    // No rival reads the same evidence here, so nothing is diagnostic and no thesis can be called supported.
    assert.ok(report.ach.evidence.every((e) => !e.diagnostic));
    assert.ok(report.theses.every((t) => t.verdict === 'insufficient evidence'), report.theses.map((t) => `${t.id}: ${t.verdict}`).join('; '));
    const empty = report.theses.find((t) => t.id === 't-empty')!;
    assert.equal(empty.indicators[0].holds, null);

    assert.deepEqual(report.ach.hypotheses.map((h) => h.id).sort(), ['t-direct', 't-drift', 't-empty']);
    for (const e of report.ach.evidence) assert.deepEqual(Object.keys(e.cells).sort(), ['t-direct', 't-drift', 't-empty']);
    assert.ok(report.ach.evidence.some((e) => e.id === 'claim:c-base' && e.cells['t-direct'] === 'C' && e.cells['t-drift'] === 'NA'));
  });
});

describe('alerts(store, { window })', () => {
  it('flags a burst of material conflict against a quiet baseline, newest first', async () => {
    const s = await openStore(':memory:');
    try {
      const { ev } = await import('../fixtures/measure/kb.js');
      const { writeKnowledgeBase } = await import('../../src/store/load-knowledge-base.js');
      const events: Event[] = [];
      // Five verbal events a month for two years, then six material-conflict events in the last days.
      for (let m = 0; m < 24; m++)
        for (let d = 10; d < 15; d++) events.push(ev(`${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${d}`, '036', 1, 4, ['AZE'], ['RUS']));
      for (let d = 1; d <= 6; d++) events.push(ev(`2025-01-0${d}`, '190', 4, -10, ['AZE'], ['RUS']));
      const actors = ['AZE', 'RUS'].map((id) => ({ id, kind: 'state', name: id, aliases: [], country: id, code: id, roles: [], sources: [] }));
      await s.transaction((tx) => writeKnowledgeBase(tx, { actors: actors as never, events }, 'curated:alerts'));
      const list = await alerts(s, { window: '30d' });
      assert.ok(list.length >= 1);
      assert.equal(list[0].window.end, '2025-01-06');
      assert.deepEqual(new Set(list.filter((a) => a.window.end === '2025-01-06').map((a) => a.measure)), new Set(['material-conflict', 'goldstein-mean']));
      assert.ok(list.every((a) => a.direction === 'escalation'));
      const quiet = await alerts(s, { window: '30d', asOf: '2024-12-31' });
      assert.equal(quiet.length, 0);
      // With a floor of six events a window, the five-event baseline windows give no Goldstein means: only the count alert is left.
      const sparse = await alerts(s, { window: '30d', minEvents: 6 });
      assert.deepEqual(sparse.map((a) => a.measure), ['material-conflict']);
    } finally {
      s.close();
    }
  });
});
