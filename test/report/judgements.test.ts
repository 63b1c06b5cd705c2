// thesisJudgement, the trend, arms and scenario judgements, and bottomLine: each likelihood and confidence follows its stated rule and moves when the evidence does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IndicatorResult, Sensitivity, ThesisResult } from '../../src/measure/theses.js';
import { seededRng } from '../../src/simulate/rng.js';
import { JUDGEMENT_DEFAULTS } from '../../src/report/estimative.js';
import {
  alignmentTrendJudgement, armsShiftJudgement, bottomLine, dyadTrendJudgement, scenarioJudgement, thesisJudgement, type ArmsUnit, type Judgement,
} from '../../src/report/judgements.js';
import { NameBook } from '../../src/report/names.js';
import type { Actor } from '../../src/model/index.js';

const names = new NameBook({
  actors: [
    { id: 'ARM', kind: 'state', name: 'Armenia', country: 'ARM', code: 'ARM' },
    { id: 'RUS', kind: 'state', name: 'Russia', country: 'RUS', code: 'RUS' },
    { id: 'IND', kind: 'state', name: 'India', country: 'IND', code: 'IND' },
  ] as unknown as Actor[],
});

const indicator = (family: IndicatorResult['family'], over: Partial<IndicatorResult> = {}): IndicatorResult => ({
  id: `i-${family}`, description: `An indicator on ${family}.`, kind: 'event-share', family, weight: 1, rationale: null, value: 0.3, holds: true, bearing: 'supports',
  consistency: 'consistent', diagnostic: true, novelty: 1, contribution: 1, note: '', evidence: { events: [], eventCount: 0, claims: [], relations: [], formats: [], sources: [] }, ...over,
});
const thesis = (indicators: IndicatorResult[], over: Partial<ThesisResult> = {}): ThesisResult => ({
  id: 't', title: 'The talks changed broker', statement: '', question: 'q', role: 'paper', verdict: 'supported', score: indicators.reduce((s, i) => s + i.contribution, 0), threshold: 1,
  reason: '', driver: indicators[0]?.id ?? null, consistent: indicators.length, inconsistent: 0, indicators, sources: [], ...over,
});
const judge = (t: ThesisResult, s?: Sensitivity) => thesisJudgement({ thesis: t, sensitivity: s, items: { event: 12 }, sources: 4, cites: [1], section: 'q-1', subjects: [] }, names);

describe('thesisJudgement(input, names)', () => {
  it('words the logistic of the score on the ICD 203 scale, as a clause of the title', () => {
    const j = judge(thesis([indicator('events'), indicator('alignment')]));
    assert.equal(j.likelihood.word, 'very likely'); // logistic(2) = 0.88
    assert.equal(j.statement, 'It is very likely (80–95%) that the talks changed broker.');
    assert.match(j.evidence, /^n = 12 events; 4 sources$/);
  });

  it('gives moderate confidence on two families, high on three, and low once a single item changes the verdict', () => {
    assert.equal(judge(thesis([indicator('events'), indicator('alignment')])).confidence, 'moderate');
    assert.equal(judge(thesis([indicator('events'), indicator('alignment'), indicator('arms')])).confidence, 'high');
    assert.equal(judge(thesis([indicator('events')])).confidence, 'low');
    const fragile: Sensitivity = { thesis: 't', verdict: 'supported', changes: [{ item: 'sipri:ARM<IND:2021', label: '', verdict: 'insufficient evidence', score: 0 }], untested: 0 };
    const j = judge(thesis([indicator('events'), indicator('alignment'), indicator('arms')]), fragile);
    assert.equal(j.confidence, 'low');
    assert.match(j.change, /^Leaving out SIPRI's record of India's 2021 arms deliveries to Armenia alone would make the verdict insufficient evidence\.$/);
  });

  it('keeps a mixed verdict at low confidence and out of the decisive set', () => {
    const j = judge(thesis([indicator('events'), indicator('alignment', { contribution: -1, consistency: 'inconsistent', holds: false })], { verdict: 'mixed' }));
    assert.equal(j.decisive, false);
    assert.equal(j.confidence, 'low');
    assert.equal(j.likelihood.word, 'roughly even chance');
    assert.match(j.statement, /^There is a roughly even chance \(45–55%\) that /);
  });
});

