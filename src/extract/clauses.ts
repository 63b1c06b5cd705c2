// Clause boundaries inside a sentence: semicolons, colons, dashes, commas that open a subordinate or relative clause,
// and the comma that closes a sentence-initial subordinate clause ("When X hinted …, Y broke off relations").
import type { Token } from './tokens.js';
import type { TriggerHit } from './triggers.js';
import type { Mention } from './mentions.js';

export interface Clause {
  readonly from: number;
  readonly to: number;
  /** For a relative clause (", which …", ", who …"): the token index just before its comma. */
  readonly antecedentBefore: number | null;
  /**
   * For the main clause resumed after a relative one ("X, who chairs Y, invited Z"): the token index just before the
   * relative clause's comma, where the resumed verb's subject ends.
   */
  readonly resumesAfter?: number | null;
}

const OPENERS = /^(?:although|though|while|whereas|but|however|which|who|whom|yet|since|because|so|despite|unless|even)$/;
// Words that open a subordinate clause; at the start of a sentence the clause runs to the first comma.
const SUBORDINATORS = /^(?:when|after|before|once|while|although|though|because|since|if|unless|until|whereas|whenever|following|despite|amid)$/;
// Mid-sentence, a subordinator opens a clause only before a subject and its verb ("Y broke off ties when X hinted").
const MID_SUBORDINATORS = /^(?:when|while|because|although|though|whereas|unless|after|before|if|as|once|until|since)$/;

// After a relative clause's closing comma, a finite verb or auxiliary resumes the main clause ("X, which …, appears to").
const RESUMING = /^(?:appears|appeared|seems|seemed|is|are|was|were|has|have|had|will|would|remains|remained|may|might|could|can|must|should|did|does)$/;

/** Splits the sentence's tokens into clauses; `triggers` and `mentions` let a mid-sentence subordinator count. */
export function splitClauses(tokens: readonly Token[], triggers: readonly TriggerHit[] = [], mentions: readonly Mention[] = []): Clause[] {
  const cuts = new Map<number, boolean>(); // token index of the boundary → opens a relative clause
  let first = 0;
  while (first < tokens.length && !tokens[first].word) first++;
  if (first < tokens.length && SUBORDINATORS.test(tokens[first].norm)) {
    for (let i = first + 2; i < tokens.length; i++) {
      if (tokens[i].text === ',') {
        cuts.set(i, false);
        break;
      }
    }
  }
  const mentionStarts = new Set(mentions.map((m) => m.from));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const hard = t === ';' || t === ':' || ((t === '—' || t === '–') && i > 0 && tokens[i - 1].end < tokens[i].start);
    const soft = t === ',' && i + 1 < tokens.length && OPENERS.test(tokens[i + 1].norm);
    if (hard || soft) cuts.set(i, soft && /^(?:which|who|whom)$/.test(tokens[i + 1].norm));
    // "Y broke off relations when X hinted …": cut before the subordinator when a subject and a verb trigger follow
    if (i > 2 && MID_SUBORDINATORS.test(tokens[i].norm) && tokens[i - 1].text !== ',') {
      const subj = [1, 2, 3].some((d) => mentionStarts.has(i + d));
      const verb = triggers.some((x) => x.entry.pos === 'verb' && x.from > i + 1 && x.from <= i + 8);
      const verbBefore = triggers.some((x) => x.entry.pos === 'verb' && x.to <= i);
      if (subj && verb && verbBefore) cuts.set(i - 1, false);
    }
  }
  // "X, who chairs Y, invited Z": a relative clause ends at the comma after which the main clause's verb resumes
  const resumes = new Map<number, number>(); // comma index → token before the relative clause's comma
  for (const [i, relative] of cuts) {
    if (!relative) continue;
    for (let j = i + 3; j < tokens.length; j++) {
      if (cuts.has(j) || tokens[j].text === ';' || tokens[j].text === ':') break;
      if (tokens[j].text !== ',') continue;
      let k = j + 1;
      while (k < tokens.length && k < j + 3 && /^(?:also|later|then|swiftly|quickly|promptly|immediately|subsequently|on|has|have|had)$/.test(tokens[k].norm)) k++;
      if (triggers.some((x) => x.entry.pos === 'verb' && x.from === k && (x.form === 'ed' || x.form === 's')) || RESUMING.test(tokens[j + 1]?.norm ?? '')) resumes.set(j, i - 1);
      break;
    }
  }
  for (const j of resumes.keys()) cuts.set(j, false);
  const out: Clause[] = [];
  let from = 0;
  let antecedent: number | null = null;
  let resumed: number | null = null;
  for (const i of [...cuts.keys()].sort((a, b) => a - b)) {
    if (i >= from) {
      const cutIsToken = tokens[i].text === ',' || tokens[i].text === ';' || tokens[i].text === ':' || tokens[i].text === '—' || tokens[i].text === '–';
      const end = cutIsToken ? i : i + 1;
      if (end > from) out.push({ from, to: end, antecedentBefore: antecedent, resumesAfter: resumed });
      antecedent = cuts.get(i) ? i - 1 : null;
      resumed = resumes.get(i) ?? null;
      from = cutIsToken ? i + 1 : i + 1;
    }
  }
  if (from < tokens.length) out.push({ from, to: tokens.length, antecedentBefore: antecedent, resumesAfter: resumed });
  return out;
}

/** The clause holding token `i`. */
export function clauseAt(clauses: readonly Clause[], i: number): Clause {
  return clauses.find((c) => i >= c.from && i < c.to) ?? { from: 0, to: Number.MAX_SAFE_INTEGER, antecedentBefore: null };
}
