// The sentence-level event coder: each trigger gets its source, target and third parties from the sentence's
// structure (subject, object, passive "by", possessives, "A-B" pairs, "with", "between", prepositions of the frame),
// then the modality pass folds governed verbs into their governors ("agreed to provide aid" is an intent to give aid,
// "refused to meet" a rejection, "vowed to keep attacking" a threat) and marks conditionals, plans and negation.
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';
import type { TriggerHit } from './triggers.js';
import { clauseAt, splitClauses, type Clause } from './clauses.js';
import { intentCode, isConflict, rejectCode, threatCode } from './modality.js';

/** An event as the coder proposes it for one sentence, before context fills gaps and duplicates merge. */
export interface DraftEvent {
  readonly trigger: TriggerHit;
  /** The CAMEO code: the trigger's, or what the modality pass made of it. */
  cameo: string;
  source: Mention[];
  target: Mention[];
  third: Mention[];
  /** Source and target come from the sentence's own structure (not from context). */
  explicitSource: boolean;
  explicitTarget: boolean;
  negated: boolean;
  /** Conditional, planned, expected or future: it has not happened (stays out of measures). */
  hypothetical: boolean;
  /** For a reporting verb: token range of what was said. */
  readonly complement: { from: number; to: number } | null;
  /** The mentions of the reported speech's complement the statement is about (speech only). */
  readonly about: Mention[];
  /** Active verb, passive verb or noun: only passives and nouns may take a missing source from context. */
  readonly voice: 'active' | 'passive' | 'noun';
  /** For a reporting trigger: its complement holds another trigger (it reports an interaction). */
  readonly reportsEvent: boolean;
  /** In a relative clause (", which hosted …"): context may not supply its other side. */
  readonly relative: boolean;
  /** Its own phrase names the other side with a name no gazetteer knows ("a deal with Somaliland"): context may not. */
  readonly unnamedOther?: boolean;
}

