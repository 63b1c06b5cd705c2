import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction, ExtractedEvent } from '../../src/extract/index.js';
import { GoldDocument } from '../../src/extract/evaluate/gold.js';
import { scoreExtraction } from '../../src/extract/evaluate/score.js';

const TEXT = 'Chile and Peru held talks in Lima. Later, Peru accused Bolivia of smuggling. Markets were calm.';
const gold = GoldDocument.parse({
  document: 'x.txt', published: '2024-01-10',
  references: [{ marker: '1', url: 'https://a.example/1', accessed: '2024-01-09' }],
  countries: ['CHL', 'PER', 'BOL'], countries_acceptable: [], persons: [], persons_acceptable: [],
  events: [
    { id: 'talks', core: true, source: ['CHL'], target: ['PER'], symmetric: true, quad: [1], date: ['2024-01-01', '2024-01-05'], anchors: ['Chile and Peru held talks'] },
    { id: 'accuse', core: true, source: ['PER'], target: ['BOL'], quad: [3], date: null, anchors: ['Peru accused Bolivia'] },
  ],
  claims: [],
});
const span = (needle: string) => {
  const start = TEXT.indexOf(needle);
  return { start, end: start + needle.length };
};
function ev(id: string, source: string[], target: string[], quad: 1 | 2 | 3 | 4, sentence: { start: number; end: number }, date: ExtractedEvent['date'] = null): ExtractedEvent {
  return { id, date, cameo: '040', quad, goldstein: 1, plover: null, source, target, third: [], actors: { source, target, third: [] }, negated: false, hypothetical: false, status: 'reported', location: null, sentence, trigger: 'x', refs: [] };
}
function extraction(events: ExtractedEvent[]): Extraction {
  return {
    document: { title: null, published: null, sha256: '0'.repeat(64), format: 'text', words: 10 },
    references: [{ marker: '1', outlet: null, title: null, url: 'https://a.example/1', accessed: '2024-01-09', span: { start: 0, end: 1 } }],
    actors: [{ id: 'CHL', name: 'Chile', kind: 'state', code: 'CHL', country: 'CHL', mentions: 1, known: false }, { id: 'PERGOV', name: 'Peru', kind: 'organization', code: 'PERGOV', country: 'PER', mentions: 1, known: false }],
    events, claims: [], actions: [], candidates: [], warnings: [],
  };
}
const s1 = span('Chile and Peru held talks in Lima.');
const s2 = span('Later, Peru accused Bolivia of smuggling.');
const s3 = span('Markets were calm.');

describe('scoreExtraction(text, extraction, gold)', () => {
  it('matches a symmetric event given in either direction and checks its date', () => {
    const s = scoreExtraction(TEXT, extraction([ev('a', ['PERGOV'], ['CHL'], 1, s1, { start: '2024-01-03', end: '2024-01-03', precision: 'day' }), ev('b', ['PER'], ['BOL'], 3, s2)]), gold);
    assert.equal(s.eventRecall, 1);
    assert.equal(s.eventPrecision, 1);
    assert.equal(s.dateAccuracy, 1);
  });

  it('counts a second prediction of the same event and a prediction in an eventless sentence as wrong', () => {
    const s = scoreExtraction(TEXT, extraction([ev('a', ['CHL'], ['PER'], 1, s1), ev('a2', ['CHL'], ['PER'], 1, s1), ev('c', ['CHL'], ['PER'], 1, s3)]), gold);
    assert.equal(s.eventRecall, 0.5);
    assert.equal(s.eventPrecision, 1 / 3);
    assert.equal(s.dateAccuracy, 0, 'the matched dated event was predicted without a date');
  });

  it('needs the quad class, the direction of a non-symmetric event and an overlapping sentence', () => {
    const s = scoreExtraction(TEXT, extraction([ev('q', ['PER'], ['BOL'], 4, s2), ev('r', ['BOL'], ['PER'], 3, s2), ev('w', ['PER'], ['BOL'], 3, s1)]), gold);
    assert.equal(s.eventRecall, 0);
    assert.equal(s.eventPrecision, 0);
  });

  it('scores references by marker, URL and access date, and countries by the first letters of codes', () => {
    const s = scoreExtraction(TEXT, extraction([]), gold);
    assert.equal(s.referenceRecall, 1);
    assert.equal(s.countryRecall, 2 / 3);
    assert.equal(s.countryPrecision, 1);
  });
});
