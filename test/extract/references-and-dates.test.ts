import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findReferences, findDates, splitSentences } from '../../src/extract/index.js';

describe('findReferences(text)', () => {
  it('reads [n] and [roman] notes trailing the text, with day-first access dates', () => {
    const text = 'Talks began.[1] A second round followed.[ii]\n[1] “Talks”, Daily Example, https://daily.example/a, (Access Date: 03.04.2024).\n[ii] Note without a link.';
    const r = findReferences(text);
    assert.deepEqual(r.references.map((x) => [x.marker, x.url, x.accessed, x.outlet]), [
      ['1', 'https://daily.example/a', '2024-04-03', 'Daily Example'],
      ['ii', null, null, null],
    ]);
    assert.deepEqual(r.markers.map((m) => m.marker), ['1', 'ii']);
    assert.equal(text.slice(r.bodyEnd).startsWith('[1]'), true);
  });

  it('reads a numbered list under a References heading and (n) markers in the body', () => {
    const text = 'Ministers met (1). They disagreed (2).\n\nReferences\n1. Report, https://x.example/1, retrieved 12 August 2025.\n2. "Title two", https://x.example/2, accessed August 13, 2025.';
    const r = findReferences(text);
    assert.deepEqual(r.references.map((x) => [x.marker, x.accessed]), [['1', '2025-08-12'], ['2', '2025-08-13']]);
    assert.equal(r.references[1].title, 'Title two');
    assert.deepEqual(r.markers.map((m) => m.marker), ['1', '2']);
  });

  it('reads Markdown footnote definitions and leaves a numbered list without notes alone', () => {
    const md = 'Text here.[^a]\n\n[^a]: Source, https://y.example/z, accessed 2024-02-01.';
    assert.deepEqual(findReferences(md).references.map((x) => [x.marker, x.accessed]), [['a', '2024-02-01']]);
    const list = 'Three steps follow.\n1. First we wait.\n2. Then we act.';
    assert.equal(findReferences(list).references.length, 0);
  });
});

describe('findDates(sentence, base, context)', () => {
  const ctx = { published: '2025-07-11', last: { start: '2025-03-03', end: '2025-03-03', precision: 'day' as const } };
  const one = (s: string) => findDates(s, 0, ctx).map((d) => [d.interval.start, d.interval.end, d.interval.precision]);
  it('gives vague year parts as thirds of the year and "in 2024" as the year', () => {
    assert.deepEqual(one('they met at the beginning of 2025'), [['2025-01-01', '2025-04-30', 'season']]);
    assert.deepEqual(one('proposed at the end of 2020'), [['2020-09-01', '2020-12-31', 'season']]);
    assert.deepEqual(one('shot down in 2024'), [['2024-01-01', '2024-12-31', 'year']]);
  });
  it('resolves "since" against the document date and relative days against the last date mentioned', () => {
    assert.deepEqual(one('occupied since 2008'), [['2008-01-01', '2025-07-11', 'year']]);
    assert.deepEqual(one('since the 1990s'), [['1990-01-01', '2025-07-11', 'decade']]);
    assert.deepEqual(one('Three days later they left'), [['2025-03-06', '2025-03-06', 'day']]);
    assert.deepEqual(one('the next day'), [['2025-03-04', '2025-03-04', 'day']]);
  });
  it('reads explicit dates day first and weekdays as the last such day', () => {
    assert.deepEqual(one('signed on 05.03.2024'), [['2024-03-05', '2024-03-05', 'day']]);
    assert.deepEqual(one('on 12 August 2025'), [['2025-08-12', '2025-08-12', 'day']]);
    assert.deepEqual(one('said on Wednesday,'), [['2025-07-09', '2025-07-09', 'day']]);
  });
});

describe('splitSentences(text)', () => {
  it('keeps abbreviations, initials and trailing note markers inside sentences', () => {
    const text = 'The U.S. envoy met Mr. Smith on Monday.[3] Talks ended. A new round starts.';
    assert.deepEqual(splitSentences(text).map((s) => s.text), ['The U.S. envoy met Mr. Smith on Monday.[3]', 'Talks ended.', 'A new round starts.']);
  });
});
