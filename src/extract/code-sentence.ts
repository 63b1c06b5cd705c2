// The sentence-level event coder: each trigger gets its source, target and third parties from the sentence's
// structure (subject, object, passive "by", possessives, "A-B" pairs, "with", "between", prepositions of the frame).
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';
import type { TriggerHit } from './triggers.js';
import { clauseAt, splitClauses, type Clause } from './clauses.js';

/** An event as the coder proposes it for one sentence, before context fills gaps and duplicates merge. */
export interface DraftEvent {
  readonly trigger: TriggerHit;
  source: Mention[];
  target: Mention[];
  third: Mention[];
  /** Source and target come from the sentence's own structure (not from context). */
  explicitSource: boolean;
  explicitTarget: boolean;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  /** For a reporting verb: token range of what was said. */
  readonly complement: { from: number; to: number } | null;
  /** The mentions of the reported speech's complement the statement is about (speech only). */
  readonly about: Mention[];
  /** Active verb, passive verb or noun: only passives and nouns may take a missing source from context. */
  readonly voice: 'active' | 'passive' | 'noun';
  /** For a reporting trigger: its complement holds another trigger (it reports an interaction). */
  readonly reportsEvent: boolean;
}

const PREPOSITION = /^(?:of|in|at|from|to|for|with|against|by|towards|toward|on|over|about|into|than|between|among|through|under|within|without|like|as|across|near|beyond|during|after|before|since|until)$/;
const BE = /^(?:is|are|was|were|be|been|being|am|'s|’s)$/;
const ADVERB = /^(?:not|also|reportedly|allegedly|swiftly|quickly|already|later|recently|officially|publicly|openly|formally|then|again|repeatedly|strongly|firmly|further|once|never|just|still|widely|now|jointly|subsequently|immediately|finally|ultimately)$|ly$/;
const FILLER = /^(?:participation|involvement|presence|help|mediation|ruling|governing|the|a|an|its|their|his|her|our|this|that|these|those|new|such|as|two|three|several|some|other|all|both|of|-|former|partners|partner|countries|country|actors|neighbours|neighbors|like|including|namely|particularly|especially|,)$/;
const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|many|some|at|least|about|more|than)$/;
const NEGATION = /^(?:not|n't|never|no|neither|nor|without)$/;
const MODAL = /^(?:will|would|could|may|might|should|shall|can|must|'ll|intends?|plans?|hopes?|seeks?|wants?|aims?|expected|ready|willing|possible|potential|prospective|proposed|planned|future)$/;
const PRONOUN_POSSESSIVE = /^(?:its|their|his|her)$/;

const usable = (m: Mention) => m.kind !== 'location' && (m.country !== null || m.members.length > 0) && !(m.kind === 'region' && m.members.length === 0);

/** Codes the triggers of one sentence. */
export function codeSentence(tokens: readonly Token[], mentions: readonly Mention[], triggers: readonly TriggerHit[]): DraftEvent[] {
  const clauses = splitClauses(tokens);
  const actors = mentions.filter(usable);
  const out: DraftEvent[] = [];

  const mentionAt = (i: number, maxSkip: number): Mention | undefined => {
    // the first usable mention starting at i, skipping up to maxSkip filler tokens; "that" right away opens a clause
    if (tokens[i]?.norm === 'that') return undefined;
    for (let j = i, skipped = 0; j < tokens.length && skipped <= maxSkip; j++) {
      const m = actors.find((x) => x.from === j);
      if (m) return m;
      if (!FILLER.test(tokens[j].norm) && !NUMBER_WORD.test(tokens[j].norm) && !(tokens[j].word && !tokens[j].cap && j > i && skipped < maxSkip && /^(?:new|alternative|regional|key|strategic|major|western|neighbouring|neighboring|traditional)$/.test(tokens[j].norm))) return undefined;
      skipped++;
    }
    return undefined;
  };
  // a mention plus the ones coordinated with it ("Russia, Iran, and Armenia")
  const coordinated = (first: Mention, limit: number): Mention[] => {
    const group = [first];
    let last = first;
    for (;;) {
      let j = last.to;
      let sawJoin = false;
      while (j < limit && (tokens[j].text === ',' || tokens[j].norm === 'and' || tokens[j].text === '&' || tokens[j].norm === 'the')) {
        if (tokens[j].text !== 'the') sawJoin = true;
        j++;
      }
      const m = sawJoin ? actors.find((x) => x.from === j && x.to <= limit) : undefined;
      if (!m) return group;
      group.push(m);
      last = m;
    }
  };
  const coordinatedBefore = (m: Mention, floor: number): Mention[] => {
    const group = [m];
    let first = m;
    for (;;) {
      let j = first.from - 1;
      let sawJoin = false;
      while (j >= floor && (tokens[j].text === ',' || tokens[j].norm === 'and' || tokens[j].text === '&')) {
        sawJoin = true;
        j--;
      }
      const prev = sawJoin ? actors.find((x) => x.to === j + 1 && x.from >= floor) : undefined;
      if (!prev) return group;
      group.unshift(prev);
      first = prev;
    }
  };
  const inPP = (m: Mention): boolean => {
    for (let j = m.from - 1, k = 0; j >= 0 && k < 3; j--, k++) {
      if (PREPOSITION.test(tokens[j].norm)) return true;
      if (!FILLER.test(tokens[j].norm)) return false;
    }
    return false;
  };
  const subjectOf = (i: number, clause: Clause): Mention[] => {
    const before = actors.filter((m) => m.to <= i && m.from >= clause.from).reverse();
    const main = before.find((m) => !inPP(m) && !m.weak) ?? before.find((m) => !m.weak) ?? before[0];
    if (main) return coordinatedBefore(main, clause.from);
    if (clause.antecedentBefore !== null) {
      const ante = actors.filter((m) => m.to <= clause.antecedentBefore! + 1).pop();
      if (ante) return [ante];
    }
    return [];
  };
  const afterPrep = (from: number, to: number, preps: readonly string[], window = 8): Mention[] => {
    for (const p of preps) {
      for (let j = from; j < Math.min(to, from + window); j++) {
        if (tokens[j].norm !== p) continue;
        const m = mentionAt(j + 1, 4);
        if (m && m.to <= to) return coordinated(m, to);
      }
    }
    return [];
  };

  for (const t of triggers) {
    const clause = clauseAt(clauses, t.head);
    const e = t.entry;
    // "criticized X for releasing …", "by sending …": a gerund after a preposition describes, it reports nothing new
    if (t.form === 'ing' && PREPOSITION.test(tokens[t.from - 1]?.norm ?? '')) continue;
    const prevWords = tokens.slice(Math.max(clause.from, t.from - 4), t.from).map((x) => x.norm);
    const negated = prevWords.slice(-3).some((w) => NEGATION.test(w)) || /\b(?:refused|failed|declined) to\b/.test(prevWords.join(' '));
    const nextWords = tokens.slice(t.to, t.to + 2).map((x) => x.norm).join(' ');
    const hypothetical = prevWords.some((w) => MODAL.test(w)) || (t.from > 0 && tokens[t.from - 1].norm === 'to' && e.pos === 'verb')
      || /^(?:if|unless|whether)$/.test(tokens[clause.from]?.norm ?? '')
      || (e.pos === 'noun' && /^(?:to be|would|will|could|that would|that will)\b/.test(nextWords));
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
      const byAt = tokens.slice(t.to, Math.min(clause.to, t.to + 4)).findIndex((x) => x.norm === 'by');
      const passive = t.form === 'ed' && (beBefore || byAt >= 0 || tokens[t.from - 1]?.norm === 'as');
      if (passive) {
        voice = 'passive';
        const agent = byAt >= 0 ? mentionAt(t.to + byAt + 1, 3) : undefined;
        if (agent) {
          source = coordinated(agent, clause.to);
          explicitSource = true;
        }
        const subj = subjectOf(t.from, clause);
        if (subj.length && !e.speech) {
          target = subj;
          explicitTarget = true;
        }
      } else {
        source = subjectOf(t.from, clause);
        explicitSource = source.length > 0;
      }
      if (e.speech) {
        complement = speechComplement(tokens, t, clause, source);
      } else if (!passive || target.length === 0) {
        const end = clause.to;
        let obj = e.targetPreps.length ? afterPrep(t.to, end, e.targetPreps) : [];
        if (obj.length === 0) {
          const direct = mentionAt(t.to, 5);
          if (direct && !source.includes(direct)) obj = coordinated(direct, end);
        }
        if (obj.length === 0) {
          // "called for the annulment of the A-B declaration": the object's "of" phrase
          const of = tokens.slice(t.to, Math.min(end, t.to + 5)).findIndex((x) => x.norm === 'of');
          const m = of >= 0 ? mentionAt(t.to + of + 1, 4) : undefined;
          if (m) obj = coordinated(m, end);
        }
        if (obj.length === 0 && !passive) obj = afterPrep(t.to, end, ['against', 'with', 'on', 'to', 'towards', 'from'], 6);
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
      if (!explicitTarget && /^(?:in|under)$/.test(tokens[t.from - 1]?.norm ?? '')) {
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
      if (e.speech) complement = speechComplement(tokens, t, clause, source);
      if (e.needArg && !explicitSource && !explicitTarget) continue;
    }

    // symmetric triggers with a compound subject: "A and B met" → A ↔ B
    if (e.sym && target.length === 0 && source.length >= 2) {
      target = source.slice(1);
      source = source.slice(0, 1);
      explicitTarget = true;
    }
    let about: Mention[] = [];
    if (complement) {
      const srcCountries = new Set(source.map((m) => m.country));
      about = actors.filter((m) => m.from >= complement!.from && m.to <= complement!.to && (!m.weak || m.kind === 'region') && !srcCountries.has(m.country) && !source.includes(m));
      if (about.some((m) => m.kind !== 'region')) about = about.filter((m) => m.kind !== 'region');
      if (!explicitTarget && about.length) target = about;
      explicitTarget = explicitTarget || about.length > 0;
    }
    const reportsEvent = !!complement && triggers.some((x) => x !== t && x.from >= complement!.from && x.from < complement!.to);
    out.push({ trigger: t, source, target, third: [], explicitSource, explicitTarget, negated, hypothetical, complement, about, voice, reportsEvent });
  }
  return out;
}

/** What a reporting verb or noun reports: after "that", or the main clause after "As announced by X, …". */
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
  const rest = tokens.slice(t.to, clause.to).filter((x) => x.word);
  if (comma > 2 && rest.length <= 4 && !rest.some((x) => x.norm === 'that') && source.every((m) => m.from > clause.from + comma)) {
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
  return { from, to };
}
