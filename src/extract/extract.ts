// The extraction pipeline: text → notes and markers → sentences → mentions → dates → coded events → claims → contract.
import type { DateInterval } from '../model/date-interval.js';
import type { Candidate, ExtractedActor, ExtractedEvent, Extraction } from './contract.js';
import type { ArticleInput } from './read-input.js';
import { findReferences } from './references.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';
import { codebookGazetteer, type Gazetteer } from './gazetteer.js';
import { resolveMentions, type Mention } from './mentions.js';
import { findDates, type DateMention } from './dates.js';
import { datelineOf } from './dateline.js';
import type { Sentence } from './sentences.js';
import { newParagraphMemory, resolveReferenceBack } from './reference-back.js';
import { applyDocumentContext, briefingSpeaker, documentContext, sentenceSubject, transcriptTurn, withoutTurnLabel } from './document-context.js';
import { findTriggers, type TriggerHit } from './triggers.js';
import { splitClauses, type Clause } from './clauses.js';
import { codeSentence, type DraftEvent } from './code-sentence.js';
import { buildEvent, countriesOf } from './build-event.js';
import { mergeEvents } from './merge-events.js';
import { answerClaim, assertedClaims, isClaimMade, isDenial, toClaim, type OpenClaim, type SentenceForClaims } from './claims.js';
import { proposeCandidates, type CandidateOptions } from './candidates.js';

export interface ExtractOptions {
  /** Document date; else the page's declared date, the newest access date of the notes, or `today`. */
  readonly published?: string | null;
  readonly gazetteer?: Gazetteer;
  /** The clock's day, for documents without any date (default: the real today). */
  readonly today?: string;
  readonly candidates?: CandidateOptions;
}

interface Coded {
  readonly index: number;
  readonly events: ExtractedEvent[];
  readonly drafts: DraftEvent[];
  readonly tokens: readonly { norm: string; word: boolean }[];
}

const CONTEXT_SENTENCES = 3;
// the clock time that heads a live-blog entry: "09:42 GMT", "14:05 IST", "10.30am BST" alone on its line
const ENTRY_STAMP = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|IST|PKT|AFT|JST|local time|local)?\s*\n/i;
/** Sentences longer than this are cut into pieces: no news sentence is this long, and every later stage stays linear. */
export const MAX_SENTENCE_CHARS = 800;

