// Theses that can fail: competing hypotheses scored on the same evidence, verdicts that move with the evidence, diagnosticity and sensitivity.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Claim, Event, Thesis } from '../../src/model/index.js';
import { Thesis as ThesisSchema } from '../../src/model/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { writeKnowledgeBase } from '../../src/store/load-knowledge-base.js';
import { evaluateTheses } from '../../src/measure/theses.js';
import { createApp } from '../../src/server/app.js';

const state = (id: string): Actor => ({ id, kind: 'state', name: id, aliases: [], country: id, code: id, roles: [], sources: [] }) as unknown as Actor;

let n = 0;
const ev = (day: string, quad: 1 | 2 | 3 | 4, source: string[], target: string[]): Event =>
  ({
    id: `x${++n}`, date: { start: day, end: day, precision: 'day' }, cameo: quad === 1 ? '040' : quad === 2 ? '057' : quad === 3 ? '111' : '190', quad,
    goldstein: quad <= 2 ? 3 : -5, plover: null, source, target, third: [], location: null, summary: `event ${n}`, sources: [`s${n}`], confidence: 0.9,
    negated: false, hypothetical: false, status: 'reported', review: 'accepted', origin: { dataset: 'curated:ach', row: null },
  }) as unknown as Event;

/** Seven conflictual and three cooperative ARM–RUS events in 2023–2025. */
const sour = () => [
  ...Array.from({ length: 7 }, (_, k) => ev(`2023-0${k + 1}-15`, k % 2 ? 3 : 4, ['ARM'], ['RUS'])),
  ...Array.from({ length: 3 }, (_, k) => ev(`2024-0${k + 1}-15`, 1, ['RUS'], ['ARM'])),
];

const claim = (status: Claim['status']): Claim =>
  ({ id: 'c-base', claimant: ['RUS'], statement: 'Russia added troops at its base.', about: { actors: ['RUS'], events: [] }, status, deniedBy: ['ARM'], confirmedBy: [], contradicts: [], sources: ['s-claim'], review: 'accepted' }) as unknown as Claim;

const share = (id: string, quad: number[], expect: 'at-least' | 'at-most', value: number) => ({
  id, kind: 'event-share', description: id, rationale: 'a majority', bearing: 'supports', weight: 1,
  of: { source: ['ARM', 'RUS'], target: ['ARM', 'RUS'], either: true, quad: [], cameo: [] }, share: { quad, cameo: [] },
  window: { from: '2023-01-01', to: '2025-12-31' }, expect, value, minEvents: 4,
});
const claimStatus = (id: string, expect: string[]) => ({ id, kind: 'claim-status', description: id, bearing: 'supports', weight: 0.5, claim: 'c-base', expect });

const H1 = {
  id: 'h-sour', question: 'arm-rus', role: 'paper', title: 'Armenia turns on Russia', statement: 's', sources: ['s-paper'],
  sufficient: { indicators: 2, families: 2 },
  indicators: [share('conflict-majority', [3, 4], 'at-least', 0.5), claimStatus('claim-denied', ['denied'])],
} as unknown as Thesis;
const H2 = {
  id: 'h-warm', question: 'arm-rus', role: 'rival', title: 'Armenia stays close to Russia', statement: 's', sources: ['s-paper'],
  indicators: [share('cooperation-majority', [1, 2], 'at-least', 0.5), claimStatus('claim-stands', ['confirmed', 'asserted'])],
} as unknown as Thesis;

async function storeWith(events: Event[], claims: Claim[] = [claim('denied')], theses: Thesis[] = []): Promise<Store> {
  const store = await openStore(':memory:');
  await store.transaction((tx) =>
    writeKnowledgeBase(tx, {
      region: { id: 'ach', name: 'ACH', description: 'test', countries: ['ARM'], groups: { russia: ['RUS'], asia: ['IND'] } } as never,
      sources: [], actors: ['ARM', 'RUS', 'IND'].map(state), events, claims, relations: [], formats: [], theses,
    }, 'curated:ach'),
  );
  return store;
}

