// Folds a place or organisation name to a lookup key: case, diacritics, punctuation and a leading "the" ignored.

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd',
};

/** "  the Türkiye " → "turkiye"; "Côte d’Ivoire" → "cote divoire"; "U.S." → "us". */
export function normalizeName(name: string): string {
  const folded = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđßæœıþð]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    // apostrophes and dots vanish so that "N'Djamena" = "Ndjamena" and "U.S." = "US"
    .replace(/['’‘ʻ`.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/^the /, '');
}
