// Scores an extraction against a gold annotation exactly as ../shared/spec/extraction.md describes: references by
// marker+URL+access date; countries and persons by recall/precision; events matched one-to-one (anchor overlap,
// source and target country agreement — either way for symmetric events — and quad agreement); dates; claims.
import type { Extraction, ExtractedEvent } from '../contract.js';
import { countryOfCode } from '../merge-events.js';
import type { GoldDocument, GoldEvent } from './gold.js';

export interface Score {
  readonly referenceRecall: number;
  readonly countryRecall: number;
  readonly countryPrecision: number;
  readonly personRecall: number;
  readonly personPrecision: number;
  readonly eventRecall: number;
  readonly eventPrecision: number;
  readonly eventF1: number;
  readonly dateAccuracy: number;
  readonly claimsFound: number;
  readonly claimsTotal: number;
  readonly predictions: number;
  /** Gold event id → predicted event id, for reports. */
  readonly matches: ReadonlyMap<string, string>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
// Folds typographic quotes one-for-one, so that offsets stay the same.
const foldQuotes = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
const familyName = (name: string) => foldQuotes(name).trim().split(/\s+/).pop()!.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Where each anchor of `g` occurs in `text`. */
export function anchorSpans(text: string, g: GoldEvent): Array<{ start: number; end: number }> {
  const folded = foldQuotes(text);
  const out: Array<{ start: number; end: number }> = [];
  for (const a of g.anchors) {
    const needle = foldQuotes(a);
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  }
  return out;
}

/** Whether predicted event `p` may count as gold event `g` (before the one-to-one assignment). */
export function eventAgrees(text: string, p: ExtractedEvent, g: GoldEvent): boolean {
  if (!g.quad.includes(p.quad)) return false;
  const spans = anchorSpans(text, g);
  if (!spans.some((s) => p.sentence.start < s.end && s.start < p.sentence.end)) return false;
  const src = new Set(p.source.map(countryOfCode));
  const tgt = new Set(p.target.map(countryOfCode));
  const agree = (a: Set<string>, b: readonly string[]) => b.some((c) => a.has(c));
  if (agree(src, g.source) && agree(tgt, g.target)) return true;
  return g.symmetric && agree(src, g.target) && agree(tgt, g.source);
}

/** Maximum one-to-one matching (Kuhn's augmenting paths); core gold events are matched first and never unmatched. */
function matchEvents(text: string, preds: readonly ExtractedEvent[], gold: readonly GoldEvent[]): Map<number, number> {
  const edges = gold.map((g) => preds.map((p, j) => (eventAgrees(text, p, g) ? j : -1)).filter((j) => j >= 0));
  const predOf = new Map<number, number>(); // pred index → gold index
  const tryAssign = (gi: number, seen: Set<number>): boolean => {
    for (const pj of edges[gi]) {
      if (seen.has(pj)) continue;
      seen.add(pj);
      const other = predOf.get(pj);
      if (other === undefined || tryAssign(other, seen)) {
        predOf.set(pj, gi);
        return true;
      }
    }
    return false;
  };
  const order = gold.map((_, i) => i).sort((a, b) => Number(gold[b].core) - Number(gold[a].core));
  for (const gi of order) tryAssign(gi, new Set());
  const goldToPred = new Map<number, number>();
  for (const [pj, gi] of predOf) goldToPred.set(gi, pj);
  return goldToPred;
}

/** Scores `x`, extracted from `text`, against `gold`. */
export function scoreExtraction(text: string, x: Extraction, gold: GoldDocument): Score {
  const refHit = gold.references.filter((g) => x.references.some((r) => r.marker === g.marker && (r.url ?? null) === (g.url ?? null) && (r.accessed ?? null) === (g.accessed ?? null)));

  const predCountries = new Set(x.actors.filter((a) => a.code && !a.code.startsWith('IGO')).map((a) => a.code!.slice(0, 3)));
  const okCountries = new Set([...gold.countries, ...gold.countries_acceptable]);
  const countryRecall = ratio(gold.countries.filter((c) => predCountries.has(c)).length, gold.countries.length);
  const countryPrecision = ratio([...predCountries].filter((c) => okCountries.has(c)).length, predCountries.size);

  const predPersons = new Set(x.actors.filter((a) => a.kind === 'person').map((a) => familyName(a.name)));
  const goldPersons = gold.persons.map(familyName);
  const okPersons = new Set([...goldPersons, ...gold.persons_acceptable.map(familyName)]);
  const personRecall = ratio(goldPersons.filter((p) => predPersons.has(p)).length, goldPersons.length);
  const personPrecision = ratio([...predPersons].filter((p) => okPersons.has(p)).length, predPersons.size);

  const m = matchEvents(text, x.events, gold.events);
  const core = gold.events.map((g, i) => [g, i] as const).filter(([g]) => g.core);
  const coreMatched = core.filter(([, i]) => m.has(i));
  const eventRecall = ratio(coreMatched.length, core.length);
  const eventPrecision = ratio(m.size, x.events.length);
  const eventF1 = eventRecall + eventPrecision === 0 ? 0 : (2 * eventRecall * eventPrecision) / (eventRecall + eventPrecision);
  const dated = coreMatched.filter(([g]) => g.date);
  const dateRight = dated.filter(([g, i]) => {
    const d = x.events[m.get(i)!].date;
    return d && d.start <= g.date![1] && g.date![0] <= d.end;
  });

  const claimsFound = gold.claims.filter((g) => x.claims.some((c) => {
    const cc = new Set(c.claimant.map(countryOfCode));
    const ab = new Set(c.about.map(countryOfCode));
    const dn = new Set(c.deniedBy.map(countryOfCode));
    return g.claimant.some((k) => cc.has(k)) && (g.about.length === 0 || g.about.some((k) => ab.has(k)))
      && c.status === g.status && (g.deniedBy.length === 0 || g.deniedBy.some((k) => dn.has(k)));
  })).length;

  const matches = new Map<string, string>();
  for (const [gi, pj] of m) matches.set(gold.events[gi].id, x.events[pj].id);
  return {
    referenceRecall: ratio(refHit.length, gold.references.length),
    countryRecall, countryPrecision, personRecall, personPrecision,
    eventRecall, eventPrecision, eventF1,
    dateAccuracy: ratio(dateRight.length, dated.length),
    claimsFound, claimsTotal: gold.claims.length, predictions: x.events.length, matches,
  };
}