/** Runs the whole pipeline over one article. Pure: no disk, no clock beyond `options.today`. */
export function extractArticle(input: ArticleInput, options: ExtractOptions = {}): Extraction {
  const text = input.text;
  const warnings: string[] = [];
  const refs = findReferences(text);
  const newestAccess = refs.references.map((r) => r.accessed).filter((d): d is string => !!d).sort().pop() ?? null;
  const published = options.published ?? input.published ?? newestAccess ?? null;
  const docDay = published ?? options.today ?? new Date().toISOString().slice(0, 10);
  if (!published) warnings.push(`no document date given or found; relative dates resolved against ${docDay}`);
  const gaz = options.gazetteer ?? codebookGazetteer();
  const { sentences, cut } = capSentences(splitSentences(text, 0, refs.bodyEnd, refs.noteSpans), text, MAX_SENTENCE_CHARS);
  if (cut) warnings.push(`${cut} sentence(s) longer than ${MAX_SENTENCE_CHARS} characters were cut into pieces`);

  const actorTally = new Map<string, { m: Mention; n: number }>();
  const allEvents: ExtractedEvent[] = [];
  const allActions: ExtractedEvent[] = [];
  const symmetric = new Set<ExtractedEvent>();
  const claims: OpenClaim[] = [];
  const recent: Coded[] = [];
  const recentAll: Coded[] = [];
  const mentionsBySentence: Mention[][] = [];
  const people = new Map<string, Mention>();
  let memory = newParagraphMemory(-1);
  let lastDate: DateInterval | null = null;
  let lastYear: number | null = null;
  let lastCountry: string | null = null;
  let eventSeq = 0;
  let claimSeq = 0;
  let tokenCount = 0;
  let markerAt = 0;
  const markersByStart = [...refs.markers].sort((a, b) => a.start - b.start);
  const docContext = documentContext(text);
  let speaker: string | null = null;
  let turn: 'question' | 'answer' | null = null;
  let previousPerson: Mention | null = null;
  let previousSubject: Mention | null = null;
  let previousParagraph = -1;
  const titled = new Map<string, Mention>();
  // the day of the dispatch being read: a wire dateline's ("ADEN, Jan 12 (…) -"), else the document's
  let dispatchDay = docDay;
  // the day of the last event the paragraph dated: an undated reaction in the same paragraph is no earlier
  let paragraphDate: { paragraph: number; date: DateInterval } | null = null;
  // given after merging, so that a date the text does not state never keeps two reports of one act apart
  const inheritedDate = new Map<string, DateInterval>();
  // a live blog's entries open with a clock time ("09:42 GMT"): what an entry reports without a date happened that day
  let liveBlog = false;

  for (const s of sentences) {
    const tokens = tokenize(s.text, s.start);
    tokenCount += tokens.length;
    const dateline = s.paragraph !== memory.paragraph || s.index === 0 ? datelineOf(s.text) : null;
    const datelineEnd = dateline ? s.start + dateline.length : s.start;
    if (dateline?.date) {
      const day = findDates(dateline.date, 0, { published: docDay, last: null, year: null })[0]?.interval;
      if (day?.precision === 'day') {
        dispatchDay = day.start;
        lastDate = null;
        lastYear = null;
      }
    }
    if (s.paragraph !== memory.paragraph) memory = newParagraphMemory(s.paragraph, memory);
    if (ENTRY_STAMP.test(s.text)) liveBlog = true;
    // the dateline's city says where the dispatch was filed, not who acted
    const hits = dateline ? gaz.match(tokens).filter((h) => tokens[h.from].start >= datelineEnd) : gaz.match(tokens);
    const resolved = withoutTurnLabel(s.text, tokens, resolveMentions(tokens, hits, gaz, { day: docDay, fallbackCountry: lastCountry, people }));
    if (s.index === 0) speaker = briefingSpeaker(s.text, resolved);
    if (s.paragraph !== previousParagraph) {
      turn = transcriptTurn(s.text) ?? turn;
      // a year written out in an aside ("… who clashed in June 2020") dates the rest of its paragraph, not the article
      if (previousParagraph >= 0) lastYear = null;
    }
    const inContext = applyDocumentContext(tokens, resolved, docContext, {
      speaker: turn === 'answer' ? speaker : null,
      previousPerson: s.paragraph === previousParagraph ? previousPerson : null,
      previousSubject: s.paragraph === previousParagraph ? previousSubject : null,
      titled,
    });
    previousParagraph = s.paragraph;
    previousPerson = inContext.find((m) => m.kind === 'person' && m.country && !m.weak) ?? null;
    const mentions = resolveReferenceBack(tokens, inContext, memory);
    previousSubject = sentenceSubject(tokens, mentions);
    mentionsBySentence.push(mentions);
    const strong = mentions.filter((m) => !m.weak && m.country && !m.group);
    if (strong.length) lastCountry = strong[strong.length - 1].country;
    for (const m of mentions) {
      if (m.kind === 'location' || m.kind === 'region') continue;
      const t = actorTally.get(m.id);
      if (t) t.n++;
      else actorTally.set(m.id, { m, n: 1 });
    }
    const dates: DateMention[] = findDates(s.text, s.start, { published: dispatchDay, last: lastDate, year: lastYear }).filter((d) => d.start >= datelineEnd);
    for (const d of dates) if (d.explicitYear && !inRelativeClause(s.text.slice(0, d.start - s.start))) lastYear = Number(d.interval.start.slice(0, 4));
    if (dates.length) lastDate = dates[dates.length - 1].interval;
    while (markerAt < markersByStart.length && markersByStart[markerAt].start < s.start) markerAt++;
    const markers: string[] = [];
    for (let k = markerAt; k < markersByStart.length && markersByStart[k].start < s.end + 1; k++) markers.push(markersByStart[k].marker);
    const triggers = s.heading ? [] : findTriggers(tokens);
    const drafts = triggers.length ? codeSentence(tokens, mentions, triggers) : [];
    const forClaims: SentenceForClaims = {
      index: s.index, span: { start: s.start, end: s.end }, text: s.text, tokens, mentions,
      date: dates[0]?.interval ?? null, refs: markers,
    };

    // claims first: a denial's target is the claimant of the claim it answers
    const asserted = assertedClaims(forClaims, drafts, () => `c${++claimSeq}`);
    claims.push(...asserted);
    for (const d of drafts) {
      const kind = isDenial(d, tokens) ? 'deny' : d.trigger.entry.confirm ? 'confirm' : null;
      if (!kind) continue;
      fillSource(d, drafts, recent, mentions, tokens);
      const answered = answerClaim(claims, d, forClaims, kind);
      if (answered && d.target.length === 0) {
        d.target = [...answered.claimant];
        d.third = answered.about.filter((m) => !d.source.some((x) => x.country === m.country));
        d.explicitTarget = true;
      }
    }

    const kept = selectDrafts(drafts);
    const events: ExtractedEvent[] = [];
    const clauses = dates.length > 1 && kept.length ? splitClauses(tokens, triggers, mentions) : [];
    for (const d of kept) {
      // context may supply what the structure leaves open, except the subject of an active verb
      // ("This demonstrates …") or the addressee of a statement that reports no interaction
      if (d.source.length === 0 && d.voice === 'active') crowdSource(d, mentions, tokens);
      if (d.source.length === 0 && d.voice !== 'active') fillSource(d, kept, recent, mentions, tokens);
      // (see reportsActual: not a statement of the speaker's own plan, nor of a denied act)
      if (d.target.length === 0 && !d.relative && (!d.trigger.entry.speech || reportsActual(d, kept, triggers, tokens))) fillTarget(d, kept, recent, d.voice === 'active' ? tokens : undefined, recentAll.slice(-ANSWER_SENTENCES));
      const place = {
        sentence: { start: s.start, end: s.end }, tokens,
        date: nearestDate(pastOtherActs(clauseDates(dates, clauses, tokens, d.trigger.head), kept, d, tokens), tokens[d.trigger.head].start),
        location: locationOf(mentions, d),
        refs: markers,
      };
      if (d.source.length === 0 || d.target.length === 0) {
        // one side only: an action, unless it is a bare statement or has no actor at all
        if ((d.source.length || d.target.length) && !(d.trigger.entry.speech && !d.reportsEvent && d.target.length === 0 && d.cameo.startsWith('01'))) {
          const a = buildEvent(`a${allActions.length + 1}`, d, place);
          if (a) allActions.push(a);
        }
        continue;
      }
      if (selfDirected(d)) {
        // a state acting on itself ("the president resigned … in Kyrgyzstan"): an act without another side
        const a = buildEvent(`a${allActions.length + 1}`, { ...d, target: [] }, place);
        if (a) allActions.push(a);
        continue;
      }
      const e = buildEvent(`e${++eventSeq}`, d, place);
      if (!e) continue;
      if (!e.date && paragraphDate?.paragraph === s.paragraph && !e.hypothetical) inheritedDate.set(eventKey(e), paragraphDate.date);
      else if (!e.date && liveBlog && !e.hypothetical) inheritedDate.set(eventKey(e), { start: dispatchDay, end: dispatchDay, precision: 'day' });
      if (d.trigger.entry.sym) symmetric.add(e);
      events.push(e);
    }
    // "the following week": relative to the date of the event reported last
    const lastEvent = events.filter((e) => e.date).pop();
    if (lastEvent?.date) lastDate = lastEvent.date;
    if (lastEvent?.date && lastEvent.date.precision === 'day') paragraphDate = { paragraph: s.paragraph, date: lastEvent.date };
    allEvents.push(...events);
    recent.push({ index: s.index, events, drafts: kept, tokens });
    recentAll.push({ index: s.index, events, drafts: kept, tokens });
    while (recent.length && s.index - recent[0].index > CONTEXT_SENTENCES) recent.shift();
  }

  const sentenceOf = new Map<ExtractedEvent, number>();
  for (const r of recentAll) for (const e of r.events) sentenceOf.set(e, r.index);
  const near = (a: ExtractedEvent, b: ExtractedEvent) => Math.abs((sentenceOf.get(a) ?? 0) - (sentenceOf.get(b) ?? 0)) <= CONTEXT_SENTENCES;
  const merged = mergeEvents(allEvents, (e) => symmetric.has(e), near);
  // events reported inside a claim are alleged, and denied once the claim is
  const claimEvents = new Map<OpenClaim, string[]>();
  const claimsBySentence = new Map<number, OpenClaim[]>();
  for (const c of claims) if (c.content && c.allegation) claimsBySentence.set(c.sentence.start, [...(claimsBySentence.get(c.sentence.start) ?? []), c]);
  const numbered = merged.map((e, i) => {
    const id = `e${i + 1}`;
    const at = e.triggerSpan?.start ?? e.sentence.start;
    let status: ExtractedEvent['status'] = 'reported';
    for (const c of claimsBySentence.get(e.sentence.start) ?? []) {
      if (!c.content || !c.allegation || at < c.content.start || at >= c.content.end) continue;
      if (e.actors.source.some((a) => c.claimant.some((m) => m.id === a))) continue;
      claimEvents.set(c, [...(claimEvents.get(c) ?? []), id]);
      status = c.status === 'denied' || c.status === 'disputed' ? 'denied' : c.status === 'confirmed' ? 'reported' : 'alleged';
    }
    return { ...e, id, status, date: e.date ?? inheritedDate.get(eventKey(e)) ?? null };
  });
  const actors = [...actorTally.values()].map(({ m, n }) => toActor(m, n));
  const { candidates, sentencesRead } = proposeCandidates(sentences, mentionsBySentence, options.candidates);
  return {
    document: { title: input.title ?? sentences.find((s) => s.heading && s.index === 0)?.text.replace(/^#+\s*/, '') ?? null, published, sha256: input.sha256, format: input.format, words: countWords(text) },
    references: refs.references,
    actors,
    events: numbered,
    claims: claims.filter(isClaimMade).map((c) => toClaim(c, claimEvents.get(c))),
    actions: allActions.map((a, i) => ({ ...a, id: `a${i + 1}` })),
    candidates,
    warnings,
    stats: { sentences: sentences.length, sentencesCut: cut, maxSentenceChars: MAX_SENTENCE_CHARS, tokens: tokenCount, candidateSentences: sentencesRead },
  };
}

const eventKey = (e: ExtractedEvent) => `${e.sentence.start}:${e.triggerSpan?.start ?? -1}`;

// A relative clause open at the end of the text before a date ("the talks that it froze in October 2023"); "that"
// after a reporting verb opens what was said, not a relative clause.
const RELATIVE_OPEN = /\b(?:(which|who|whom|whose)|([a-z]+) that)\b[^,;:()]*$/i;
const REPORTING = /^(?:said|says|say|announced|added|stated|told|claimed|argued|warned|noted|insisted|reported|confirmed|denied|believes?|believed|thinks?|thought|agreed|so|such|now|given)$/i;

/** Whether `before` (a sentence up to a date) ends inside a relative clause: its year is an aside, not the story's. */
function inRelativeClause(before: string): boolean {
  const m = RELATIVE_OPEN.exec(before.slice(-160));
  return !!m && (!!m[1] || !REPORTING.test(m[2]));
}

/** Cuts sentences longer than `max` characters at the last space before the limit (or hard at the limit). */
function capSentences(sentences: readonly Sentence[], text: string, max: number): { sentences: Sentence[]; cut: number } {
  const out: Sentence[] = [];
  let cut = 0;
  for (const s of sentences) {
    if (s.end - s.start <= max) {
      out.push({ ...s, index: out.length });
      continue;
    }
    cut++;
    let from = s.start;
    while (from < s.end) {
      let to = Math.min(s.end, from + max);
      if (to < s.end) {
        const space = text.lastIndexOf(' ', to);
        if (space > from + max / 2) to = space;
      }
      out.push({ index: out.length, start: from, end: to, text: text.slice(from, to), paragraph: s.paragraph, heading: false });
      from = to;
      while (from < s.end && /\s/.test(text[from])) from++;
    }
  }
  return { sentences: out, cut };
}

/** Within a reported statement, the statement or what it reports is the event, not both (see CONTEXT.md). */
function selectDrafts(drafts: readonly DraftEvent[]): DraftEvent[] {
  const drop = new Set<DraftEvent>();
  for (const s of drafts) {
    if (!s.complement) continue;
    const srcCountries = new Set(s.source.map((m) => m.country?.slice(0, 3)));
    // "X did Y, officials said": the attribution only says who told it; the reported act is the event
    const trailing = s.complement.to <= s.trigger.from;
    for (const e of drafts) {
      if (e === s || e.trigger.from < s.complement.from || e.trigger.from >= s.complement.to) continue;
      const self = e.source.some((m) => srcCountries.has(m.country?.slice(0, 3)));
      const recoded = e.cameo !== e.trigger.entry.cameo;
      if (trailing) {
        if (e.explicitSource || e.explicitTarget) drop.add(s);
      } else if (e.hypothetical && self && recoded) drop.add(s);
      // "X said it would allow …": X's stated intent (or refusal, or threat) is the event, not the statement
      else if (e.hypothetical) drop.add(e);
      else if (self && e.explicitSource) drop.add(s);
      else if (!e.explicitSource || !e.explicitTarget) drop.add(e);
    }
  }
  return drafts.filter((d) => !drop.has(d));
}

/** Same actor on both sides, or a state acting on part of itself ("Russia" → "Russian base"): not an interaction. */
function selfDirected(d: DraftEvent): boolean {
  const srcIds = new Set(d.source.map((m) => m.id));
  if (d.target.every((m) => srcIds.has(m.id))) return true;
  // "Petro … allowed the diplomats" read as COLGOV → COLGOV: the same code on both sides
  const srcCodes = new Set(d.source.map((m) => m.code));
  if (d.target.every((m) => m.code && srcCodes.has(m.code))) return true;
  const src = new Set(d.source.flatMap(countriesOf));
  const tgt = d.target.flatMap(countriesOf);
  if (!tgt.every((c) => src.has(c))) return false;
  const bare = (m: Mention) => m.kind === 'state';
  return d.source.some(bare) || d.target.some(bare);
}

const COERCIVE_ROOTS = new Set(['17', '18', '19', '20']);
// Nameless crowds that protest: "demonstrators rallied …", "hundreds of students marched …".
const CROWD = /^(?:protesters|protestors|demonstrators|activists|students|crowds|residents|villagers|fishermen|workers|supporters|people|hundreds|thousands)$/;

/**
 * "Demonstrators rallied outside the Chinese embassy in Manila": a protest by a nameless crowd is by the people of
 * the place it names (its country's opposition), never of the side it protests against.
 */
function crowdSource(d: DraftEvent, mentions: readonly Mention[], tokens: readonly Token[]): void {
  if (d.cameo.slice(0, 2) !== '14') return;
  let j = d.trigger.from - 1;
  while (j >= 0 && /^(?:also|again|then|later|peacefully|briefly|have|has|had)$/.test(tokens[j].norm)) j--;
  if (j < 0 || !CROWD.test(tokens[j].norm) || mentions.some((m) => m.from <= j && m.to > j)) return;
  const against = new Set(d.target.flatMap(countriesOf));
  const place = mentions.find((m) => m.kind === 'location' && m.country && !against.has(m.country) && m.from > d.trigger.from && m.from <= d.trigger.to + 10);
  if (!place) return;
  d.source = [{ ...place, id: `${place.country}OPP`, name: tokens[j].text, kind: 'organization', code: `${place.country}OPP`, weak: false }];
}

function fillSource(d: DraftEvent, same: readonly DraftEvent[], recent: readonly Coded[], mentions: readonly Mention[], tokens: readonly { start: number }[]): void {
  if (d.source.length) return;
  const targetCountries = new Set(d.target.flatMap(countriesOf));
  // coercion without an agent ("detained in Yekaterinburg"): the authorities of the place where it happened
  if (COERCIVE_ROOTS.has(d.trigger.entry.cameo.slice(0, 2))) {
    const place = mentions.find((m) => m.kind === 'location' && m.country && !targetCountries.has(m.country) && Math.abs(m.from - d.trigger.from) <= 8);
    if (place) {
      d.source = [{ ...place, id: `${place.country}GOV`, name: place.country!, kind: 'organization', code: `${place.country}GOV`, weak: false }];
      return;
    }
  }
  // a passive without its agent ("a village was shelled") keeps the side it names and takes the other only from a
  // sentence before that reports the same action; a noun or a denial may take any recent subject
  const sameAction = d.voice === 'passive';
  const root = d.cameo.slice(0, 2);
  const pick = (cands: readonly DraftEvent[], strict: boolean) => {
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i];
      if (c === d || c.source.length === 0) continue;
      if (c.source.some((m) => targetCountries.has(m.country ?? ''))) continue;
      if (strict && c.cameo.slice(0, 2) !== root) continue;
      return c.source;
    }
    return null;
  };
  const before = same.slice(0, same.indexOf(d) < 0 ? same.length : same.indexOf(d));
  const previous = sameAction ? (recent[recent.length - 1]?.drafts ?? []) : recent.flatMap((r) => r.drafts);
  const found = pick(before, false) ?? pick(previous, sameAction);
  if (found) d.source = [...found];
}

