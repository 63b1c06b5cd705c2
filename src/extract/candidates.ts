// Candidate proper names that no gazetteer knows, proposed (not coded) with compromise's tagger on a budget.
import nlp from 'compromise';
import type { Candidate } from './contract.js';
import type { Mention } from './mentions.js';
import type { Sentence } from './sentences.js';
import { tokenize } from './tokens.js';

export interface CandidateOptions {
  /** At most this many sentences go through compromise (it is the slowest stage); the rest are skipped. */
  readonly maxSentences?: number;
  /** And at most this many characters in all: a budget on the work, whatever the shape of the sentences. */
  readonly maxChars?: number;
}

/** At most this many distinct candidate names are kept: a page of capitalised words must not grow the output unboundedly. */
const MAX_CANDIDATES = 2000;

const COMMON_CAPITALISED = /^(?:The|A|An|In|On|At|This|That|These|Those|It|Its|However|But|And|As|For|From|With|While|Although|Despite|Following|Moreover|Otherwise|Under|Within|Beyond|After|Before|Since|When|If|Yet|Thus|Meanwhile|Such|Our|We|He|She|They|Their|His|Her|Mr|Mrs|Ms|Dr|I)$/;

/** Runs of capitalised words outside known mentions, classified by compromise where the budget allows. */
export function proposeCandidates(sentences: readonly Sentence[], mentions: readonly Mention[][], options: CandidateOptions = {}): { candidates: Candidate[]; sentencesRead: number } {
  const budget = options.maxSentences ?? 400;
  const charBudget = options.maxChars ?? 60_000;
  const tally = new Map<string, Candidate>();
  let used = 0;
  let chars = 0;
  sentences.forEach((s, k) => {
    const tokens = tokenize(s.text, s.start);
    const coveredAt = new Uint8Array(tokens.length);
    for (const m of mentions[k] ?? []) coveredAt.fill(1, m.from, m.to);
    const covered = (i: number) => coveredAt[i] === 1;
    const runs: string[] = [];
    if (tally.size >= MAX_CANDIDATES) return;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i].cap || !tokens[i].word || covered(i) || COMMON_CAPITALISED.test(tokens[i].text)) continue;
      let j = i;
      while (j < tokens.length && tokens[j].cap && tokens[j].word && !covered(j)) j++;
      if (j - i >= 2 || (i > 0 && !/^[.!?“"]$/.test(tokens[i - 1].text))) runs.push(tokens.slice(i, j).map((t) => t.text).join(' '));
      i = j;
    }
    if (runs.length === 0) return;
    const kinds = new Map<string, Candidate['kind']>();
    if (used < budget && chars + s.text.length <= charBudget) {
      used++;
      chars += s.text.length;
      const doc = nlp(s.text);
      for (const p of doc.people().out('array') as string[]) kinds.set(clean(p), 'person');
      for (const p of doc.places().out('array') as string[]) kinds.set(clean(p), 'place');
      for (const p of doc.organizations().out('array') as string[]) kinds.set(clean(p), 'organization');
    }
    for (const r of runs) {
      const kind = kinds.get(r) ?? [...kinds.entries()].find(([k2]) => k2.includes(r) || r.includes(k2))?.[1] ?? 'unknown';
      const c = tally.get(r);
      if (c) tally.set(r, { ...c, mentions: c.mentions + 1 });
      else tally.set(r, { name: r, kind, mentions: 1 });
    }
  });
  return { candidates: [...tally.values()].filter((c) => c.kind !== 'unknown' || c.mentions > 1 || c.name.includes(' ')), sentencesRead: used };
}

const clean = (s: string) => s.replace(/[’']s$/, '').replace(/[^\p{L}\p{N} -]/gu, '').trim();
