// Runs the extractor on one sentence, as the event-coding test sets present their records.
import { createHash } from 'node:crypto';
import type { Extraction } from '../contract.js';
import { extractArticle } from '../extract.js';
import type { Gazetteer } from '../gazetteer.js';

/** Extraction of `text` as a one-sentence plain-text article dated `published`. */
export function extractSentence(text: string, published: string | null, gazetteer?: Gazetteer): Extraction {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sha256 = createHash('sha256').update(clean).digest('hex');
  return extractArticle({ kind: 'article-input', file: '(sentence)', format: 'text', sha256, text: clean, title: null, published }, {
    published, gazetteer, today: published ?? '2000-01-01', candidates: { maxSentences: 0 },
  });
}

/**
 * The codings of a sentence an event coder would report: its events and one-sided actions, in the order of their
 * triggers, with bare statements ("said") after the acts they report.
 */
export function sentenceCodings(x: Extraction): Extraction['events'] {
  const all = [...x.events, ...x.actions];
  const at = (e: Extraction['events'][number]) => e.triggerSpan?.start ?? e.sentence.start;
  return all.sort((a, b) => Number(a.cameo.startsWith('01')) - Number(b.cameo.startsWith('01')) || at(a) - at(b));
}
