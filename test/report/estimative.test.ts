// likelihoodOf, logistic and trendProbabilityBound against ICD 203's table and values worked out by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ICD203_LIKELIHOOD, likelihoodOf, likelihoodText, logistic, trendProbabilityBound } from '../../src/report/estimative.js';

describe('likelihoodOf(p)', () => {
  it('uses the seven ICD 203 terms with their ranges, lowest first', () => {
    assert.deepEqual(
      ICD203_LIKELIHOOD.map((t) => `${t.word} ${Math.round(t.range[0] * 100)}-${Math.round(t.range[1] * 100)}`),
      ['almost no chance 1-5', 'very unlikely 5-20', 'unlikely 20-45', 'roughly even chance 45-55', 'likely 55-80', 'very likely 80-95', 'almost certain 95-99'],
    );
  });

  it('gives each probability its term, boundaries to the term nearer even chance, clamped to 1–99%', () => {
    const cases: [number, string][] = [
      [0, 'almost no chance'], [0.03, 'almost no chance'], [0.05, 'very unlikely'], [0.18, 'very unlikely'], [0.2, 'unlikely'], [0.27, 'unlikely'],
      [0.45, 'roughly even chance'], [0.5, 'roughly even chance'], [0.55, 'roughly even chance'], [0.62, 'likely'], [0.8, 'likely'], [0.82, 'very likely'],
      [0.95, 'very likely'], [0.96, 'almost certain'], [1, 'almost certain'],
    ];
    for (const [p, word] of cases) assert.equal(likelihoodOf(p).word, word, `p = ${p}`);
    assert.equal(likelihoodOf(1).p, 0.99);
    assert.equal(likelihoodOf(0).p, 0.01);
    assert.equal(likelihoodText(likelihoodOf(0.03)), 'almost no chance (01–05%)');
  });
});

describe('logistic(score)', () => {
  it('turns a score in nats into the posterior of even prior odds', () => {
    assert.equal(logistic(0), 0.5);
    // ln 3 nats: likelihood ratio 3, so posterior odds 3:1.
    assert.ok(Math.abs(logistic(Math.log(3)) - 0.75) < 1e-12);
    assert.ok(Math.abs(logistic(-1.5) - 1 / (1 + Math.exp(1.5))) < 1e-12);
  });
});

describe('trendProbabilityBound(p)', () => {
  it('is 1/(1 + B) with B = −e·p·ln p (Sellke, Bayarri & Berger 2001), and no evidence at p ≥ 1/e', () => {
    // p = 0.05: B = e · 0.05 · 2.9957 = 0.4072, bound 0.7106.
    assert.ok(Math.abs(trendProbabilityBound(0.05) - 0.7106) < 1e-4);
    // p = 0.01: B = e · 0.01 · 4.6052 = 0.1252, bound 0.8888.
    assert.ok(Math.abs(trendProbabilityBound(0.01) - 0.8888) < 1e-4);
    assert.equal(trendProbabilityBound(0.5), 0.5);
    assert.equal(likelihoodOf(trendProbabilityBound(0.05)).word, 'likely', 'p = 0.05 is not "very likely"');
  });
});