describe('dyadTrendJudgement and alignmentTrendJudgement', () => {
  const years = (values: number[]) => values.map((value, i) => ({ year: 2010 + i, value }));

  it('judge only a significant trend over enough years, and bound its probability by the p-value', () => {
    const rising = years([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const j = dyadTrendJudgement({ a: 'ARM', b: 'RUS', points: rising, events: 40, sources: 12, origins: 2, originText: 'curated 30, gdelt 10', cites: [3], section: 's' }, names)!;
    assert.ok(j);
    assert.match(j.statement, /relations between Armenia and Russia have grown more cooperative since 2010/);
    assert.equal(j.confidence, 'high');
    assert.equal(dyadTrendJudgement({ a: 'ARM', b: 'RUS', points: years([1, 3, 2, 4, 1, 3, 2, 4, 1, 3]), events: 40, sources: 12, origins: 2, originText: '', cites: [], section: 's' }, names), null);
    assert.equal(dyadTrendJudgement({ a: 'ARM', b: 'RUS', points: rising.slice(0, JUDGEMENT_DEFAULTS.trend.minPeriods - 1), events: 40, sources: 12, origins: 2, originText: '', cites: [], section: 's' }, names), null);
  });

  it('say whose votes moved, and cap UN-vote confidence at moderate', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ year: 2015 + i, distance: 0.1 + 0.07 * i, ideal_a: 0.5, ideal_b: 0.4 - 0.07 * i }));
    const j = alignmentTrendJudgement({ a: 'ARM', b: 'RUS', rows, cites: [2], vintage: 'ideal points through 2024', section: 'a' }, names)!;
    assert.match(j.statement, /voting positions of Armenia and Russia have drifted apart since 2015; most of the movement is Russia's own/);
    assert.equal(j.confidence, 'moderate');
    assert.equal(j.likelihood.word, 'almost certain');
  });
});

