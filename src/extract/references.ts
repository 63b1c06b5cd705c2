// Finds the notes of an article (under a References/Notes/Sources heading or trailing the text) and the markers that cite them.
import type { ExtractedReference, Span } from './contract.js';
import { outletOf } from './media.js';
import { parseAccessDate } from './access-date.js';

/** A citation marker in the body ("[3]", "[ii]", "[^4]", "(2)", "¹"). */
export interface MarkerHit {
  readonly marker: string;
  readonly start: number;
  readonly end: number;
}

export interface ReferenceSection {
  readonly references: ExtractedReference[];
  /** Spans of the text that hold notes or their heading: not body text, no sentences there. */
  readonly noteSpans: Span[];
  /** Where the body ends (the start of a trailing reference section, or the text length). */
  readonly bodyEnd: number;
  readonly markers: MarkerHit[];
}

const HEADING = /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(references|reference list|notes|endnotes|footnotes|sources|bibliography|works cited|citations|literature)\s*(?:\*\*|__)?\s*:?\s*$/i;
const ROMAN = '(?:[ivxlc]{1,7})';
// Entry starts, tried in order: Markdown footnote definition, [n], (n), n. / n)
const ENTRY: ReadonlyArray<{ re: RegExp; needsHeading: boolean }> = [
  { re: new RegExp(`^\\s*\\[\\^([0-9]{1,3}|${ROMAN}|[A-Za-z0-9_-]{1,20})\\]:\\s*`, 'i'), needsHeading: false },
  { re: new RegExp(`^\\s*\\[([0-9]{1,3}|${ROMAN})\\]\\s*`, 'i'), needsHeading: false },
  { re: new RegExp(`^\\s*\\(([0-9]{1,3}|${ROMAN})\\)\\s+`, 'i'), needsHeading: false },
  { re: new RegExp(`^\\s*([0-9]{1,3}|${ROMAN})[.)]\\s+`, 'i'), needsHeading: true },
];
const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ text: text.slice(start, end).replace(/\r$/, ''), start, end });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

function entryStart(line: string, underHeading: boolean): { marker: string; rest: number } | null {
  for (const { re, needsHeading } of ENTRY) {
    if (needsHeading && !underHeading) continue;
    const m = re.exec(line);
    if (m) return { marker: m[1], rest: m[0].length };
  }
  return null;
}

