// Splits body text into sentences with offsets: abbreviations, initials, quotes and trailing note markers kept in place.
import type { Span } from './contract.js';

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index of the paragraph (block separated by a blank line or a line break after a full stop). */
  readonly paragraph: number;
  /** A headline or heading: short, without terminal punctuation. It names actors but reports no event of its own. */
  readonly heading: boolean;
}

const isHeading = (s: string) => /^#/.test(s) || (!/[.!?:;,"”’)\]]$/.test(s) && s.split(/\s+/).length <= 16);

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'gov', 'sen', 'rep', 'st', 'mt', 'no', 'nos',
  'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'fig', 'approx', 'dept', 'est', 'jr', 'sr', 'pres', 'amb', 'cf', 'al', 'ed', 'eds', 'vol', 'pp', 'p',
]);

/** Sentences of `text` within `[from, to)`, skipping the `exclude` spans (notes). */
export function splitSentences(text: string, from = 0, to = text.length, exclude: readonly Span[] = []): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = -1;
  const push = (end: number) => {
    if (start < 0) return;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e), paragraph, heading: isHeading(text.slice(s, e)) });
    start = -1;
  };
  const excluded = (i: number) => exclude.find((x) => i >= x.start && i < x.end);
  for (let i = from; i < to; i++) {
    const ex = excluded(i);
    if (ex) {
      push(i);
      paragraph++;
      i = ex.end - 1;
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      const blank = /^\n[ \t\r]*\n/.test(text.slice(i, i + 40)) || /^\n[ \t]*(?:#{1,6}\s|[-*+]\s|\d+\.\s|>)/.test(text.slice(i, i + 10));
      const prev = text.slice(Math.max(from, i - 3), i).trimEnd();
      // A single line break ends a sentence only after terminal punctuation or a heading-like line (no full stop).
      if (blank || /[.!?:"”’)\]]$/.test(prev) || start < 0 || lineLooksLikeHeading(text, start, i)) {
        push(i);
        paragraph++;
      }
      continue;
    }
    if (start < 0) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      // closing quotes, brackets and note markers stay with the sentence they end
      for (;;) {
        const m = /^(?:[”"’')\]»]|\[\^?[0-9ivxlcA-Za-z_-]{1,20}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.exec(text.slice(j, j + 24));
        if (!m) break;
        j += m[0].length;
      }
      if (j < to && !/\s/.test(text[j])) continue;
      if (c === '.' && !isSentenceEnd(text, i, j, to)) continue;
      push(j);
      i = j - 1;
    }
  }
  push(to);
  // a headline names what the text below it reports; a text that is one line without a full stop is that sentence
  if (out.length === 1 && out[0].heading && !/^#/.test(out[0].text)) return [{ ...out[0], heading: false }];
  return out;
}

function lineLooksLikeHeading(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end).trim();
  // a short line without a full stop that starts like a title ("# Talks resume", "Background")
  return line.length < 120 && /^(#|\p{Lu})/u.test(line) && !/[,;:]$/.test(line) && line.split(/\s+/).length <= 14 && !line.includes('.');
}

function isSentenceEnd(text: string, dot: number, after: number, to: number): boolean {
  const before = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot));
  const word = before ? before[1] : '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // initials and acronyms: "J. Smith", "U.S."; a single capital letter before the dot
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/\.\p{L}$/u.test(text.slice(Math.max(0, dot - 3), dot))) {
    // "U.S." ends a sentence only when a capitalised word that is not a name-like continuation follows
    const next = /^\s+(\S+)/.exec(text.slice(after, after + 30));
    return !!next && /^[\p{Lu}“"]/u.test(next[1]) && /^(The|A|An|In|On|It|This|But|However|He|She|They|We)$/.test(next[1].replace(/[^\p{L}]/gu, ''));
  }
  // a number like "3.5" never reaches here (no space after the dot); a lower-case continuation is not a new sentence
  const next = /^\s+(\S)/.exec(text.slice(after, Math.min(to, after + 10)));
  if (!next) return true;
  return !/\p{Ll}/u.test(next[1]);
}
