// A wire dateline opening a dispatch ("ADEN, Jan 12 (Example Wire) -"): where it ends, so that its city is no actor
// and its day is the day the dispatch's "on Saturday" and "last week" count back from.

/** The dateline at the start of a sentence: its length in characters and the date text it gives, if any. */
export interface Dateline {
  /** Characters from the sentence start to the end of the dash that closes the dateline. */
  readonly length: number;
  /** The date as written ("Jan 12", "12 January 2025"), or null when the dateline gives none ("KYIV (Reuters) -"). */
  readonly date: string | null;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_MONTH = `(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?`;
// the city in capitals (one to three words, with an optional region or country after a comma), the date, an outlet in
// brackets, then a dash: "ADDIS ABABA, March 14 (Example Wire) -", "BISHKEK, Kyrgyzstan, 3 May (X) —", "KYIV (Reuters) -"
const CITY = "\\p{Lu}[\\p{Lu}'.-]+(?:\\s+\\p{Lu}[\\p{Lu}'.-]+){0,2}(?:,\\s+\\p{Lu}[\\p{L}.]+(?:\\s+\\p{Lu}[\\p{L}.]+)?)?";
const DATELINE = new RegExp(`^${CITY}(?:,\\s+(${DAY_MONTH}))?(?:\\s+\\([^()\\n]{1,40}\\))?\\s+[-–—]+\\s+`, 'u');

/** The dateline `sentence` opens with, or null. */
export function datelineOf(sentence: string): Dateline | null {
  const m = DATELINE.exec(sentence);
  if (!m) return null;
  // a dateline names its date or its outlet; a bare capitalised word and a dash is a list item or a heading
  if (!m[1] && !/\(/.test(m[0])) return null;
  return { length: m[0].length, date: m[1] ?? null };
}
