// Word tokens with offsets: the unit every matcher in the extractor works on.

export interface Token {
  /** As written. */
  readonly text: string;
  /** Lower case, diacritics folded, typographic apostrophes made plain. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** First letter upper case. */
  readonly cap: boolean;
  /** A word (letters or digits) rather than punctuation. */
  readonly word: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?<!['’]s)|['’]s\b|\S/gu;

/** Folds a word to its lookup form. */
export function fold(s: string): string {
  // plain ASCII letters and digits (most tokens) need only lower case
  if (/^[A-Za-z0-9]*$/.test(s)) return s.toLowerCase();
  return s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(/\./g, '');
}

/** Tokens of `text`, offsets shifted by `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const word = /[\p{L}\p{N}]/u.test(t) && !/^['’]s$/.test(t);
    out.push({ text: t, norm: fold(t), start: base + m.index, end: base + m.index + t.length, cap: /^\p{Lu}/u.test(t), word });
  }
  return out;
}