const PREPOSITION = /^(?:of|in|at|from|to|for|with|against|by|towards|toward|on|over|about|into|than|between|among|through|under|within|without|like|as|across|near|beyond|during|after|before|since|until|upon|along|inside|outside)$/;
const BE = /^(?:is|are|was|were|be|been|being|am|'s|’s)$/;
const ADVERB = /^(?:not|also|reportedly|allegedly|swiftly|quickly|already|later|recently|officially|publicly|openly|formally|then|again|repeatedly|strongly|firmly|further|once|never|just|still|widely|now|jointly|subsequently|immediately|finally|ultimately|only|even|soon|today|yesterday|apparently|reluctantly|unilaterally|eventually|partly|largely|fully|all|both)$|ly$/;
const FILLER = /^(?:participation|involvement|presence|help|mediation|ruling|governing|the|a|an|any|its|their|his|her|our|this|that|these|those|new|such|as|two|three|several|some|other|all|both|of|-|former|partners|partner|countries|country|actors|neighbours|neighbors|like|including|namely|particularly|especially|,)$/;
const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|many|some|at|least|about|more|than|nearly|almost|up)$/;
// Coerce, assault, fight, mass violence: acts that can be aimed at a place.
const FORCE_ROOT = /^(?:17|18|19|20)/;
// a time span then "to": the deadline of an ultimatum ("48 hours to leave", "them a week to comply")
const DEADLINE = /^(?:(?!for |of |in |over |within )[a-z'’-]+ ){0,3}?(?:\d+|a|an|one|two|three|four|five|six|seven|ten|\w+-\w+) (?:hours?|days?|weeks?|months?) to\b/;
const PLACE_MODIFIER = /^(?:northern|southern|eastern|western|central|north|south|east|west|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|occupied|neighbouring|neighboring|mainland|rural|coastal|remote|war-torn|restive)$/;
const NEGATION = /^(?:not|n't|never|no|neither|nor|without)$/;
const PRONOUN_POSSESSIVE = /^(?:its|their|his|her)$/;
const PRONOUN_SUBJECT = /^(?:it|they|he|she|we)$/;
// Modality words and the governors of "to V" (see modality.ts for what each makes of the governed verb).
const FUTURE = /^(?:will|shall|'ll|wo)$/;
const CONDITIONAL = /^(?:could|might|may|should|can|must|would|ought)$/;
const PLAN_VERB = /^(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|seeks?|sought|seeking|hopes?|hoped|hoping|wants?|wanted|wishes|wished|expects?|expected|proposes?|proposed|considers?|considering|mulls?|weighs?|is|are|was|were|going|prepares?|preparing)$/;
const PLAN_ADJ = /^(?:set|due|expected|likely|scheduled|slated|going|about|unlikely|poised|planning|supposed)$/;
const WILLING_ADJ = /^(?:ready|willing|prepared|determined|eager|keen|committed|resolved)$/;
const REFUSE_ADJ = /^(?:unwilling|unable|reluctant|loath)$/;
const ASPECT = /^(?:keep|keeps|kept|keeping|continue|continues|continued|continuing|resume|resumes|resumed|start|started|starts|begin|began|begins|try|tried|tries|attempt|attempts|attempted|seek|sought|move|moved|step|stepped)$/;
// Verbs whose object does what the infinitive after it says ("paid voters to back", "forced the crew to leave").
const OBJECT_CONTROL = /^(?:paid|pays|pay|paying|hired|hires|hire|hiring|recruited|recruits|recruit|forced|forces|force|forcing|persuaded|persuades|persuade|convinced|convince|bribed|bribe|encouraged|encourages|encourage|pressured|pressures|pressure|allowed|allows|allow|enabled|enables|instructed|ordered|orders|order|told|tells|tell|asked|asks|ask|urged|urges|urge|invited|invites|invite)$/;
const CONDITION = /^(?:if|unless|whether|provided|providing)$/;
const ORDER = /^(?:ordered|orders|instructed|instructs|directed|directs|told)$/;
const WAR_NOUNS = /^(?:agreements?|treaty|treaties|pacts?|accords?|deals?|conventions?|arrangements?|memorandums?|memoranda|alliances?|partnerships?|framework|protocol|initiative|union|bloc|organi[sz]ation|talks|negotiations|process)$/;

const usable = (m: Mention) => m.kind !== 'location' && (m.country !== null || m.members.length > 0) && !(m.kind === 'region' && m.members.length === 0);
/** A group mention ("the two armies") stands for its members. */
const expand = (ms: readonly Mention[]): Mention[] => ms.flatMap((m) => m.group ?? [m]);

/** Codes the triggers of one sentence. */
export function codeSentence(tokens: readonly Token[], mentions: readonly Mention[], triggers: readonly TriggerHit[]): DraftEvent[] {
  const clauses = splitClauses(tokens, triggers, mentions);
  const actors = mentions.filter(usable);
  const places = mentions.filter((m) => m.kind === 'location' && m.country);
  const out: DraftEvent[] = [];
  const startsAt = new Map<number, Mention>();
  for (const m of actors) if (!startsAt.has(m.from)) startsAt.set(m.from, m);

  const mentionAt = (i: number, maxSkip: number): Mention | undefined => {
    // the first usable mention starting at i, skipping up to maxSkip filler tokens; "that" right away opens a clause
    if (tokens[i]?.norm === 'that') return undefined;
    for (let j = i, skipped = 0; j < tokens.length && skipped <= maxSkip; j++) {
      const m = startsAt.get(j);
      if (m) return m;
      if (!FILLER.test(tokens[j].norm) && !NUMBER_WORD.test(tokens[j].norm) && !(tokens[j].word && !tokens[j].cap && j > i && skipped < maxSkip && /^(?:new|alternative|regional|key|strategic|major|western|neighbouring|neighboring|traditional|senior|top|visiting|fellow|exiled|military|government|security|rebel|acting|interim|outgoing|incoming|caretaker|newly|elected|appointed|incumbent|destroyer|frigate|corvette|cruiser|carrier|tanker|freighter|vessel|ship|warship|aircraft|cargo|container)$/.test(tokens[j].norm))) return undefined;
      skipped++;
    }
    return undefined;
  };
  // a mention plus the ones coordinated with it ("Russia, Iran, and Armenia"); commas join only in a list closed
  // by "and"/"or" ("Russia, Iran and Armenia"), not an apposition or a trailing attribution ("Kyrgyzstan, the speaker")
  const coordinated = (first: Mention, limit: number): Mention[] => {
    const group = [first];
    let closed = false;
    let last = first;
    for (;;) {
      let j = last.to;
      let join: 'and' | 'comma' | null = null;
      while (j < limit && (tokens[j].text === ',' || tokens[j].norm === 'and' || tokens[j].norm === 'or' || tokens[j].text === '&' || tokens[j].norm === 'the')) {
        if (tokens[j].norm === 'and' || tokens[j].norm === 'or' || tokens[j].text === '&') join = 'and';
        else if (tokens[j].text === ',' && join === null) join = 'comma';
        j++;
      }
      const m = join ? startsAt.get(j) : undefined;
      if (!m || m.to > limit) break;
      // ", and Japan signed …": a mention that a verb follows opens a clause of its own
      if (triggers.some((x) => x.entry.pos === 'verb' && (x.from === m.to || (x.from === m.to + 1 && ADVERB.test(tokens[m.to].norm))))) break;
      group.push(m);
      if (join === 'and') closed = true;
      last = m;
      if (closed) {
        // after "and" the list may still go on only with another comma-and ("A, B and C, and D" is rare): stop
        break;
      }
    }
    return closed ? group : group.slice(0, 1);
  };
  const coordinatedBefore = (m: Mention, floor: number): Mention[] => {
    const group = [m];
    let closed = false;
    let first = m;
    for (;;) {
      let j = first.from - 1;
      // "… and Uzbekistan's Shavkat Mirziyoyev": the possessive owner belongs to the name it stands before
      if (/^['’]s$/.test(tokens[j]?.text ?? '')) {
        const owner = actors.find((x) => x.to === j && x.possessive && x.country !== null && x.country === first.country);
        if (owner) j = owner.from - 1;
      }
      let join: 'and' | 'comma' | null = null;
      while (j >= floor && (tokens[j].text === ',' || tokens[j].norm === 'and' || tokens[j].norm === 'or' || tokens[j].text === '&' || tokens[j].norm === 'the')) {
        if (tokens[j].norm === 'and' || tokens[j].norm === 'or' || tokens[j].text === '&') join = 'and';
        else if (tokens[j].text === ',' && join === null) join = 'comma';
        j--;
      }
      const prev = join ? actors.find((x) => x.to === j + 1 && x.from >= floor) : undefined;
      if (!prev) break;
      // "… with the Philippines, and Japan signed": an object in a prepositional phrase is no co-subject
      if (inPP(prev) !== inPP(first)) break;
      // "Russia invaded Ukraine, and Kyiv condemned …": nor is the object of a verb before it
      if (join === 'and' && triggers.some((x) => x.entry.pos === 'verb' && x.to <= prev.from && prev.from - x.to <= 2 && tokens.slice(x.to, prev.from).every((w) => FILLER.test(w.norm)))) break;
      // going backwards, the "and" comes first ("A, B and C"): commas before it continue the list
      if (join === 'comma' && !closed) break;
      if (join === 'and') closed = true;
      group.unshift(prev);
      first = prev;
    }
    return group;
  };
  const participleObject = (m: Mention): boolean => {
    const p = tokens[m.from - 1];
    return !!p && p.word && !p.cap && /[a-z]{3,}ing$/.test(p.norm) && !/^(?:during|bring)$/.test(p.norm);
  };
  const inPP = (m: Mention): boolean => {
    for (let j = m.from - 1, k = 0; j >= 0 && k < 3; j--, k++) {
      if (PREPOSITION.test(tokens[j].norm)) return true;
      // "in northern Kosovo", "across the occupied territories": a place's modifiers keep it in its phrase
      if (!FILLER.test(tokens[j].norm) && !PLACE_MODIFIER.test(tokens[j].norm)) return false;
    }
    return false;
  };
  // the subject of a verb at token i: the nearest preceding mention not in a prepositional phrase, or, after "and"
  // joining two verbs, the subject of the first ("X accused Y and suspended the treaty")
  const subjectOf = (i: number, clause: Clause): Mention[] => {
    // "Backing Kyiv, Poland sent tanks": a participle clause opening the sentence shares the main clause's subject
    if (i <= 1 && /[a-z]{2,}ing$/.test(tokens[i]?.norm ?? '') && (i === 0 || /^(?:by|while|after|before|upon|on|when|since)$/.test(tokens[0].norm))) {
      const comma = tokens.findIndex((x, j) => j > i && x.text === ',');
      const main = comma > 0 && comma - i <= 12 ? mentionAt(comma + 1, 2) : undefined;
      if (main) return coordinated(main, tokens.length);
    }
    const rel = relativeAntecedent(i);
    if (rel) return [rel];
    const shared = sharedSubject(i, clause);
    if (shared) return shared;
    const pron = pronounSubject(i, clause);
    if (pron) return pron;
    // "without naming Pakistan, criticised …": the object of a participle is no subject
    const before = actors.filter((m) => m.to <= i && m.from >= clause.from && !participleObject(m)).reverse();
    // "Ecuadorian police forced their way into the Mexican embassy": a demonym-led subject outranks a phrase's object
    const main = before.find((m) => !inPP(m) && !m.weak) ?? before.find((m) => !inPP(m) && m.weak && tokens[m.to]?.word && !tokens[m.to].cap && !PREPOSITION.test(tokens[m.to].norm)
        && (m.from === clause.from || /^(?:the|after|before|when|while|as|and|but|since|once|,)$/.test(tokens[m.from - 1].norm)))
      ?? before.find((m) => !m.weak) ?? before[0];
    if (main) return coordinatedBefore(appositionHead(main, i, clause), clause.from);
    if (clause.antecedentBefore !== null) {
      const ante = actors.filter((m) => m.to <= clause.antecedentBefore! + 1).pop();
      if (ante) return [ante];
    }
    // the main clause resumed after a relative one: its subject stands before the relative clause
    if (clause.resumesAfter != null) {
      const before = actors.filter((m) => m.to <= clause.resumesAfter! + 1).reverse();
      const main = before.find((m) => !inPP(m) && !m.weak) ?? before[0];
      if (main) return coordinatedBefore(main, 0);
    }
    return [];
  };
  // "Fano militiamen who are fighting federal troops": the actor right before "who"/"that" is the relative's subject
  const relativeAntecedent = (i: number): Mention | undefined => {
    let j = i - 1;
    while (j >= 0 && (ADVERB.test(tokens[j].norm) || BE.test(tokens[j].norm) || /^(?:has|have|had)$/.test(tokens[j].norm))) j--;
    if (j < 1 || !/^(?:who|that)$/.test(tokens[j].norm)) return undefined;
    const ante = actors.filter((m) => m.to === j || (m.to < j && m.to >= j - 1 && !tokens[m.to].word && tokens[m.to].text !== ',')).pop();
    // the actor ends a longer noun phrase ("Fano militiamen"): the phrase's head word stands between
    return ante ?? actors.find((m) => m.to === j - 1 && tokens[j - 1].word && !tokens[j - 1].cap && !PREPOSITION.test(tokens[j - 1].norm));
  };
  // "Belarus, Russia's closest ally, accused …": the subject is the head before the apposition, not a name inside it
  const appositionHead = (m: Mention, i: number, clause: Clause): Mention => {
    let close = i - 1;
    while (close > m.to && ADVERB.test(tokens[close].norm)) close--;
    if (tokens[close]?.text !== ',' || close < m.to) return m;
    let open = m.from - 1;
    while (open >= clause.from && open > m.from - 5 && tokens[open].text !== ',' && (tokens[open].word || /^['’]s$/.test(tokens[open].text))) open--;
    if (open < clause.from || tokens[open].text !== ',' || tokens.slice(m.to, close).some((x) => !x.word && !/^['’]s$/.test(x.text))) return m;
    if (m.kind === 'person' || triggers.some((x) => x.from > open && x.from < close)) return m;
    const head = actors.find((x) => x.to === open && !x.weak && x.kind !== 'location' && !inPP(x));
    return head ?? m;
  };
  const sharedSubject = (i: number, clause: Clause): Mention[] | null => {
    let j = i - 1;
    // "X expelled two diplomats, accusing them of …": a participle after the main clause shares its subject
    if (tokens[j]?.text === ',' && /ing$/.test(tokens[i]?.norm ?? '')) {
      const main = [...out].reverse().find((d) => d.trigger.to <= j && d.trigger.entry.pos === 'verb' && d.trigger.form !== 'ing' && d.voice === 'active' && d.source.length && d.explicitSource);
      if (main) return [...main.source];
    }
    while (j >= clause.from && (ADVERB.test(tokens[j].norm) || /^(?:has|have|had)$/.test(tokens[j].norm))) j--;
    if (j < 0 || !/^(?:and|but|then|before|after)$/.test(tokens[j].norm)) return null;
    // "X and Y met": the "and" joins two subjects when a mention stands right after it, not a verb
    // a participle ("the negotiating table") heads no coordinated verb
    // an infinitive ("urged X to return … and offered") heads no coordinated verb either: its subject is the object
    const prev = [...out].reverse().find((d) => d.trigger.to <= j && d.trigger.entry.pos === 'verb' && d.trigger.form !== 'ing' && tokens[d.trigger.from - 1]?.norm !== 'to' && d.voice === 'active' && d.source.length && d.explicitSource);
    return prev ? [...prev.source] : null;
  };
  // "X said it would …": a pronoun subject inside a statement is the speaker
  const pronounSubject = (i: number, clause: Clause): Mention[] | null => {
    let j = i - 1;
    while (j >= clause.from && (ADVERB.test(tokens[j].norm) || FUTURE.test(tokens[j].norm) || CONDITIONAL.test(tokens[j].norm) || BE.test(tokens[j].norm) || /^(?:has|have|had|did|does|do|n't|not)$/.test(tokens[j].norm))) j--;
    if (j < 0 || !PRONOUN_SUBJECT.test(tokens[j].norm)) return null;
    if (actors.some((m) => m.from > j && m.to <= i)) return null;
    // a pronoun the document has already resolved (a briefing speaker's "we")
    const own = startsAt.get(j);
    if (own && own.to === j + 1) return [own];
    const speech = [...out].reverse().find((d) => d.complement && j >= d.complement.from && j < d.complement.to && d.source.length);
    if (speech) return [...speech.source];
    // otherwise the subject of the clause before in the same sentence — for "they", "he", "she"; a bare "it" too
    // often stands for a thing ("the commission … it has not met")
    if (tokens[j].norm === 'it') return null;
    const earlier = [...out].reverse().find((d) => d.trigger.to <= j && d.source.length && d.voice !== 'passive');
    return earlier ? [...earlier.source] : null;
  };
  // a frame's required word ("list") or words in sequence ("them+to") within [from, to)
  const requiredWordAfter = (from: number, to: number, words: readonly string[]): boolean => {
    for (let j = from; j < to; j++) {
      if (words.some((w) => w.split('+').every((p, k) => tokens[j + k]?.norm === p))) return true;
    }
    return false;
  };
  // "with Somaliland": the frame's preposition followed by a capitalised name that is no mention at all
  const unknownNameAfter = (from: number, to: number, preps: readonly string[]): boolean => {
    for (let j = from; j < Math.min(to - 1, from + 4); j++) {
      if (!preps.includes(tokens[j].norm)) continue;
      const n = tokens[j + 1];
      return n.word && /^\p{Lu}\p{Ll}/u.test(n.text) && !mentions.some((m) => m.from <= j + 1 && j + 1 < m.to);
    }
    return false;
  };
  const whereClauseWithoutActor = (i: number): boolean => {
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      if (!tokens[j].word || actors.some((m) => m.from <= j && j < m.to)) return false;
      if (/^(?:where|wherever|whereby)$/.test(tokens[j].norm)) return j < i - 1;
    }
    return false;
  };
  // the next trigger bounds a verb's own phrase: "agreed to resign without returning to X" — X is not agreed to
  const nextTriggerAfter = (i: number) => triggers.find((x) => x.from >= i)?.from ?? tokens.length;
  const afterPrep = (from: number, to: number, preps: readonly string[], window = 8): Mention[] => {
    const stop = Math.min(to, from + window, nextTriggerAfter(from));
    for (const p of preps) {
      for (let j = from; j < stop; j++) {
        if (tokens[j].norm !== p) continue;
        const m = mentionAt(j + 1, 4);
        if (m && m.to <= to) return coordinated(m, to);
      }
    }
    return [];
  };
  // the place a use of force is aimed at: its direct object ("struck Kharkiv", "raided the Jenin camp", "the port of
  // Odesa") or the object of "at", "on" or "into" right after it
  const placeAttacked = (from: number, to: number): Mention[] => {
    let j = from;
    if (/^(?:at|on|into)$/.test(tokens[j]?.norm ?? '')) j++;
    while (j < to && /^(?:the|a|an)$/.test(tokens[j].norm)) j++;
    if (/^(?:port|city|town|village|capital|region|province|outskirts|suburbs?)$/.test(tokens[j]?.norm ?? '') && tokens[j + 1]?.norm === 'of') j += 2;
    const p = places.find((m) => m.from === j && m.to <= to);
    if (!p || !p.country) return [];
    return [{ ...p, id: p.country, kind: 'state', code: p.country, weak: false }];
  };
  // a place after the frame's preposition ("arrived in Amman") stands for its country's government
  const placeAfter = (from: number, to: number, preps: readonly string[]): Mention[] => {
    for (let j = from; j < Math.min(to, from + 6); j++) {
      if (!preps.includes(tokens[j].norm)) continue;
      const p = places.find((m) => m.from >= j + 1 && m.from <= j + 3);
      if (p) return [{ ...p, id: `${p.country}GOV`, kind: 'organization', code: `${p.country}GOV`, weak: false }];
    }
    return [];
  };

  // "paid voters to back a candidate", "urged Israel to halt": the object of a verb of making or asking is the
  // subject of the infinitive after it — a named actor, or no one the text names
  const controlledSubject = (t: TriggerHit): Mention[] | null => {
    if (tokens[t.from - 1]?.norm !== 'to') return null;
    for (let v = t.from - 3; v >= Math.max(0, t.from - 8); v--) {
      if (!OBJECT_CONTROL.test(tokens[v].norm)) continue;
      const obj = tokens.slice(v + 1, t.from - 1);
      if (!obj.length || obj.some((x) => !x.word && !/^['’]s$/.test(x.text))) return null;
      const m = actors.find((x) => x.from >= v + 1 && x.to <= t.from - 1);
      return m ? [m] : [];
    }
    return null;
  };

  for (const t of triggers) {
    const clause = clauseAt(clauses, t.head);
    const e = t.entry;
    const prevNorm = tokens[t.from - 1]?.norm ?? '';
    // "criticized X for releasing …": a gerund after a preposition describes, it reports nothing new — except
    // "by -ing", which is how the subject acted ("retaliated by expelling diplomats")
    const byGerund = t.form === 'ing' && prevNorm === 'by';
    // "accused X of hosting": a gerund after a preposition is no act of its own, except one opening the sentence
    // ("After meeting X, Y flew home"), whose subject is the main clause's
    const openingGerund = t.form === 'ing' && t.from === 1 && /^(?:after|before|upon|on|while|when|since)$/.test(prevNorm);
    if (t.form === 'ing' && PREPOSITION.test(prevNorm) && !byGerund && !openingGerund) continue;
    // "struck Hezbollah targets", "shelled Russian positions": an -s form right after a verb's object is that object's noun
    if (t.entry.pos === 'verb' && t.form === 's' && actors.some((m) => m.to === t.from && triggers.some((x) => x !== t && x.entry.pos === 'verb' && !x.entry.speech && x.to <= m.from && m.from - x.to <= 2))) continue;
    // "accused X of arming and training Y": a gerund joined to one after a preposition describes as well
    const joinedGerund = t.form === 'ing' && /^(?:and|or)$/.test(prevNorm) && /[a-z]{3,}ing$/.test(tokens[t.from - 2]?.norm ?? '');
    if (joinedGerund && PREPOSITION.test(tokens[t.from - 3]?.norm ?? '') && tokens[t.from - 3].norm !== 'by') continue;
    // "removed X from its list of banned groups", "reopened the road crossings": a verb that is an act only with its noun
    if (e.requires.length && !requiredWordAfter(t.to, Math.min(clause.to, t.to + 8), e.requires)) continue;
    // "given 48 hours to leave", "gave them a week to comply": a deadline, not a gift
    if (e.cameo.startsWith('07') && DEADLINE.test(tokens.slice(t.to, t.to + 7).map((x) => x.norm).join(' '))) continue;
    // "the point where their borders meet": a "where" clause whose subject is no actor reports no act of one
    if (e.pos === 'verb' && whereClauseWithoutActor(t.from)) continue;
    const prevWords = tokens.slice(Math.max(clause.from, t.from - 4), t.from).map((x) => x.norm);
    // "would sign no deal", "sent no troops": "no" before the object negates the verb too
    const negated = prevWords.slice(-3).some((w) => NEGATION.test(w)) || (t.from > 0 && /n't$/.test(tokens[t.from - 1].text))
      || (e.pos === 'verb' && tokens[t.to]?.norm === 'no');
    let source: Mention[] = [];
    let target: Mention[] = [];
    let explicitSource = false;
    let explicitTarget = false;
    let complement: { from: number; to: number } | null = null;
    let voice: DraftEvent['voice'] = e.pos === 'noun' ? 'noun' : 'active';

    if (e.pos === 'verb') {
      const beBefore = (() => {
        for (let j = t.from - 1, k = 0; j >= clause.from && k < 4; j--, k++) {
          if (BE.test(tokens[j].norm)) return true;
          if (!ADVERB.test(tokens[j].norm)) return false;
        }
        return false;
      })();
      // "was attacked by X", "attacked on Monday by X", "as ordered by X" — but "condemned the strikes by X": an
      // object between the verb and "by" makes X the author of that object, and the verb active
      const byFound = tokens.slice(t.to, Math.min(clause.to, t.to + 4)).findIndex((x) => x.norm === 'by');
      const objectBefore = byFound > 0 && tokens.slice(t.to, t.to + byFound).some((x) => /^(?:the|a|an|its|their|his|her|this|these|those|such)$/.test(x.norm) || actors.some((m) => m.from === t.to));
      const byAt = objectBefore && !beBefore ? -1 : byFound;
      const passive = t.form === 'ed' && (beBefore || byAt >= 0 || prevNorm === 'as');
      // "it was widely noted", "it is said that …": an impersonal passive of saying without its agent is the
      // writer's aside, no one's statement
      if (passive && e.speech && byAt < 0 && impersonalBefore(tokens, t.from, clause.from)) continue;
      if (byGerund) {
        const main = [...out].reverse().find((d) => d.trigger.to <= t.from && d.trigger.from >= clause.from && d.source.length);
        // without a coded main verb, the clause's subject — not a possessive in its object ("tried to choke Iran's
        // revenue by sanctioning …")
        const head = actors.find((m) => m.from >= clause.from && m.to <= t.from && !inPP(m) && !participleObject(m));
        source = main ? [...main.source] : head && head.from - clause.from <= 2 ? coordinated(head, t.from) : subjectOf(Math.max(clause.from, t.from - 1), clause);
        explicitSource = source.length > 0;
      } else if (passive) {
        voice = 'passive';
        const agent = byAt >= 0 ? mentionAt(t.to + byAt + 1, 3) : undefined;
        if (agent) {
          source = coordinated(agent, clause.to);
          explicitSource = true;
        } else if (e.sourcePreps.length) {
          // "two diplomats were expelled from Chisinau": the state (or capital) they leave is the one acting
          const from = afterPrep(t.to, clause.to, e.sourcePreps, 5);
          source = from.length ? from : placeAfter(t.to, clause.to, e.sourcePreps);
          explicitSource = source.length > 0;
        }
        const subj = subjectOf(t.from, clause);
        if (subj.length && !e.speech) {
          target = subj;
          explicitTarget = true;
        }
      } else {
        source = controlledSubject(t) ?? subjectOf(t.from, clause);
        explicitSource = source.length > 0;
      }
      if (e.speech) {
        complement = speechComplement(tokens, t, clause, source);
        // "warned Israel that …", "told Kyiv that …": the addressee right after the verb
        const addressee = mentionAt(t.to, 2);
        if (addressee && !source.includes(addressee) && complement.from > addressee.from) {
          target = [addressee];
          explicitTarget = true;
        }
      } else if (!passive || target.length === 0) {
        const end = clause.to;
        let obj = e.targetPreps.length ? afterPrep(t.to, end, e.targetPreps) : [];
        if (obj.length === 0) {
          const direct = mentionAt(t.to, 5);
          if (direct && !source.includes(direct)) obj = coordinated(direct, end);
        }
        if (obj.length === 0) {
          // "called for the annulment of the A-B declaration": the object's "of" phrase
          const of = tokens.slice(t.to, Math.min(end, t.to + 8, nextTriggerAfter(t.to))).findIndex((x) => x.norm === 'of');
          const m = of >= 0 ? mentionAt(t.to + of + 1, 4) : undefined;
          if (m) obj = coordinated(m, end);
        }
        if (obj.length === 0 && !passive) {
          // "welcomed the decision by Jordan", "rejected the proposal from X": the author of the act it answers
          const k = t.to + mannerPhraseAt(tokens, t.to);
          const det = /^(?:the|a|an|this|that|these|those|any)$/.test(tokens[k]?.norm ?? '');
          const by = det ? [k + 2, k + 3].find((b) => /^(?:by|from)$/.test(tokens[b]?.norm ?? '') && tokens.slice(k + 1, b).every((x) => x.word && !x.cap && !PREPOSITION.test(x.norm))) : undefined;
          const m = by !== undefined && !triggers.some((x) => x.from > k && x.from < by) ? mentionAt(by + 1, 2) : undefined;
          if (m && !source.includes(m)) obj = coordinated(m, end);
        }
        // "entered our exclusive economic zone", "entered Guyanese waters": the owner inside the phrase
        if (e.owner) {
          const own = new Set(source.map((m) => m.country?.slice(0, 3)));
          const inside = actors.find((m) => m.from > t.from && m.to < t.to && !own.has(m.country?.slice(0, 3)));
          if (!inside) continue;
          obj = [inside];
        }
        if (obj.length === 0 && !passive) obj = afterPrep(t.to, end, ['against', 'with', 'on', 'to', 'towards', 'from', 'into', 'in', 'inside', 'near', 'across', 'over', 'at'], 6).filter((m) => !source.includes(m));
        // "we fully support their position": a plural possessive object points back to the sentence's other side
        if (obj.length === 0 && tokens[t.to]?.norm === 'their' && source.length === 1) {
          const back = actors.filter((m) => m.to <= t.from && !source.includes(m) && m.country !== source[0].country).pop();
          if (back) obj = [back];
        }
        if (obj.length === 0 && e.place) obj = placeAfter(t.to, end, e.targetPreps.length ? e.targetPreps : ['in', 'to', 'at']);
        // "Russian missiles struck Kharkiv", "troops raided the Jenin camp", "fired rockets at Haifa": a place attacked
        // stands for its country
        if (obj.length === 0 && !passive && FORCE_ROOT.test(e.cameo)) obj = placeAttacked(t.to, end).filter((m) => !source.some((x) => x.country === m.country));
        if (obj.length) {
          target = obj;
          explicitTarget = true;
        }
      }
      if (e.speech && e.targetPreps.length) {
        const to = afterPrep(t.to, clause.to, e.targetPreps, 10);
        if (to.length) {
          target = to;
          explicitTarget = true;
        }
      }
      if (e.needArg && !explicitSource && !explicitTarget) continue;
    } else {
      // noun triggers: arguments inside their own phrase
      const lead = actors.filter((m) => m.to <= t.from && t.from - m.to <= 3 && m.from >= clause.from);
      const last = lead[lead.length - 1];
      const pairFirst = last ? actors.find((m) => m.to === last.from - 1 && /^[-–]$/.test(tokens[last.from - 1].text)) : undefined;
      // only modifiers may stand between an argument and its noun ("Putin's compelled apology"), no preposition
      const modifiersOnly = (from: number) => tokens.slice(from, t.from).every((x) => /^['’]s$/.test(x.text) || (x.word && !x.cap && !PREPOSITION.test(x.norm) && !/^(?:and|or|but)$/.test(x.norm)) || x.text === '-' || x.text === '“' || x.text === '”');
      const gapOk = (m: Mention) => modifiersOnly(m.to);
      if (last && pairFirst && gapOk(last)) {
        source = [pairFirst];
        target = [last];
        explicitSource = explicitTarget = true;
      } else if (last && gapOk(last) && (last.possessive || last.weak || t.from - last.to <= 1)) {
        source = [last];
        explicitSource = true;
      } else {
        const pron = tokens.slice(Math.max(clause.from, t.from - 3), t.from).findIndex((x) => PRONOUN_POSSESSIVE.test(x.norm));
        if (pron >= 0 && modifiersOnly(Math.max(clause.from, t.from - 3) + pron + 1)) {
          const subj = subjectOf(Math.max(clause.from, t.from - 3) + pron, clause);
          if (subj.length) {
            source = subj;
            explicitSource = true;
          }
        }
      }
      const agent = afterPrep(t.to, clause.to, ['by', ...e.sourcePreps], 8);
      if (agent.length) {
        source = agent;
        explicitSource = true;
      }
      const between = afterPrep(t.to, clause.to, ['between', 'among'], 4);
      if (between.length >= 2) {
        source = [between[0]];
        target = between.slice(1);
        explicitSource = explicitTarget = true;
      }
      if (!explicitTarget) {
        const ofArg = tokens[t.to]?.norm === 'of' ? mentionAt(t.to + 1, 4) : undefined;
        if (ofArg && !e.speech) {
          target = coordinated(ofArg, clause.to);
          explicitTarget = true;
        } else if (ofArg && e.speech && !explicitSource) {
          source = [ofArg];
          explicitSource = true;
        }
        const prep = afterPrep(t.to, clause.to, e.targetPreps, 8).filter((m) => !source.includes(m));
        if (!explicitTarget && prep.length) {
          target = prep;
          explicitTarget = true;
        }
      }
      // "X in detention", "territories under occupation": the one in that state is the target
      if (!explicitTarget && /^(?:in|under)$/.test(prevNorm)) {
        const held = subjectOf(t.from - 1, clause);
        if (held.length) {
          target = held;
          explicitTarget = true;
        }
      }
      // "Niamey ordered the expulsion of the ambassador": the clause's subject acts through the noun
      if (!explicitSource && explicitTarget && !e.sym) {
        const subj = subjectOf(t.from, clause).filter((m) => !inPP(m) && !target.includes(m) && !m.weak);
        if (subj.length && !target.some((m) => subj.some((x) => x.country === m.country))) {
          source = subj;
          explicitSource = true;
        }
      }
      // "the statement by X that …", "X's remarks on Y": a noun's content is its own "that" clause or topic phrase,
      // not whatever the rest of the sentence mentions ("the statement comes a day before X visits Y")
      if (e.speech) complement = nounComplement(tokens, t, clause);
      if (e.needArg && !explicitSource && !explicitTarget) continue;
    }

    source = expand(source);
    target = expand(target);
    // symmetric triggers with a compound subject: "A and B met" → A ↔ B
    if (e.sym && target.length === 0 && source.length >= 2) {
      target = source.slice(1);
      source = source.slice(0, 1);
      explicitTarget = true;
    }
    let about: Mention[] = [];
    if (complement) {
      const srcCountries = new Set(source.map((m) => m.country));
      about = expand(actors.filter((m) => m.from >= complement!.from && m.to <= complement!.to && (!m.weak || m.kind === 'region') && !srcCountries.has(m.country) && !source.includes(m)));
      if (about.some((m) => m.kind !== 'region')) about = about.filter((m) => m.kind !== 'region');
      // a bare statement is about its content's subject or the object of its verb, not a name in a modifier
      const args = complementArguments(tokens, complement, about);
      if (!explicitTarget && args.length) target = args;
      explicitTarget = explicitTarget || args.length > 0;
    }
    const reportsEvent = !!complement && triggers.some((x) => x !== t && x.from >= complement!.from && x.from < complement!.to);
    if (e.igoOnly && !(target.length && target.every((m) => m.kind === 'igo'))) continue;
    const unnamedOther = target.length === 0 && unknownNameAfter(t.to, clause.to, e.targetPreps.length ? e.targetPreps : ['with', 'against']);
    out.push({ trigger: t, cameo: e.cameo, source, target, third: [], explicitSource, explicitTarget, negated, hypothetical: false, complement, about, voice, reportsEvent, relative: clause.antecedentBefore !== null, unnamedOther });
  }
  answerAuthors(tokens, out);
  return dropElaborations(tokens, modality(tokens, clauses, out));
}

/**
 * "X criticised Y … and said its troops were not …": a bare statement the same subject adds to an act it was just
 * reported doing elaborates that act; it is no second event.
 */
function dropElaborations(tokens: readonly Token[], drafts: DraftEvent[]): DraftEvent[] {
  return drafts.filter((d) => {
    if (!d.trigger.entry.speech || d.reportsEvent || !d.cameo.startsWith('01') || d.voice !== 'active') return true;
    let j = d.trigger.from - 1;
    while (j >= 0 && ADVERB.test(tokens[j].norm)) j--;
    if (tokens[j]?.norm !== 'and') return true;
    const own = new Set(d.source.map((m) => m.country));
    return !drafts.some((a) => a !== d && !a.trigger.entry.speech && a.trigger.to <= j && a.voice === 'active' && a.source.some((m) => own.has(m.country)));
  });
}

/**
 * "rejected the demand from X", "welcomed Y's offer", "accepted the proposal by Z": a verb whose object is an act
 * (a noun trigger with its own author) answers that act's author, who is the verb's target when none is named.
 */
function answerAuthors(tokens: readonly Token[], drafts: DraftEvent[]): void {
  for (const d of drafts) {
    if (d.trigger.entry.pos !== 'verb' || d.trigger.entry.speech || d.target.length || !d.source.length || d.voice !== 'active') continue;
    // "condemned in the strongest terms the attack by X": a manner phrase between the verb and its object
    const manner = mannerPhraseAt(tokens, d.trigger.to);
    const n = drafts.find((x) => x !== d && x.voice === 'noun' && x.explicitSource && x.trigger.from > d.trigger.from && x.trigger.from - d.trigger.to - manner <= 4);
    if (!n) continue;
    // only a determiner, a possessive phrase (its author) or modifiers may stand between the verb and the act
    const between = tokens.slice(d.trigger.to + manner, n.trigger.from);
    const authorSpan = (i: number) => n.source.some((m) => i >= m.from && i < m.to);
    if (!between.every((x, k) => authorSpan(d.trigger.to + manner + k) || /^['’]s$/.test(x.text) || (x.word && !PREPOSITION.test(x.norm) && !/^(?:and|or|but|that)$/.test(x.norm)))) continue;
    const own = new Set(d.source.map((m) => m.country));
    const authors = n.source.filter((m) => !own.has(m.country));
    if (!authors.length) continue;
    d.target = [...authors];
    d.explicitTarget = true;
  }
}

/** The length of a manner phrase at token `i` ("in the strongest terms", "in strong terms"), or 0. */
function mannerPhraseAt(tokens: readonly Token[], i: number): number {
  if (tokens[i]?.norm !== 'in') return 0;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    if (/^terms?$/.test(tokens[k].norm)) return k - i + 1;
    if (!/^(?:the|strongest|strong|harshest|harsh|clear|clearest|firmest|firm|possible|most|no|uncertain|unequivocal)$/.test(tokens[k].norm)) return 0;
  }
  return 0;
}

/**
 * The modality pass: governed verbs fold into their governors, plans and conditionals become hypothetical, negation
 * negated, "withdrew from the pact" a reduction of relations, and a noun inside a verb's object gives way to the verb.
 */
function modality(tokens: readonly Token[], clauses: readonly Clause[], drafts: DraftEvent[]): DraftEvent[] {
  const drop = new Set<DraftEvent>();
  const at = (i: number) => drafts.find((d) => i >= d.trigger.from && i < d.trigger.to);
  const inSpeech = (d: DraftEvent) => drafts.some((s) => s !== d && s.complement && d.trigger.from >= s.complement.from && d.trigger.from < s.complement.to);
  const speakerOf = (d: DraftEvent) => drafts.find((s) => s !== d && s.complement && d.trigger.from >= s.complement.from && d.trigger.from < s.complement.to);
  const fill = (gov: DraftEvent, v: DraftEvent) => {
    if (gov.target.length === 0 && v.target.length) {
      gov.target = [...v.target];
      gov.explicitTarget = v.explicitTarget;
    }
    if (gov.source.length === 0 && v.source.length) {
      gov.source = [...v.source];
      gov.explicitSource = v.explicitSource;
    }
  };

  const governedBy = new Map<DraftEvent, DraftEvent>();
  // "retaliated by expelling diplomats": the act the "by -ing" names replaces the verb it explains
  for (const d of drafts) {
    if (d.trigger.form !== 'ing' || tokens[d.trigger.from - 1]?.norm !== 'by') continue;
    const main = drafts.find((g) => g !== d && g.trigger.entry.pos === 'verb' && g.trigger.to <= d.trigger.from - 1 && d.trigger.from - 1 - g.trigger.to <= 3);
    if (main && !main.trigger.entry.speech) {
      drop.add(main);
      // "helped Moldova by supplying coal": the one the verb names is the one the act is for
      if (d.target.length === 0 && main.target.length) {
        d.target = [...main.target];
        d.explicitTarget = main.explicitTarget;
      }
    }
  }

  for (const d of drafts) {
    if (drop.has(d)) continue;
    const clause = clauseAt(clauses, d.trigger.head);
    let j = d.trigger.from - 1;
    const skipAdverbs = () => {
      while (j >= clause.from && ADVERB.test(tokens[j].norm) && !NEGATION.test(tokens[j].norm)) j--;
    };
    skipAdverbs();
    // "vowed to keep attacking": an aspect verb between is transparent
    if (d.trigger.form === 'ing' && j >= clause.from && ASPECT.test(tokens[j].norm)) {
      j--;
      skipAdverbs();
    }
    const negBefore = j >= clause.from && (NEGATION.test(tokens[j].norm) || /n't$/.test(tokens[j].text));
    let governed = false;
    // "urged Tehran to exercise restraint and to give the talks a chance": a second "to V" has the first one's governor
    if (j > clause.from && tokens[j].norm === 'to' && d.trigger.entry.pos === 'verb' && /^(?:and|or)$/.test(tokens[j - 1].norm)) {
      const prev = [...governedBy.keys()].filter((x) => x.trigger.to <= j - 1 && x.trigger.from >= clause.from).pop();
      // or the governor of an earlier "to V" that is no trigger ("urged X to exercise restraint and to …")
      const gov = prev ? governedBy.get(prev)! : [...drafts].reverse().find((g) => g !== d && !drop.has(g) && g.trigger.entry.pos === 'verb' && g.trigger.to <= j && g.trigger.from >= clause.from
        && (tokens[g.trigger.to]?.norm === 'to' || g.target.some((m) => tokens[m.to]?.norm === 'to')) && g.trigger.entry.speech === false);
      if (gov) {
        if (gov !== d && !prev) fill(gov, d);
        governedBy.set(d, gov);
        drop.add(d);
        continue;
      }
    }
    if (j >= clause.from && tokens[j].norm === 'to' && d.trigger.entry.pos === 'verb') {
      let k = j - 1;
      while (k >= clause.from && ADVERB.test(tokens[k].norm) && !NEGATION.test(tokens[k].norm)) k--;
      if (k >= clause.from && ASPECT.test(tokens[k].norm)) {
        // "continued to shell", "tried to assassinate": the act itself; look further back for its own governor
        k--;
        while (k >= clause.from && ADVERB.test(tokens[k].norm)) k--;
        if (k >= clause.from && tokens[k].norm === 'to') k--;
      }
      const gov = k >= clause.from ? at(k) : undefined;
      const word = tokens[k]?.norm ?? '';
      const governorNegated = k >= clause.from && tokens.slice(Math.max(clause.from, k - 3), k).some((x) => NEGATION.test(x.norm) || /n't$/.test(x.text));
      if (gov && gov !== d) {
        governed = true;
        governedBy.set(d, gov);
        if (gov.trigger.entry.refusal || (gov.trigger.entry.intent && governorNegated)) {
          gov.cameo = rejectCode(d.cameo);
          gov.negated = false;
        } else if (gov.trigger.entry.intent) {
          gov.cameo = gov.cameo.startsWith('13') || isConflict(d.cameo) ? threatCode(d.cameo) : intentCode(d.cameo);
        }
        fill(gov, d);
        drop.add(d);
        continue;
      }
      // "Trump ordered the State Department to designate X", "the president instructed the army to strike Y": an order
      // to one's own side is that side's act
      const order = drafts.find((g) => g !== d && ORDER.test(tokens[g.trigger.head]?.norm ?? '') && g.trigger.to <= j && j - g.trigger.to <= 8 && g.trigger.from >= clause.from
        && g.source.length > 0 && g.target.every((m) => g.source.some((x) => x.country === m.country)));
      if (order && !order.negated) {
        d.source = [...order.source];
        d.explicitSource = order.explicitSource;
        governedBy.set(d, order);
        drop.add(order);
        continue;
      }
      // "urged X to V", "allowed X to V": the governor sits before the object — also when the object is no actor
      // ("urged member states to impose sanctions on Y": the appeal is the event, with Y as its target)
      const objGov = drafts.find((g) => g !== d && g.trigger.to <= k + 1 && g.trigger.from >= clause.from && g.target.some((m) => m.to === k + 1 || m.to === j))
        ?? drafts.find((g) => g !== d && g.cameo.startsWith('02') && g.trigger.entry.pos === 'verb' && g.trigger.to <= j && j - g.trigger.to <= 4 && g.trigger.from >= clause.from
          && tokens.slice(g.trigger.to, j).every((x) => x.word && !PREPOSITION.test(x.norm)));
      if (objGov && objGov.target.length === 0 && d.target.length) {
        objGov.target = [...d.target];
        objGov.explicitTarget = d.explicitTarget;
      }
      if (objGov) {
        governedBy.set(d, objGov);
        drop.add(d);
        continue;
      }
      if (WILLING_ADJ.test(word) || (k > clause.from && /^(?:decided|decides|decide|resolved|chose|chooses)$/.test(word))) {
        d.cameo = isConflict(d.cameo) ? threatCode(d.cameo) : intentCode(d.cameo);
        d.negated = false;
        governed = true;
        if (governorNegated) d.cameo = rejectCode(d.cameo);
      } else if (REFUSE_ADJ.test(word)) {
        d.cameo = rejectCode(d.cameo);
        governed = true;
      } else if (PLAN_ADJ.test(word) || PLAN_VERB.test(word)) {
        // "plans to", "is expected to", "is set to", "seeks to": a plan, coded as the intent it expresses
        d.cameo = isConflict(d.cameo) ? threatCode(d.cameo) : intentCode(d.cameo);
        d.hypothetical = true;
        governed = true;
      } else {
        d.hypothetical = true;
      }
    }
    if (!governed) {
      // modal auxiliaries up to four tokens back in the clause
      // the month ("on 2 May 2024") is not the modal
      const window = tokens.slice(Math.max(clause.from, d.trigger.from - 4), d.trigger.from).map((x) => (x.text === 'May' || (x.norm === 'may' && /^\d/.test(tokens[tokens.indexOf(x) + 1]?.text ?? '')) ? '' : x.norm));
      const future = window.some((w) => FUTURE.test(w)) || /\bgoing to\b/.test(window.join(' '));
      const would = window.includes('would');
      const conditional = window.some((w) => CONDITIONAL.test(w) && w !== 'would');
      const neg = window.some((w) => NEGATION.test(w)) || negBefore || d.negated;
      const reported = inSpeech(d);
      if ((future || (would && reported)) && !d.trigger.entry.speech) {
        if (neg) {
          // "will not accept", "said it would not meet": a refusal; "will not attack" stays a negated plan
          const conflict = isConflict(d.cameo);
          if (!conflict) d.cameo = rejectCode(d.cameo);
          d.negated = conflict;
          d.hypothetical = conflict;
        } else {
          d.cameo = isConflict(d.cameo) ? threatCode(d.cameo) : intentCode(d.cameo);
          d.hypothetical = true;
        }
      } else if (conditional || would) {
        const speaker = speakerOf(d);
        // "X said Y must hand over …": X demands it of Y
        if (speaker && /\b(?:must|should)\b/.test(window.join(' ')) && d.source.length && !d.source.some((m) => speaker.source.some((s) => s.country === m.country))) {
          speaker.cameo = '100';
          speaker.target = [...d.source];
          speaker.explicitTarget = true;
          drop.add(d);
          continue;
        }
        d.hypothetical = true;
      } else if (neg) {
        d.negated = true;
      }
    }
    // conditions: "if the treaty is signed", "unless they withdraw" — and the clause they condition
    const condAt = tokens.slice(clause.from, d.trigger.from).some((x) => CONDITION.test(x.norm));
    if (condAt || (clauses.some((c) => CONDITION.test(tokens[c.from]?.norm ?? '')) && tokens.slice(clause.from, d.trigger.from).some((x) => CONDITIONAL.test(x.norm) || FUTURE.test(x.norm)))) d.hypothetical = true;
    if (d.trigger.entry.pos === 'noun') {
      // "the proposed treaty", "a treaty to be signed", "talks that would follow": not (yet) an event
      const next = tokens.slice(d.trigger.to, d.trigger.to + 2).map((x) => x.norm).join(' ');
      const prev = tokens.slice(Math.max(clause.from, d.trigger.from - 3), d.trigger.from).map((x) => x.norm);
      if (prev.some((w) => /^(?:proposed|planned|possible|potential|prospective|future|draft|envisaged|mooted|eventual|expected|new)$/.test(w)) && prev.some((w) => w !== 'new')) d.hypothetical = true;
      if (/^(?:to be|would|will|could|that would|that will|that could|is expected|are expected|was expected)\b/.test(next)) d.hypothetical = true;
      // "warned that any intervention would …", "ruled out any Turkish deployment": no act has happened
      if (prev.slice(-2).includes('any')) d.hypothetical = true;
    }
    // "withdrew from the pact", "pulled out of the accord": leaving an agreement reduces relations
    if (d.cameo.startsWith('087')) {
      const obj = tokens.slice(d.trigger.to, Math.min(clause.to, d.trigger.to + 5));
      if (obj.some((x) => WAR_NOUNS.test(x.norm)) || d.target.some((m) => m.kind === 'igo')) d.cameo = '160';
    }
  }

  // "X said (that) Y must hand over …", "X declared Y should withdraw": a statement of what another must do is a demand
  for (const sp of drafts) {
    const c = sp.complement;
    if (!c || drop.has(sp) || c.to <= sp.trigger.from || !sp.trigger.entry.speech) continue;
    for (let i = c.from; i < c.to; i++) {
      const w = tokens[i].norm;
      const obligation = w === 'must' || w === 'should' || ((w === 'has' || w === 'have' || w === 'needs' || w === 'need') && tokens[i + 1]?.norm === 'to');
      if (!obligation) continue;
      const subj = sp.about.filter((m) => m.to <= i && m.from >= c.from).pop()
        ?? drafts.find((d) => d !== sp && d.trigger.from > i && d.trigger.from < c.to && d.source.length)?.source[0];
      if (!subj || sp.source.some((m) => m.country?.slice(0, 3) === subj.country?.slice(0, 3))) break;
      sp.cameo = '100';
      sp.target = [subj];
      sp.explicitTarget = true;
      for (const d of drafts) if (d !== sp && d.trigger.from > i && d.trigger.from < c.to) drop.add(d);
      break;
    }
  }

  // "met X on the sidelines of the summit", "travelled to Y for a meeting of Z": the gathering is where the act took
  // place, not another event
  for (const n of drafts) {
    if (n.trigger.entry.pos !== 'noun' || drop.has(n) || !n.cameo.startsWith('04')) continue;
    const prev = tokens.slice(Math.max(0, n.trigger.from - 6), n.trigger.from).map((x) => x.norm).join(' ');
    if (!/\b(?:sidelines of|at|during|for|ahead of|on the eve of|on the margins of|in the margins of)\b(?: the| a| an| this| that| its| their)?(?: [a-z]+| [A-Z]\S*){0,3}$/i.test(prev)) continue;
    if (drafts.some((v) => v !== n && !drop.has(v) && v.trigger.entry.pos === 'verb' && v.trigger.to <= n.trigger.from && (v.cameo.startsWith('04') || v.trigger.entry.place))) drop.add(n);
  }

  // a noun inside a verb's object gives way to the verb ("renounced the agreements", "signed a deal")
  for (const n of drafts) {
    if (n.trigger.entry.pos !== 'noun' || drop.has(n)) continue;
    const clause = clauseAt(clauses, n.trigger.head);
    const verb = drafts.find((v) => v !== n && v.trigger.entry.pos === 'verb' && !v.trigger.entry.speech && !drop.has(v) && v.trigger.to <= n.trigger.from && n.trigger.from - v.trigger.to <= 5 && v.trigger.from >= clause.from
      && tokens.slice(v.trigger.to, n.trigger.from).every((x) => x.word || x.text === '-'));
    if (!verb) continue;
    // "hosted talks between Iran and the United States": a noun whose own phrase names both its parties, neither of
    // them the verb's subject, is an interaction of its own
    const own = new Set(verb.source.map((m) => m.country));
    if (n.explicitSource && n.explicitTarget && n.source.length && n.target.length && ![...n.source, ...n.target].some((m) => own.has(m.country))
      && tokens.slice(n.trigger.to, n.trigger.to + 2).some((x) => /^(?:between|among)$/.test(x.norm))) continue;
    if (verb.target.length === 0 && n.target.length) {
      verb.target = [...n.target];
      verb.explicitTarget = n.explicitTarget;
    }
    drop.add(n);
  }
  return drafts.filter((d) => !drop.has(d));
}

/** What a reporting verb or noun reports: after "that", or the main clause after "As announced by X, …". */
/** Whether "it" + a form of "be" (and adverbs) stand right before token `at`: "it was widely noted". */
function impersonalBefore(tokens: readonly Token[], at: number, from: number): boolean {
  let j = at - 1;
  while (j > from && ADVERB.test(tokens[j].norm)) j--;
  if (!BE.test(tokens[j]?.norm ?? '')) return false;
  j--;
  if (/^(?:been|be)$/.test(tokens[j + 1].norm) && /^(?:has|had|have|will|would|may|might|could)$/.test(tokens[j]?.norm ?? '')) j--;
  return j >= from && tokens[j].norm === 'it';
}

const TIME_NOUN = /^(?:day|week|weekend|month|year|morning|afternoon|evening|night|time|summer|winter|spring|autumn)$/;

function nounComplement(tokens: readonly Token[], t: TriggerHit, clause: Clause): { from: number; to: number } | null {
  // the noun's own phrase: up to its first verb-like word ("was", "came", "said"), at most eight tokens
  let end = t.to;
  while (end < Math.min(clause.to, t.to + 8) && !/^(?:is|are|was|were|has|have|had|will|would|came|comes|said|says)$/.test(tokens[end].norm)) end++;
  const near = tokens.slice(t.to, end + 1);
  // "the accusation earlier that month that …": a "that" before a time noun is a determiner, not the content's start
  const that = near.findIndex((x, k) => x.norm === 'that' && !TIME_NOUN.test(near[k + 1]?.norm ?? ''));
  if (that >= 0) return { from: t.to + that + 1, to: clause.to };
  const topic = near.findIndex((x) => /^(?:on|about|over|regarding|concerning)$/.test(x.norm));
  if (topic >= 0) {
    let to = t.to + topic + 1;
    while (to < end && tokens[to].text !== ',' && !/^(?:in|at|during|after|before|when|as|while|which|who)$/.test(tokens[to].norm)) to++;
    return { from: t.to + topic + 1, to };
  }
  return null;
}

function speechComplement(tokens: readonly Token[], t: TriggerHit, clause: Clause, source: readonly Mention[]): { from: number; to: number } {
  const srcEnd = Math.max(t.to, ...source.map((m) => m.to));
  const sentenceInitialAs = tokens[t.from - 1]?.norm === 'as' && t.from - 1 <= clause.from + 1;
  if (sentenceInitialAs) {
    const comma = tokens.findIndex((x, j) => j >= srcEnd && x.text === ',');
    if (comma >= 0) return { from: comma + 1, to: clause.to };
  }
  // trailing attribution: "X did Y, officials said (on Monday)." — what was said precedes the comma
  const before = tokens.slice(clause.from, t.from);
  const comma = before.map((x) => x.text).lastIndexOf(',');
  // "…, the ministry said, citing …": a participle clause after the attribution is the speaker's gloss
  let restEnd = clause.to;
  // "…, a spokesperson said, and Japan pledged …": a new clause after the attribution is no part of it
  for (let j = t.to; j < clause.to - 1; j++) if (tokens[j].text === ',' && /^(?:citing|adding|noting|saying|calling|describing|referring|stressing|and|but|while|whereas)$/.test(tokens[j + 1].norm)) { restEnd = j; break; }
  const rest = tokens.slice(t.to, restEnd).filter((x) => x.word);
  if (comma > 2 && rest.length <= 6 && !rest.some((x) => x.norm === 'that') && source.every((m) => m.from > clause.from + comma)) {
    return { from: clause.from, to: clause.from + comma };
  }
  const that = tokens.slice(t.to, clause.to).findIndex((x) => x.norm === 'that');
  const from = that >= 0 ? t.to + that + 1 : srcEnd;
  let to = clause.to;
  if (that >= 0) {
    for (let j = from + 3; j < clause.to; j++) {
      if (tokens[j].text !== ',') continue;
      const next = tokens[j + 1]?.norm;
      const next2 = tokens[j + 2]?.norm;
      if (next === 'that' || (next === 'and' && next2 === 'that')) continue;
      to = j;
      break;
    }
  }
  // "told Y that X would respond if Z attacked": the condition is part of what was said
  if (to === clause.to && CONDITION.test(tokens[to]?.norm ?? '')) {
    while (to < tokens.length && !/^[,;:]$/.test(tokens[to].text)) to++;
  }
  return { from, to };
}

const AUXILIARY = /^(?:would|will|shall|could|can|may|might|must|should|had|has|have|was|were|is|are|did|does|do|been|be|being|'d|'ll)$/;
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|some|any|all|both|each|every|such|no|'s|’s)$/;

/**
 * The mentions of a statement's content that are its arguments: those in the content's subject, and the objects of
 * its verb (a noun phrase right after it, a preposition's object right after it or after another such object, the
 * object of an infinitive it governs). A name inside a modifier of the object ("enjoyed support from Moscow", "has
 * evidence proving Russia …", "would close its crossings with Russia") is a detail of what was said, not whom it is
 * about.
 */
export function complementArguments(tokens: readonly Token[], c: { from: number; to: number }, about: readonly Mention[]): Mention[] {
  if (about.length === 0) return [];
  const at = (j: number) => about.filter((m) => m.from === j);
  const end = (ms: readonly Mention[]) => Math.max(...ms.map((m) => m.to));
  const lower = (j: number) => j < c.to && tokens[j].word && !tokens[j].cap;
  let j = c.from;
  while (j < c.to && (DETERMINER.test(tokens[j].norm) || tokens[j].norm === 'that')) j++;
  // the verb: the first auxiliary or past form; else the word right after a subject mention or pronoun
  let v = PRONOUN_SUBJECT.test(tokens[j]?.norm ?? '') && lower(j + 1) ? j + 1 : -1;
  for (let k = j; v < 0 && k < Math.min(c.to, j + 10) && tokens[k].text !== ','; k++) {
    if (at(k).length) { k = end(at(k)) - 1; continue; }
    if (lower(k) && (AUXILIARY.test(tokens[k].norm) || (k > j && /[a-z]{2,}ed$/.test(tokens[k].norm)))) { v = k; break; }
  }
  if (v < 0) {
    const subj = at(j);
    const after = subj.length ? end(subj) : PRONOUN_SUBJECT.test(tokens[j]?.norm ?? '') ? j + 1 : -1;
    if (after >= 0 && lower(after) && !PREPOSITION.test(tokens[after].norm) && !DETERMINER.test(tokens[after].norm)) v = after;
  }
  const out = about.filter((m) => m.from >= c.from && m.to <= (v < 0 ? c.to : v));
  if (v < 0) return out;
  // the verb group: auxiliaries, negation and adverbs, then the main verb
  let k = v;
  while (k < c.to && (AUXILIARY.test(tokens[k].norm) || NEGATION.test(tokens[k].norm) || ADVERB.test(tokens[k].norm))) k++;
  if (k === v || (lower(k) && !DETERMINER.test(tokens[k].norm) && !PREPOSITION.test(tokens[k].norm) && !at(k).length)) k = k === v ? v + 1 : k + 1;
  const skipDeterminers = (i: number) => {
    while (i < c.to && (DETERMINER.test(tokens[i].norm) || NUMBER_WORD.test(tokens[i].norm))) i++;
    return i;
  };
  for (let guard = 0; k < c.to && guard < 8; guard++) {
    // "willing to forgive X", "would ask X to act": an infinitive the verb governs brings its own object
    if (tokens[k].norm === 'to' && lower(k + 1) && !DETERMINER.test(tokens[k + 1].norm) && !at(k + 1).length) { k += 2; continue; }
    if (ADVERB.test(tokens[k].norm) && lower(k)) { k++; continue; }
    const prep = PREPOSITION.test(tokens[k].norm);
    const i = skipDeterminers(prep ? k + 1 : k);
    const m = at(i);
    if (m.length) {
      out.push(...m);
      k = end(m);
      while (k < c.to && (tokens[k].text === ',' || /^(?:and|or)$/.test(tokens[k].norm)) && at(skipDeterminers(k + 1)).length) {
        const n = at(skipDeterminers(k + 1));
        out.push(...n);
        k = end(n);
      }
      continue;
    }
    // "fired at it from X": a pronoun object, then the next phrase
    if (prep && PRONOUN_OBJECT.test(tokens[i]?.norm ?? '')) { k = i + 1; continue; }
    break;
  }
  return [...new Set(out)];
}
const PRONOUN_OBJECT = /^(?:it|them|him|her|us|itself|themselves)$/;