const looksLikeNote = (s: string): boolean => /https?:\/\/|www\.|acces|retrieved|[“"«]/i.test(s);

/** Finds the notes of `text` and the markers that cite them. */
export function findReferences(text: string): ReferenceSection {
  const all = lines(text);
  const noteSpans: Span[] = [];
  type Entry = { marker: string; start: number; end: number; body: string };
  const entries: Entry[] = [];
  let bodyEnd = text.length;

  // 1. A heading, the last one in the text, opens the section; its entries may wrap over several lines.
  let headingIdx = -1;
  for (let i = all.length - 1; i >= 0; i--) {
    if (HEADING.test(all[i].text)) {
      headingIdx = i;
      break;
    }
  }
  const taken = new Set<number>();
  if (headingIdx >= 0) {
    let current: Entry | null = null;
    const section: Entry[] = [];
    for (let i = headingIdx + 1; i < all.length; i++) {
      const l = all[i];
      const start = entryStart(l.text, true);
      if (start) {
        current = { marker: start.marker, start: l.start, end: l.end, body: l.text.slice(start.rest) };
        section.push(current);
      } else if (l.text.trim() !== '' && current) {
        current.end = l.end;
        current.body += ` ${l.text.trim()}`;
      } else if (l.text.trim() !== '' && !current && looksLikeNote(l.text)) {
        // unnumbered notes (one per line) are listed in order with their position as marker
        section.push({ marker: String(section.length + 1), start: l.start, end: l.end, body: l.text });
      }
    }
    if (section.length > 0) {
      entries.push(...section);
      bodyEnd = all[headingIdx].start;
      noteSpans.push({ start: all[headingIdx].start, end: text.length });
      for (let i = headingIdx; i < all.length; i++) taken.add(i);
    }
  }

  // 2. Without a heading: a trailing block of marked lines that look like notes.
  if (entries.length === 0) {
    let i = all.length - 1;
    const block: Entry[] = [];
    while (i >= 0) {
      const l = all[i];
      if (l.text.trim() === '') {
        i--;
        continue;
      }
      const start = entryStart(l.text, false) ?? (/^\s*\d{1,3}\.\s+/.test(l.text) && looksLikeNote(l.text) ? entryStart(l.text, true) : null);
      if (!start) break;
      block.unshift({ marker: start.marker, start: l.start, end: l.end, body: l.text.slice(start.rest) });
      taken.add(i);
      i--;
    }
    if (block.length > 0 && block.some((e) => looksLikeNote(e.body))) {
      entries.push(...block);
      bodyEnd = block[0].start;
      noteSpans.push({ start: block[0].start, end: text.length });
    } else {
      taken.clear();
    }
  }

  // 3. Markdown footnote definitions anywhere in the text.
  all.forEach((l, i) => {
    if (taken.has(i)) return;
    const m = ENTRY[0].re.exec(l.text);
    if (!m) return;
    entries.push({ marker: m[1], start: l.start, end: l.end, body: l.text.slice(m[0].length) });
    noteSpans.push({ start: l.start, end: l.end });
  });

  entries.sort((a, b) => a.start - b.start);
  const references = entries.map((e) => parseNote(e.marker, e.body, { start: e.start, end: e.end }));
  const defined = new Set(references.map((r) => r.marker.toLowerCase()));
  const markers = findMarkers(text, defined, noteSpans);
  return { references, noteSpans, bodyEnd, markers };
}

/** Parses one note into outlet, title, URL and access date. */
export function parseNote(marker: string, body: string, span: Span): ExtractedReference {
  const urlMatch = /(https?:\/\/[^\s<>()"“”,]+(?:\([^\s)]*\)[^\s<>()"“”,]*)*)/i.exec(body) ?? /\b(www\.[^\s<>()"“”,]+)/i.exec(body);
  const url = urlMatch ? urlMatch[1].replace(/[.,;:)\]]+$/, '') : null;
  const title = titleOf(body);
  const outlet = outletOf(body, url, title);
  return { marker, outlet, title, url, accessed: parseAccessDate(body), span };
}

function titleOf(body: string): string | null {
  const pairs: Array<[string, string]> = [['“', '”'], ['"', '"'], ['«', '»'], ['‘', '’']];
  for (const [open, close] of pairs) {
    const a = body.indexOf(open);
    if (a === -1) continue;
    const b = body.indexOf(close, a + 1);
    if (b > a + 1) return body.slice(a + 1, b).replace(/[,.]$/, '').trim() || null;
  }
  const md = /(?:^|\s)[*_]([^*_]{3,200})[*_]/.exec(body);
  return md ? md[1].trim() : null;
}

function findMarkers(text: string, defined: ReadonlySet<string>, exclude: readonly Span[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  const inNotes = (i: number) => exclude.some((s) => i >= s.start && i < s.end);
  const re = /\[\^?([0-9]{1,3}|[ivxlc]{1,7}|[A-Za-z0-9_-]{1,20})\]|\(([0-9]{1,3}|[ivxlc]{1,7})\)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (inNotes(m.index)) continue;
    const raw = m[1] ?? m[2] ?? [...m[3]].map((c) => SUPERSCRIPT[c]).join('');
    if (!defined.has(raw.toLowerCase())) continue;
    // "(1)" is only a marker when it does not open a list item at the start of a line
    if (m[2] && (m.index === 0 || text[m.index - 1] === '\n')) continue;
    hits.push({ marker: raw, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
