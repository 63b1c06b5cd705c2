// One event per reported interaction: later mentions of the same dyad, quad class and time merge into the first.
import { overlaps } from '../model/date-interval.js';
import type { ExtractedEvent } from './contract.js';

/** The country (or IGO) a CAMEO actor code belongs to: AZEGOV → AZE, IGOEUREEC stays whole. */
export function countryOfCode(code: string): string {
  return code.startsWith('IGO') ? code : code.slice(0, 3);
}

const countries = (codes: readonly string[]) => new Set(codes.map(countryOfCode));

/**
 * True when `a` and `b` report the same interaction: same quad class and CAMEO root, a shared dyad (either way round
 * for symmetric ones), overlapping dates — or, when only one is dated, mentions close to each other (`near`).
 */
export function sameInteraction(a: ExtractedEvent, b: ExtractedEvent, symmetric = false, near = true): boolean {
  if (a.quad !== b.quad || a.negated !== b.negated || a.cameo.slice(0, 2) !== b.cameo.slice(0, 2)) return false;
  if (a.date && b.date ? !overlaps(a.date, b.date) : (a.date || b.date) && !near) return false;
  // two statements are one only when the same speaker made them
  if (a.cameo.startsWith('01') && !a.actors.source.some((id) => b.actors.source.includes(id))) return false;
  // "lodged a protest … summoned the envoy": two verbs of the same root in different sentences are two acts
  if (distinctActs(a, b)) return false;
  const [as, at, bs, bt] = [countries(a.source), countries(a.target), countries(b.source), countries(b.target)];
  const shares = (x: Set<string>, y: Set<string>) => [...x].some((c) => y.has(c));
  if (shares(as, bs) && shares(at, bt)) return true;
  return symmetric && shares(as, bt) && shares(at, bs);
}

const DISTINCT_ROOTS = new Set(['05', '11']);
const lemma = (trigger: string) => trigger.toLowerCase().split(/\s+/)[0].replace(/(?:ing|ed|es|s|d)$/, '').slice(0, 5);
function distinctActs(a: ExtractedEvent, b: ExtractedEvent): boolean {
  // "detained 40 nationals and pushed them back", "seized the ship and deported its crew": an expulsion is another act
  // than the arrest or seizure before it, even in one sentence (a raid and its arrests stay one)
  const expels = (e: ExtractedEvent) => e.cameo.startsWith('174');
  if (a.cameo.startsWith('17') && b.cameo.startsWith('17') && expels(a) !== expels(b)) return true;
  // "suspended the treaty … declared an attache persona non grata": cutting ties in another way is another act
  if (a.cameo.startsWith('16') && a.cameo.slice(0, 3) !== b.cameo.slice(0, 3) && a.sentence.start !== b.sentence.start) return lemma(a.trigger) !== lemma(b.trigger);
  // "accused X of … The following week Y summoned X's ambassador": another code of the root is another act too
  if (!DISTINCT_ROOTS.has(a.cameo.slice(0, 2))) return false;
  if (a.sentence.start === b.sentence.start) return false;
  return lemma(a.trigger) !== lemma(b.trigger);
}

/** Merges duplicates in document order; the first mention keeps its sentence and gains the others' refs and date. */
export function mergeEvents(
  events: readonly ExtractedEvent[],
  symmetric: (e: ExtractedEvent) => boolean,
  near: (a: ExtractedEvent, b: ExtractedEvent) => boolean = () => true,
): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  // candidates share quad class, CAMEO root and negation, and a source or target country: index by those, so that
  // merging stays linear in the number of events
  const byKey = new Map<string, number[]>();
  const keysOf = (e: ExtractedEvent) => {
    const head = `${e.quad}|${e.cameo.slice(0, 2)}|${e.negated}`;
    return [...new Set([...e.source, ...e.target].map(countryOfCode))].map((c) => `${head}|${c}`);
  };
  for (const e of events) {
    const seen = new Set<number>();
    let i = -1;
    for (const key of keysOf(e)) {
      for (const j of byKey.get(key) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const k = out[j];
        if (sameInteraction(k, e, symmetric(k) || symmetric(e), near(k, e)) && (i < 0 || j < i)) i = j;
      }
    }
    if (i < 0) {
      out.push(e);
      for (const key of keysOf(e)) {
        const list = byKey.get(key) ?? [];
        list.push(out.length - 1);
        byKey.set(key, list);
      }
      continue;
    }
    const k = out[i];
    out[i] = { ...k, refs: [...new Set([...k.refs, ...e.refs])], date: k.date ?? e.date };
  }
  return out;
}
