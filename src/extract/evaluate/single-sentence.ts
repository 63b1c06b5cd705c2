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