/**
 * Whether a statement reports an act another took part in, so that context may name its other side: not when what it
 * reports is only the speaker's own plan ("said it reserves the right to respond"), nor a denied act ("said no ship
 * had been hit").
 */
function reportsActual(d: DraftEvent, kept: readonly DraftEvent[], triggers: readonly TriggerHit[], tokens: readonly Token[]): boolean {
  const c = d.complement;
  if (!d.reportsEvent || !c) return false;
  const own = new Set(d.source.flatMap(countriesOf));
  const ownPlan = (x: DraftEvent) => x.hypothetical && x.source.length > 0 && x.source.every((m) => countriesOf(m).some((k) => own.has(k)));
  const reported = kept.filter((x) => x !== d && x.trigger.from >= c.from && x.trigger.from < c.to && !x.trigger.entry.speech);
  if (reported.length > 0 && reported.every((x) => ownPlan(x) || x.negated)) return false;
  const inner = triggers.find((x) => x !== d.trigger && x.from >= c.from && x.from < c.to && !x.entry.speech);
  return !(inner && tokens.slice(c.from, inner.from).some((x) => /^(?:no|not|n't|never|neither|nor)$/.test(x.norm)));
}

function fillTarget(d: DraftEvent, same: readonly DraftEvent[], recent: readonly Coded[], tokens?: readonly { norm: string; word: boolean }[], older: readonly Coded[] = recent): void {
  if (d.target.length || d.source.length === 0 || d.unnamedOther) return;
  const mine = new Set(d.source.flatMap(countriesOf));
  if (tokens && answeredAct(d, recent, older, tokens, mine)) return;
  const other = (c: DraftEvent, loose: boolean): Mention[] | null => {
    if (c === d || c.source.length === 0 || c.target.length === 0) return null;
    const cs = c.source.flatMap(countriesOf);
    const ct = c.target.flatMap(countriesOf);
    if (cs.some((x) => mine.has(x))) return c.target.filter((m) => !mine.has(m.country ?? ''));
    if (ct.some((x) => mine.has(x))) return c.source.filter((m) => !mine.has(m.country ?? ''));
    if (loose) return [...c.source, ...c.target].filter((m) => !mine.has(m.country ?? ''));
    return null;
  };
  // a later clause of the same sentence lends its other side only when it shares the subject ("X suspended the
  // treaty and accused Y"), not when a new subject speaks ("X rejected the law, and its president said he would ask Z")
  const at = same.indexOf(d);
  // "criticised Israel's offensive": a noun that is a verb's object takes no other side from that verb
  const objectOf = (c: DraftEvent) => c.trigger.entry.pos === 'verb' && d.voice === 'noun' && d.trigger.from > c.trigger.to && d.trigger.from - c.trigger.to <= 5;
  const lenders = same.filter((c, k) => (k < at || at < 0 || c.source.some((m) => d.source.includes(m))) && !objectOf(c));
  // "has always supported the freedom of shipping", "is defending national sovereignty": an active verb whose object
  // names no actor takes no other side from context — only the author of an act its object names again (below)
  const o = tokens && /^(?:the|its|their|our|his|her)$/.test(tokens[d.trigger.to]?.norm ?? '') ? d.trigger.to + 1 : d.trigger.to;
  const valueObject = !!tokens && !d.trigger.entry.speech && d.trigger.entry.pos === 'verb' && VALUE_OBJECT.test(tokens[o]?.norm ?? '');
  for (const loose of valueObject ? [] : [false, true]) {
    for (const c of [...lenders].reverse()) {
      const t = other(c, loose);
      if (t && t.length) {
        d.target = t;
        return;
      }
    }
    if (loose) break;
    const prev = recent.flatMap((r) => r.drafts).reverse();
    for (const c of prev) {
      const t = other(c, false);
      if (t && t.length) {
        d.target = t;
        return;
      }
    }
  }
}

/**
 * "Guyana rejected the law", "Hungary criticised the proposal", "Aden welcomed the move": a verb answering an act the
 * text reported before targets that act's author — the same noun names it again in the sentences just before ("closed
 * the offices … criticised the closures", "raided the embassy … condemned the raid"), a noun that can name any act
 * names the last one ("the move", "the decision"), and a word for a use of force ("condemned the incursion") names the
 * latest act of material conflict of the paragraphs before.
 */
function answeredAct(d: DraftEvent, recent: readonly Coded[], older: readonly Coded[], tokens: readonly { norm: string; word: boolean }[], mine: ReadonlySet<string>): boolean {
  if (!ANSWERING.test(d.cameo) || !/^(?:the|this|that|these|those|such)$/.test(tokens[d.trigger.to]?.norm ?? '')) return false;
  let h = d.trigger.to + 1;
  while (h + 1 < tokens.length && h < d.trigger.to + 4 && tokens[h + 1].word && !/^(?:of|in|on|by|from|to|as|and|at|with|over|for)$/.test(tokens[h + 1].norm)) h++;
  const word = tokens[h]?.norm ?? '';
  const head = stem(word);
  const any = ANY_ACT.test(word);
  const force = FORCE_NOUN.test(word);
  const last = recent[recent.length - 1];
  const sentences = older.includes(last) || !last ? older : [...older, last];
  for (const r of [...sentences].reverse()) {
    for (const c of [...r.drafts].reverse()) {
      if (head.length < 3 || c.trigger.entry.speech || c.negated || c.hypothetical) continue;
      const named = (any && r === last) || stem(r.tokens[c.trigger.head]?.norm ?? '') === head
        || r.tokens.slice(c.trigger.to, c.trigger.to + 5).some((x) => x.word && stem(x.norm) === head)
        || (force && Number(c.cameo.slice(0, 2)) >= 15 && c.voice !== 'noun');
      const t = c.source.filter((m) => !mine.has(m.country ?? ''));
      if (named && t.length) {
        d.target = t;
        return true;
      }
    }
    // "rejected that condition", "dismissed the proposal": a noun naming what someone stated answers the one who
    // stated it in the sentence before — any speaker after "that"/"this", only one announcing a plan, a condition or
    // a refusal after "the" (a plain "the proposal" may be anyone's)
    if (last && STATED.test(tokens[d.trigger.to + 1]?.norm ?? '')) {
      const pointing = tokens[d.trigger.to].norm !== 'the';
      const said = last.drafts.filter((c) => c.hypothetical || c.negated || c.cameo !== c.trigger.entry.cameo || (pointing && c.trigger.entry.speech))
        .map((c) => c.source.filter((m) => !mine.has(m.country ?? '')))
        .find((t) => t.length);
      if (said) d.target = said;
    }
  }
  return false;
}
/** How many sentences back a verb answering an act may look for the act it names again. */
const ANSWER_SENTENCES = 6;
// Nouns for a use of force that a condemnation names without its author ("condemned the incursion").
const FORCE_NOUN = /^(?:incursions?|intrusions?|provocations?|aggression|violations?|attacks?|raids?|strikes?|shelling|bombardment|invasion)$/;
// An object that names a value or principle, not an act or an actor ("national sovereignty", "the freedom of shipping").
const VALUE_OBJECT = /^(?:freedom|freedoms|sovereignty|independence|peace|stability|democracy|dialogue|multilateralism|principles?|values|national|territorial|international|human|self-determination)$/;
// Nouns that name whatever act was reported last: "welcomed the move", "criticised the decision".
const ANY_ACT = /^(?:move|moves|decision|decisions|step|steps|measure|measures|action|actions|announcement|initiative)$/;
// Nouns that name what someone stated or put forward: a verb answering one answers its author.
const STATED = /^(?:conditions?|demands?|proposals?|proposition|offer|terms|ultimatum|remarks|comments|position|stance|plan|idea|suggestion|precondition|preconditions|call|request|insistence)$/;
// Disapprove, reject, praise or defend verbally: verbs that answer something another did.
const ANSWERING = /^(?:11|12|051)/;
// A crude stem for matching a noun to the act it names again ("raids"/"raided" → "raid", "closures"/"closed" → "clos").
const stem = (w: string) => w.replace(/(?:ures?|ings?|ed|es|s)$/, '').slice(0, 6);

/**
 * The dates that may date the trigger at token `head`: a date inside a relative clause (", which opened talks in
 * June,") dates that clause only, not the verb of the clause around it.
 */
function clauseDates(dates: readonly DateMention[], clauses: readonly Clause[], tokens: readonly Token[], head: number): readonly DateMention[] {
  if (clauses.length < 2) return dates;
  const own = clauses.find((c) => head >= c.from && head < c.to);
  const elsewhere = (d: DateMention) => clauses.some((c) => c !== own && c.antecedentBefore !== null
    && d.start >= tokens[c.from].start && d.start < (tokens[c.to - 1]?.end ?? Infinity));
  const kept = dates.filter((d) => !elsewhere(d));
  return kept.length ? kept : dates;
}

/**
 * "denounced the drills …, which followed the accusation earlier that month": a date after another act coded later
 * in the sentence is that act's, not this one's — unless no other date is left.
 */
function pastOtherActs(dates: readonly DateMention[], drafts: readonly DraftEvent[], d: DraftEvent, tokens: readonly Token[]): readonly DateMention[] {
  const at = tokens[d.trigger.head].start;
  const kept = dates.filter((x) => x.start < at || !drafts.some((o) => o !== d && o.trigger.from > d.trigger.to && tokens[o.trigger.from].start < x.start));
  return kept.length ? kept : dates;
}

function nearestDate(dates: readonly DateMention[], at: number): DateInterval | null {
  let best: DateMention | null = null;
  for (const d of dates) if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  return best ? best.interval : null;
}

function locationOf(mentions: readonly Mention[], d: DraftEvent): string | null {
  const locs = mentions.filter((m) => m.kind === 'location');
  if (!locs.length) return null;
  const at = d.trigger.from;
  return locs.reduce((a, b) => (Math.abs(b.from - at) < Math.abs(a.from - at) ? b : a)).name;
}

function toActor(m: Mention, n: number): ExtractedActor {
  const kind = m.kind === 'location' || m.kind === 'region' ? 'other' : m.kind;
  return { id: m.id, name: m.name, kind, code: m.code, country: m.country, mentions: n, known: m.known };
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

