// Claims: statements attributed to someone ("X announced that …", "according to X") and the denials and
// confirmations that answer them ("Y denied …", "these claims were denied by Y", "Y rejected the allegation").
import type { DateInterval } from '../model/date-interval.js';
import type { ClaimStatus } from '../model/claim.js';
import type { ExtractedClaim, Span } from './contract.js';
import type { DraftEvent } from './code-sentence.js';
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';
import { codesOf } from './build-event.js';

/** A claim being built while the document is read. */
export interface OpenClaim {
  readonly id: string;
  readonly sentenceIndex: number;
  readonly claimant: Mention[];
  readonly about: Mention[];
  status: ClaimStatus;
  readonly deniedBy: Mention[];
  readonly confirmedBy: Mention[];
  readonly statement: string;
  readonly date: DateInterval | null;
  refs: string[];
  readonly sentence: Span;
  readonly answers: Span[];
  /** Where the asserted content stands (text offsets), for linking the events it reports. */
  readonly content: Span | null;
  /** Made with a verb of allegation (claim, allege, accuse): what it reports is alleged until confirmed. */
  readonly allegation: boolean;
  /** Countries of the places the content names ("a base in Gyumri" → ARM): a denial from there answers it. */
  readonly placeCountries: readonly string[];
  /**
   * A plain statement about others ("investigators said a tanker linked to Moscow had …"): it becomes a claim only
   * once the one it is about denies or confirms it.
   */
  readonly latent?: boolean;
}

const CLAIM_NOUN = /^(?:claims?|allegations?|accusations?|reports?|charges?|assertions?|statements?|information|rumou?rs?|suggestions?)$/;
// Nouns that name someone's telling of what happened: rejecting one denies it ("Tehran rejected the account").
const ACCOUNT_NOUN = /^(?:accounts?|versions?|story|stories|narratives?)$/;

export interface SentenceForClaims {
  readonly index: number;
  readonly span: Span;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly date: DateInterval | null;
  readonly refs: readonly string[];
}

/**
 * Claims asserted in the sentence: reporting verbs whose content reports an interaction or that allege, and "according
 * to X"; plain statements about others are kept as latent claims a denial or confirmation may take up.
 */
export function assertedClaims(s: SentenceForClaims, drafts: readonly DraftEvent[], nextId: () => string): OpenClaim[] {
  const out: OpenClaim[] = [];
  for (const d of drafts) {
    if (!d.trigger.entry.speech || !d.complement || d.source.length === 0 || d.negated) continue;
    const reported = drafts.filter((x) => x !== d && x.trigger.from >= d.complement!.from && x.trigger.from < d.complement!.to && !x.trigger.entry.speech);
    // a conditional act ("would respond if Z attacked") asserts nothing that could be denied
    const reportsEvent = reported.some((x) => !x.hypothetical);
    if (d.about.length === 0) continue;
    const latent = !(d.trigger.entry.claim || reportsEvent);
    // "Latvia said it would close …": what a speaker says of itself claims nothing about others, and its own plans
    // ("said it would close the crossing") are an announcement, not an account others could deny
    if (latent || (!d.trigger.entry.claim && reported.every((x) => x.hypothetical))) {
      const first = s.tokens.slice(d.complement.from, d.complement.to).find((x) => x.word && !/^(?:that|the|a|an)$/.test(x.norm));
      const own = new Set(d.source.map((m) => m.country?.slice(0, 3)));
      if (!first || /^(?:it|they|we|he|she|its|their)$/.test(first.norm) || s.mentions.some((m) => m.start === first.start && own.has(m.country?.slice(0, 3)))) continue;
    }
    const c = d.complement;
    const words = s.tokens.slice(c.from, c.to);
    const statement = words.length ? s.text.slice(words[0].start - s.span.start, words[words.length - 1].end - s.span.start) : s.text;
    const content = words.length ? { start: words[0].start, end: words[words.length - 1].end } : null;
    const places = s.mentions.filter((m) => m.kind === 'location' && m.country && m.from >= c.from && m.to <= c.to).map((m) => m.country!);
    out.push({ ...open(s, nextId(), d.source, d.about, statement, content, places), allegation: d.trigger.entry.claim, latent });
  }
  const t = s.tokens;
  // "X accused Y of hosting Z": an allegation about Y, a claim once Y answers it ("… a charge Y denied")
  for (const d of drafts) {
    if (!/^accus/.test(t[d.trigger.head]?.norm ?? '') || d.negated || d.hypothetical || !d.source.length || !d.target.length) continue;
    if (out.some((c) => c.claimant.some((m) => d.source.includes(m)))) continue;
    const of = t.findIndex((x, i) => i >= d.trigger.to && i <= d.trigger.to + 6 && x.norm === 'of');
    if (of < 0) continue;
    let end = of + 1;
    while (end < t.length && !(t[end].text === ',' && end > of + 2) && !/^[.;]$/.test(t[end].text)) end++;
    const words = t.slice(of + 1, end);
    if (!words.length) continue;
    const content = { start: words[0].start, end: words[words.length - 1].end };
    const statement = s.text.slice(content.start - s.span.start, content.end - s.span.start);
    const places = s.mentions.filter((m) => m.kind === 'location' && m.country && m.from > of && m.to <= end).map((m) => m.country!);
    out.push({ ...open(s, nextId(), d.source, d.target, statement, content, places), allegation: true, latent: true });
  }
  // "according to X, …"
  for (let i = 0; i + 2 < t.length; i++) {
    if (t[i].norm !== 'according' || t[i + 1].norm !== 'to') continue;
    const claimant = s.mentions.find((m) => m.from >= i + 2 && m.from <= i + 4 && m.kind !== 'location');
    if (!claimant) continue;
    const about = s.mentions.filter((m) => m !== claimant && m.kind !== 'location' && !m.weak && m.country !== claimant.country);
    if (about.length) out.push(open(s, nextId(), [claimant], about, s.text, s.span, []));
  }
  return out;
}

