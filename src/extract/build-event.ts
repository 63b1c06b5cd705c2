// Turns a coded draft into a contract event: CAMEO facts from the codebook, actor codes, date, location and refs.
import { cameoEvent } from '../codebook/index.js';
import type { DateInterval } from '../model/date-interval.js';
import type { ExtractedEvent, Span } from './contract.js';
import type { DraftEvent } from './code-sentence.js';
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';

/** The codes a mention stands for: its CAMEO code, or a region's member countries. */
export function codesOf(m: Mention): string[] {
  if (m.kind === 'region') return [...m.members];
  const c = m.code ?? m.country;
  return c ? [c] : [];
}

/** The countries (or IGO codes) a mention counts as in dyads. */
export function countriesOf(m: Mention): string[] {
  if (m.kind === 'region') return [...m.members];
  return m.country ? [m.country] : [];
}

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

export interface EventPlace {
  readonly sentence: Span;
  readonly tokens: readonly Token[];
  readonly date: DateInterval | null;
  readonly location: string | null;
  readonly refs: readonly string[];
}

/** A contract event from a draft whose source and target are filled; null when the code is unknown. */
export function buildEvent(id: string, d: DraftEvent, place: EventPlace): ExtractedEvent | null {
  const info = cameoEvent(d.cameo) ?? cameoEvent(d.trigger.entry.cameo);
  if (!info) return null;
  const t = place.tokens;
  return {
    id,
    date: place.date,
    cameo: info.code,
    quad: info.quad,
    goldstein: info.goldstein,
    plover: info.plover,
    source: uniq(d.source.flatMap(codesOf)),
    target: uniq(d.target.flatMap(codesOf)),
    third: uniq(d.third.flatMap(codesOf)),
    actors: { source: uniq(d.source.map((m) => m.id)), target: uniq(d.target.map((m) => m.id)), third: uniq(d.third.map((m) => m.id)) },
    negated: d.negated,
    hypothetical: d.hypothetical,
    status: 'reported',
    location: place.location,
    sentence: place.sentence,
    // as written: "large-scale", not "large - scale"
    trigger: t.slice(d.trigger.from, d.trigger.to).map((x, k, a) => (k > 0 && a[k - 1].end < x.start ? ' ' : '') + x.text).join(''),
    triggerSpan: { start: t[d.trigger.from].start, end: t[d.trigger.to - 1].end },
    refs: [...place.refs],
  };
}
