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
}

const CLAIM_NOUN = /^(?:claims?|allegations?|accusations?|reports?|charges?|assertions?|statements?|information|rumou?rs?|suggestions?)$/;

export interface SentenceForClaims {
  readonly index: number;
  readonly span: Span;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly date: DateInterval | null;
  readonly refs: readonly string[];
}

/** Claims asserted in the sentence: reporting verbs whose content reports an interaction or that allege, and "according to X". */
export function assertedClaims(s: SentenceForClaims, drafts: readonly DraftEvent[], nextId: () => string): OpenClaim[] {
  const out: OpenClaim[] = [];
  for (const d of drafts) {
    if (!d.trigger.entry.speech || !d.complement || d.source.length === 0 || d.negated) continue;
    const reportsEvent = drafts.some((x) => x !== d && x.trigger.from >= d.complement!.from && x.trigger.from < d.complement!.to && !x.trigger.entry.speech);
    if (!(d.trigger.entry.claim || reportsEvent) || d.about.length === 0) continue;
    const c = d.complement;
    const words = s.tokens.slice(c.from, c.to);
    const statement = words.length ? s.text.slice(words[0].start - s.span.start, words[words.length - 1].end - s.span.start) : s.text;
    out.push(open(s, nextId(), d.source, d.about, statement));
  }
  // "according to X, …"
  const t = s.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    if (t[i].norm !== 'according' || t[i + 1].norm !== 'to') continue;
    const claimant = s.mentions.find((m) => m.from >= i + 2 && m.from <= i + 4 && m.kind !== 'location');
    if (!claimant) continue;
    const about = s.mentions.filter((m) => m !== claimant && m.kind !== 'location' && !m.weak && m.country !== claimant.country);
    if (about.length) out.push(open(s, nextId(), [claimant], about, s.text));
  }
  return out;
}

function open(s: SentenceForClaims, id: string, claimant: Mention[], about: Mention[], statement: string): OpenClaim {
  return {
    id, sentenceIndex: s.index, claimant, about, status: 'asserted', deniedBy: [], confirmedBy: [], statement, date: s.date,
    refs: [...s.refs], sentence: s.span, answers: [],
  };
}

/** Whether a draft denies something: a denial verb, or "reject/dismiss" with a claim noun as its object. */
export function isDenial(d: DraftEvent, tokens: readonly Token[]): boolean {
  if (d.trigger.entry.deny) return true;
  if (d.trigger.entry.cameo.startsWith('12')) {
    return tokens.slice(d.trigger.to, d.trigger.to + 5).some((x) => CLAIM_NOUN.test(x.norm));
  }
  return false;
}

/** Answers the most recent open claim from another claimant (within `window` sentences) with a denial or confirmation. */
export function answerClaim(claims: readonly OpenClaim[], d: DraftEvent, s: SentenceForClaims, kind: 'deny' | 'confirm', window = 3): OpenClaim | null {
  const by = d.source;
  if (by.length === 0) return null;
  const byCountries = new Set(by.map((m) => m.country));
  for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i];
    if (s.index - c.sentenceIndex > window) break;
    if (c.claimant.some((m) => byCountries.has(m.country))) continue;
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

/** The contract form of a claim. */
export function toClaim(c: OpenClaim): ExtractedClaim {
  return {
    id: c.id,
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