async function verdicts(store: Store, theses: Thesis[] = [H1, H2], sensitivity = false) {
  try {
    return await evaluateTheses(store, { theses, sensitivity });
  } finally {
    store.close();
  }
}

describe('evaluateTheses(store, { theses }) on competing hypotheses', () => {
  it('scores the paper thesis and its rival on the same evidence: one supported, the other contradicted', async () => {
    const r = await verdicts(await storeWith(sour()));
    const [h1, h2] = r.theses;
    assert.equal(h1.verdict, 'supported', h1.reason);
    assert.equal(h1.score, 1.5);
    assert.equal(h2.verdict, 'contradicted', h2.reason);
    assert.equal(h2.score, -1.5);
    assert.equal(h1.driver, 'conflict-majority');
  });

  it('fills every cell of the ACH matrix by the rule, and marks as diagnostic what the two score differently', async () => {
    const r = await verdicts(await storeWith(sour()));
    assert.equal(r.ach.evidence.length, 11, 'ten events and one claim');
    for (const e of r.ach.evidence) {
      assert.deepEqual(Object.keys(e.cells).sort(), ['h-sour', 'h-warm']);
      assert.ok(e.diagnostic, `${e.id} is read both ways`);
      assert.notEqual(e.cells['h-sour'], e.cells['h-warm']);
    }
    const conflict = r.ach.evidence.filter((e) => e.kind === 'event' && e.cells['h-sour'] === 'C');
    assert.equal(conflict.length, 7, 'each conflict event is consistent with the sour thesis and inconsistent with the warm one');
    assert.ok(conflict.every((e) => e.cells['h-warm'] === 'I'));
    assert.equal(r.ach.inconsistency['h-sour'], 3 + 0);
    assert.equal(r.ach.inconsistency['h-warm'], 7 + 1);
  });

  it('changes the verdict when the supporting evidence is taken away', async () => {
    const events = sour().filter((e, k) => k >= 5); // two conflict events left, three cooperative
    const r = await verdicts(await storeWith(events));
    assert.notEqual(r.theses[0].verdict, 'supported');
    assert.equal(r.theses[0].verdict, 'mixed', r.theses[0].reason);
    assert.equal(r.theses[1].verdict, 'mixed');
  });

  it('changes the verdict when contradicting evidence is added', async () => {
    const more = Array.from({ length: 9 }, (_, k) => ev(`2025-0${k + 1}-10`, 2, ['ARM'], ['RUS']));
    const r = await verdicts(await storeWith([...sour(), ...more]));
    assert.equal(r.theses[0].verdict, 'mixed', r.theses[0].reason);
    assert.equal(r.theses[1].verdict, 'mixed');
    const flipped = await verdicts(await storeWith([...sour(), ...more], [claim('confirmed')]));
    assert.equal(flipped.theses[0].verdict, 'contradicted', flipped.theses[0].reason);
    assert.equal(flipped.theses[1].verdict, 'supported', flipped.theses[1].reason);
  });

  it('lets non-diagnostic evidence move nothing: an item only one hypothesis reads adds no weight', async () => {
    const withIndia = {
      ...H1,
      indicators: [
        ...H1.indicators,
        { id: 'india-ties', kind: 'event-count', description: 'ARM–IND ties exist', bearing: 'supports', weight: 2, source: ['ARM'], target: ['IND'], quad: [], cameo: [], from: '2023-01-01', to: null, expect: 'at-least', value: 1 },
      ],
    } as unknown as Thesis;
    const base = await verdicts(await storeWith(sour()), [withIndia, H2]);
    const added = await verdicts(await storeWith([...sour(), ev('2024-06-01', 2, ['ARM'], ['IND'])]), [withIndia, H2]);
    const india = added.theses[0].indicators.find((i) => i.id === 'india-ties')!;
    assert.equal(india.consistency, 'consistent');
    assert.equal(india.diagnostic, false);
    assert.equal(india.contribution, 0);
    assert.equal(added.ach.evidence.find((e) => e.kind === 'event' && e.cells['h-warm'] === 'NA')?.diagnostic, false);
    assert.equal(added.theses[0].score, base.theses[0].score, 'the ARM–IND event changes no score');
    assert.equal(added.theses[0].verdict, base.theses[0].verdict);
  });

  it('counts one piece of evidence once: a second indicator on the same claim adds nothing', async () => {
    const twice = { ...H1, indicators: [...H1.indicators, { ...claimStatus('claim-denied-again', ['denied']), weight: 1 }] } as unknown as Thesis;
    const r = await verdicts(await storeWith(sour()), [twice, H2]);
    const again = r.theses[0].indicators.find((i) => i.id === 'claim-denied-again')!;
    assert.equal(again.novelty, 0);
    assert.equal(again.contribution, 0);
    assert.equal(r.theses[0].score, 1.5);
  });

  it('gives "insufficient evidence", never "supported", to a user thesis whose indicator reads data that do not exist', async () => {
    const parsed = ThesisSchema.parse({
      id: 'user-thesis', title: 'Utopia votes with Atlantis', statement: 'They align.', sources: ['s-paper'],
      indicators: [{ id: 'votes', kind: 'alignment-shift', description: 'closer at the UN', a: 'UTO', b: 'ATL', baseline: { from: 2010, to: 2014 }, window: { from: 2020, to: 2024 }, expect: 'at-most', change: 0 }],
    });
    const r = await verdicts(await storeWith(sour()), [parsed, H1, H2]);
    assert.equal(r.theses[0].verdict, 'insufficient evidence', r.theses[0].reason);
    assert.equal(r.theses[0].indicators[0].holds, null);
  });

  it('does not call a thesis supported while one of its indicators could not be evaluated, unless it declares what suffices', async () => {
    const gappy = { ...H1, sufficient: undefined, indicators: [...H1.indicators, { ...share('thin-window', [3, 4], 'at-least', 0.5), window: { from: '2010-01-01', to: '2012-12-31' } }] } as unknown as Thesis;
    const r = await verdicts(await storeWith(sour()), [gappy, H2]);
    assert.equal(r.theses[0].score, 1.5);
    assert.equal(r.theses[0].verdict, 'insufficient evidence');
    assert.match(r.theses[0].reason, /not evaluated \(thin-window\)/);
  });

  it('finds with sensitivity the single item whose removal changes a verdict', async () => {
    const r = await verdicts(await storeWith(sour()), [H1, H2], true);
    const s = r.sensitivity!.find((x) => x.thesis === 'h-sour')!;
    assert.equal(s.verdict, 'supported');
    assert.deepEqual(s.changes.map((c) => c.item), ['claim:c-base'], 'without the denied claim the thesis rests on one family');
    assert.equal(s.changes[0].verdict, 'insufficient evidence');
  });
});

describe('GET /api/ach', () => {
  it('serves the full matrix, the verdicts and, on request, the sensitivity', async () => {
    const store = await storeWith(sour(), [claim('denied')], [H1, H2]);
    try {
      const app = createApp({ store });
      const res = await app.request('/api/ach?sensitivity=true');
      assert.equal(res.status, 200);
      const body = (await res.json()) as { hypotheses: { id: string }[]; evidence: { cells: Record<string, string> }[]; verdicts: { id: string; verdict: string }[]; sensitivity: unknown[] };
      assert.deepEqual(body.hypotheses.map((h) => h.id), ['h-sour', 'h-warm']);
      assert.equal(body.evidence.length, 11);
      assert.ok(body.evidence.every((e) => Object.keys(e.cells).length === 2));
      assert.deepEqual(body.verdicts.map((v) => v.verdict), ['supported', 'contradicted']);
      assert.equal(body.sensitivity.length, 2);
      assert.equal((await app.request('/api/ach?origin=nonsense')).status, 400);
    } finally {
      store.close();
    }
  });
});