describe('armsShiftJudgement(input, names)', () => {
  const units = (supplier: string, n: number, tiv = 10): ArmsUnit[] => Array.from({ length: n }, (_, i) => ({ supplier, system: `${supplier} system ${i}`, tiv }));

  it('takes the supplier whose share moved most, its likelihood from a seeded bootstrap', () => {
    const input = { recipient: 'ARM', baseline: { label: '2015–2019', units: [...units('RUS', 9), ...units('IND', 1)] }, window: { label: '2020–2024', units: [...units('RUS', 3), ...units('IND', 7)] }, cites: [1], vintage: 'SIPRI', section: 'arms-1' };
    const a = armsShiftJudgement({ ...input, rng: seededRng('x') }, names)!;
    const b = armsShiftJudgement({ ...input, rng: seededRng('x') }, names)!;
    assert.equal(a.statement, b.statement, 'same seed, same judgement');
    assert.match(a.statement, /Armenia's arms imports have shifted (towards India|away from Russia): its share of deliveries (rose from 10% in 2015–2019 to 70%|fell from 90% in 2015–2019 to 30%) in 2020–2024/);
    assert.ok(a.likelihood.p > 0.95);
    assert.equal(a.confidence, 'moderate');
  });

  it('is low confidence when one system makes the shift, and absent below the minimum change', () => {
    const lumpy = { recipient: 'ARM', baseline: { label: 'b', units: units('RUS', 6) }, window: { label: 'w', units: [...units('RUS', 5), { supplier: 'IND', system: 'one big radar', tiv: 500 }] }, cites: [], vintage: '', section: 'x', rng: seededRng('y') };
    const j = armsShiftJudgement(lumpy, names)!;
    assert.equal(j.confidence, 'low');
    assert.match(j.change, /one big radar/);
    const flat = { ...lumpy, window: { label: 'w', units: [...units('RUS', 9), ...units('IND', 1)] } };
    assert.equal(armsShiftJudgement(flat, names), null);
  });
});

describe('scenarioJudgement(input)', () => {
  const base = {
    title: "Russia's role in the settlement", asOf: '2025-12-01', low: 'excluded', high: 'guarantor', point: 15, runs: 100, perturb: 5, modelsAgree: true, spread: 5,
    band: { p10: 9, p90: 26, pointInBand: true, belowMidpoint: 0.93, aboveMidpoint: 0.07, midpoint: 50 }, retrodiction: { smp: 10, bestBaseline: 20, rows: 8, sideHits: 8 }, actors: 7, inputs: 21, sources: 9, cites: [], section: 's',
  };
  it('takes its likelihood from the runs on the point’s side of the midpoint and the retrodiction record, moderate only when model, band and record agree', () => {
    const j = scenarioJudgement(base)!;
    // record (8 + 1) / (8 + 2) = 0.9; 0.9 · 0.93 + 0.1 · 0.07 = 0.844.
    assert.ok(Math.abs(j.likelihood.p - 0.844) < 1e-9);
    assert.equal(j.likelihood.word, 'very likely');
    // An untested model, or one that calls half the sides right, stays at even chance however stable its runs.
    assert.equal(scenarioJudgement({ ...base, retrodiction: null })!.likelihood.word, 'roughly even chance');
    assert.equal(scenarioJudgement({ ...base, retrodiction: { smp: 27, bestBaseline: 29, rows: 2, sideHits: 1 } })!.decisive, false);
    assert.match(j.statement, /the outcome on “Russia's role in the settlement” will lie nearer “excluded” than “guarantor”/);
    assert.equal(j.confidence, 'moderate');
    assert.equal(scenarioJudgement({ ...base, retrodiction: { smp: 27, bestBaseline: 29, rows: 8, sideHits: 8 } })!.confidence, 'low');
    assert.equal(scenarioJudgement({ ...base, modelsAgree: false })!.confidence, 'low');
    assert.equal(scenarioJudgement({ ...base, band: { ...base.band, pointInBand: false } })!.confidence, 'low');
  });
});

describe('bottomLine(candidates)', () => {
  const j = (kind: Judgement['kind'], p: number, confidence: Judgement['confidence'], subjects: string[], decisive = true): Judgement => ({
    kind, subjects, decisive, likelihood: { p, word: '', range: [0, 1] }, confidence, statement: `${kind} ${p} ${subjects.join()}`, confidenceReason: '', basis: '', evidence: '', cites: [], change: '', section: '',
  });

  it('takes at most two of a kind and five in all, round by round, never two on one subject', () => {
    const picked = bottomLine([
      j('thesis', 0.9, 'low', ['a']), j('thesis', 0.85, 'low', ['b']), j('thesis', 0.8, 'low', ['c']),
      j('arms-shift', 0.99, 'moderate', ['a']), j('arms-shift', 0.97, 'moderate', ['d']), j('arms-shift', 0.9, 'moderate', ['e']),
      j('alignment-trend', 0.99, 'moderate', ['f']), j('scenario', 0.99, 'low', ['g']),
    ]);
    assert.equal(picked.length, 5);
    assert.deepEqual(picked.map((x) => x.statement), ['thesis 0.9 a', 'alignment-trend 0.99 f', 'arms-shift 0.97 d', 'scenario 0.99 g', 'thesis 0.85 b']);
  });

  it('fills up to three with non-decisive judgements only when too few decisive ones exist', () => {
    const picked = bottomLine([j('thesis', 0.82, 'low', ['a']), j('thesis', 0.5, 'low', ['b'], false), j('thesis', 0.62, 'low', ['c'], false), j('thesis', 0.6, 'low', ['d'], false)]);
    assert.deepEqual(picked.map((x) => x.statement), ['thesis 0.82 a', 'thesis 0.62 c', 'thesis 0.6 d']);
  });
});