function open(s: SentenceForClaims, id: string, claimant: Mention[], about: Mention[], statement: string, content: Span | null, placeCountries: string[]): OpenClaim {
  return {
    id, sentenceIndex: s.index, claimant, about, status: 'asserted', deniedBy: [], confirmedBy: [], statement, date: s.date,
    refs: [...s.refs], sentence: s.span, answers: [], content, placeCountries, allegation: false,
  };
}

// "these claims", "that account", "the report": a claim noun pointing back at the claim just made
const ANAPHORIC_CLAIM = /^(?:these|those|this|that|the|such)$/;

/** Whether a draft denies something: a denial verb, or "reject/dismiss" with a claim noun as its object. */
export function isDenial(d: DraftEvent, tokens: readonly Token[]): boolean {
  if (d.trigger.entry.deny) return true;
  if (d.trigger.entry.cameo.startsWith('12')) {
    if (tokens.slice(d.trigger.to, d.trigger.to + 5).some((x) => CLAIM_NOUN.test(x.norm) || ACCOUNT_NOUN.test(x.norm))) return true;
    // "that accusation was rejected by X", "the claims were dismissed": the claim noun is the passive's subject
    return d.voice === 'passive' && tokens.slice(Math.max(0, d.trigger.from - 4), d.trigger.from).some((x) => CLAIM_NOUN.test(x.norm) || ACCOUNT_NOUN.test(x.norm));
  }
  return false;
}

/**
 * Answers the nearest preceding open claim (within `window` sentences) whose subject matches the answer: the one
 * answering is among those the claim is about ("Y denied any involvement"), or what it answers names the claimant
 * ("X rejects that account" after X's claim) — never a claim of its own.
 */
export function answerClaim(claims: readonly OpenClaim[], d: DraftEvent, s: SentenceForClaims, kind: 'deny' | 'confirm', window = 5): OpenClaim | null {
  const by = d.source;
  const t = s.tokens;
  const pointsBack = [d.trigger.from - 5, d.trigger.from - 4, d.trigger.from - 3, d.trigger.from - 2, d.trigger.from - 1, d.trigger.to, d.trigger.to + 1, d.trigger.to + 2].some((i) => i >= 0 && i + 1 < t.length && ANAPHORIC_CLAIM.test(t[i].norm) && (CLAIM_NOUN.test(t[i + 1].norm) || ACCOUNT_NOUN.test(t[i + 1].norm))
    // "the report of a tax increase" names its own content: it points at nothing said before
    && !/^(?:of|that|about|on|by)$/.test(t[i + 2]?.norm ?? ''));
  if (by.length === 0) return null;
  const countryOf = (m: Mention) => (m.country ?? '').slice(0, m.country?.startsWith('IGO') ? undefined : 3);
  const byCountries = new Set(by.flatMap((m) => (m.group ?? [m]).map(countryOf)));
  const addressed = new Set(d.target.flatMap((m) => (m.group ?? [m]).map(countryOf)));
  // a claim made as such first; a plain statement about the one answering only when no claim is answered
  for (const latent of [false, true]) for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i];
    if (s.index - c.sentenceIndex > window) break;
    if (!!c.latent !== latent) continue;
    // a plain statement is answered only by the one it is about
    if (latent && !c.about.some((m) => byCountries.has(countryOf(m)))) continue;
    if (c.claimant.some((m) => byCountries.has(countryOf(m)))) continue;
    const aboutMatch = c.about.some((m) => byCountries.has(countryOf(m))) || c.placeCountries.some((x) => byCountries.has(x)) || pointsBack;
    const claimantMatch = c.claimant.some((m) => addressed.has(countryOf(m)));
    if (!aboutMatch && !claimantMatch) continue;
    if (kind === 'deny') {
      c.deniedBy.push(...by.filter((m) => !c.deniedBy.includes(m)));
      c.status = c.confirmedBy.length ? 'disputed' : 'denied';
    } else {
      c.confirmedBy.push(...by.filter((m) => !c.confirmedBy.includes(m)));
      c.status = c.deniedBy.length ? 'disputed' : 'confirmed';
    }
    c.answers.push(s.span);
    c.refs = [...new Set([...c.refs, ...s.refs])];
    return c;
  }
  return null;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Whether a claim belongs in the output: made as a claim, or a statement its subject has answered. */
export function isClaimMade(c: OpenClaim): boolean {
  return !c.latent || c.status !== 'asserted';
}

/** The contract form of a claim; `events` are the ids of the events it reports. */
export function toClaim(c: OpenClaim, events: readonly string[] = []): ExtractedClaim {
  return {
    id: c.id,
    events: [...events],
    claimant: uniq(c.claimant.flatMap(codesOf)),
    about: uniq(c.about.flatMap(codesOf)),
    status: c.status,
    deniedBy: uniq(c.deniedBy.flatMap(codesOf)),
    confirmedBy: uniq(c.confirmedBy.flatMap(codesOf)),
    statement: c.statement,
    date: c.date,
    refs: c.refs,
    sentence: c.sentence,
    answers: c.answers,
  };
}
