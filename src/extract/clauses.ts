// Clause boundaries inside a sentence: semicolons, colons, dashes and commas that open a subordinate or relative clause.
import type { Token } from './tokens.js';

export interface Clause {
  readonly from: number;
  readonly to: number;
  /** For a relative clause (", which …", ", who …"): the token index just before its comma. */
  readonly antecedentBefore: number | null;
}

const OPENERS = /^(?:although|though|while|whereas|but|however|which|who|whom|yet|since|because|so|despite|unless)$/;

/** Splits the sentence's tokens into clauses. */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  let antecedent: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const hard = t === ';' || t === ':' || ((t === '—' || t === '–') && i > 0 && tokens[i - 1].end < tokens[i].start);
    const soft = t === ',' && i + 1 < tokens.length && OPENERS.test(tokens[i + 1].norm);
    if (hard || soft) {
      if (i > from) out.push({ from, to: i, antecedentBefore: antecedent });
      antecedent = soft && /^(?:which|who|whom)$/.test(tokens[i + 1].norm) ? i - 1 : null;
      from = i + 1;
    }
  }
  if (from < tokens.length) out.push({ from, to: tokens.length, antecedentBefore: antecedent });
  return out;
}

/** The clause holding token `i`. */
export function clauseAt(clauses: readonly Clause[], i: number): Clause {
  return clauses.find((c) => i >= c.from && i < c.to) ?? { from: 0, to: Number.MAX_SAFE_INTEGER, antecedentBefore: null };
}
