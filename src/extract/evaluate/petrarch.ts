// Source, target and code agreement on the PETRARCH-2 validation sentences (PETR2_GSR_validation.xml).
import type { Gazetteer } from '../gazetteer.js';
import { countryOfCode } from '../merge-events.js';
import { extractSentence, sentenceCodings } from './single-sentence.js';

export interface PetrarchRecord {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  /** Expected codings; empty when the record expects no event. */
  readonly codings: ReadonlyArray<{ readonly code: string; readonly source: string; readonly target: string }>;
}

export interface PetrarchScore {
  readonly withEvents: number;
  readonly withoutEvents: number;
  readonly sourceAgreement: number;
  readonly targetAgreement: number;
  /** Same CAMEO root (first two digits). */
  readonly rootAgreement: number;
  readonly codeAgreement: number;
  /**
   * Share of the no-event records for which the reader proposed no event (an interaction with both sides, which is
   * what a store and the measures would receive). One-sided actions never enter the store; see `noEventStrict`.
   */
  readonly noEventAgreement: number;
  /** The same share when a one-sided action counts as a coding too. */
  readonly noEventStrict: number;
}

/** Reads the validation file's <Sentence>, <EventCoding> and <Text> elements (the file is XML with comment lines). */
export function parsePetrarch(xml: string): PetrarchRecord[] {
  const out: PetrarchRecord[] = [];
  const re = /<Sentence\b([^>]*)>([\s\S]*?)<Text>\s*([\s\S]*?)\s*<\/Text>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = m[1];
    if (/evaluate="false"/i.test(attrs)) continue;
    const id = /id="([^"]*)"/.exec(attrs)?.[1] ?? String(out.length);
    const d = /date="(\d{4})(\d{2})(\d{2})"/.exec(attrs);
    const codings = [...m[2].matchAll(/<EventCoding\b([^>]*)\/?>/g)]
      .map((c) => ({ code: /eventcode="([^"]*)"/.exec(c[1])?.[1] ?? '', source: /sourcecode="([^"]*)"/.exec(c[1])?.[1] ?? '', target: /targetcode="([^"]*)"/.exec(c[1])?.[1] ?? '' }))
      .filter((c) => c.code !== '');
    out.push({ id, date: d ? `${d[1]}-${d[2]}-${d[3]}` : null, text: m[3].replace(/\s+/g, ' ').trim(), codings });
  }
  return out;
}

const actorCountry = (code: string) => (code.startsWith('IGO') ? 'IGO' : code.slice(0, 3));

/** For each record the best-agreeing proposed event is compared with the expected codings. */
export function scorePetrarch(records: readonly PetrarchRecord[], gazetteer?: Gazetteer): PetrarchScore {
  let withEvents = 0;
  let without = 0;
  let src = 0;
  let tgt = 0;
  let root = 0;
  let code = 0;
  let quiet = 0;
  let silent = 0;
  for (const r of records) {
    const x = extractSentence(r.text, r.date, gazetteer);
    if (r.codings.length === 0) {
      without++;
      if (x.events.length === 0) quiet++;
      if (sentenceCodings(x).length === 0) silent++;
      continue;
    }
    withEvents++;
    let best = [0, 0, 0, 0];
    for (const e of sentenceCodings(x)) {
      const s = new Set(e.source.map((c) => actorCountry(countryOfCode(c))));
      const t = new Set(e.target.map((c) => actorCountry(countryOfCode(c))));
      for (const g of r.codings) {
        const cand = [Number(s.has(actorCountry(g.source))), Number(t.has(actorCountry(g.target))), Number(e.cameo.slice(0, 2) === g.code.slice(0, 2)), Number(e.cameo === g.code)];
        if (cand.reduce((a, b) => a + b) > best.reduce((a, b) => a + b)) best = cand;
      }
    }
    src += best[0];
    tgt += best[1];
    root += best[2];
    code += best[3];
  }
  const n = withEvents || 1;
  return {
    withEvents, withoutEvents: without, sourceAgreement: src / n, targetAgreement: tgt / n, rootAgreement: root / n, codeAgreement: code / n,
    noEventAgreement: without ? quiet / without : 1, noEventStrict: without ? silent / without : 1,
  };
}
