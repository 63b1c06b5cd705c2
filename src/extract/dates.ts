// Dates in a sentence: explicit ones through chrono-node (day-first), vague and relative ones ("at the end of 2020",
// "since 2008", "three days later") through our own patterns, as intervals with a precision.
import * as chrono from 'chrono-node';
import { daysInMonth, type DateInterval, type Precision } from '../model/date-interval.js';

export interface DateMention {
  /** Offsets in the whole text. */
  readonly start: number;
  readonly end: number;
  readonly interval: DateInterval;
  readonly text: string;
  /** The text writes the year out ("12 March 2024", "in 2023"), so later year-less dates follow it. */
  readonly explicitYear: boolean;
}

export interface DateContext {
  /** The document date (YYYY-MM-DD) that relative and partial dates are resolved against. */
  readonly published: string;
  /** The last date mentioned before this sentence, for "three days later" and "the next day". */
  readonly last: DateInterval | null;
  /** The last year the text wrote out: "On 5 March" after "In 2023, …" is 5 March 2023. */
  readonly year?: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const yearEnd = (y: number) => `${y}-12-31`;
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
const interval = (start: string, end: string, precision: Precision): DateInterval => (start <= end ? { start, end, precision } : { start: end, end: start, precision });
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

const NUMBER: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: 3, few: 3,
};
const MONTH_WORD = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b/i;
const MAY_CONTEXT = /\b(?:in|since|by|until|till|from|of|early|late|mid|last|next|this|before|after|during|through)\s+$/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Thirds of a year: "beginning of 2025" is January–April, "middle" May–August, "end" September–December.
const PART: ReadonlyArray<[RegExp, number, number]> = [
  [/^(?:very )?(?:beginning|start|early part|first months?|early|outset|dawn)$/, 1, 4],
  [/^(?:middle|mid|midst)$/, 5, 8],
  [/^(?:very )?(?:end|close|last months?|latter part|late|final months?)$/, 9, 12],
  [/^first half$/, 1, 6],
  [/^second half$/, 7, 12],
];

/** Every date the sentence gives, in text order. */
export function findDates(sentence: string, base: number, ctx: DateContext): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);
  const push = (a: number, b: number, iv: DateInterval | null, explicitYear = true) => {
    if (!iv || !free(a, b)) return;
    taken.push([a, b]);
    found.push({ start: base + a, end: base + b, interval: iv, text: sentence.slice(a, b), explicitYear });
  };
  const pubYear = Number(ctx.published.slice(0, 4));
  let m: RegExpExecArray | null;

  // vague parts of a year
  const partRe = /\b(?:(?:at|in|by|towards?|until|since|from|during)\s+)?(?:the\s+)?(very beginning|very end|beginning|start|early part|first months?|outset|middle|midst|end|close|last months?|latter part|final months?|first half|second half)\s+of\s+(?:the\s+year\s+)?(\d{4})\b/gi;
  while ((m = partRe.exec(sentence))) {
    const y = Number(m[2]);
    const part = PART.find(([re]) => re.test(m![1].toLowerCase()));
    if (part) push(m.index, m.index + m[0].length, interval(`${y}-${pad(part[1])}-01`, monthEnd(y, part[2]), 'season'));
  }
  const emlRe = /\b(early|mid|late)[- ](\d{4})(s?)\b/gi;
  while ((m = emlRe.exec(sentence))) {
    const y = Number(m[2]);
    const part = PART.find(([re]) => re.test(m![1].toLowerCase()))!;
    if (m[3]) {
      const third = part[1] === 1 ? [0, 3] : part[1] === 5 ? [3, 6] : [7, 9];
      push(m.index, m.index + m[0].length, interval(`${y + third[0]}-01-01`, yearEnd(y + third[1]), 'decade'));
    } else push(m.index, m.index + m[0].length, interval(`${y}-${pad(part[1])}-01`, monthEnd(y, part[2]), 'season'));
  }
  const seasonRe = /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi;
  while ((m = seasonRe.exec(sentence))) {
    const y = Number(m[2]);
    const s = m[1].toLowerCase();
    const iv = s === 'winter' ? interval(`${y - 1}-12-01`, monthEnd(y, 2), 'season')
      : s === 'spring' ? interval(`${y}-03-01`, monthEnd(y, 5), 'season')
        : s === 'summer' ? interval(`${y}-06-01`, monthEnd(y, 8), 'season') : interval(`${y}-09-01`, monthEnd(y, 11), 'season');
    push(m.index, m.index + m[0].length, iv);
  }

  // "in the spring", "last summer": the latest such season that began by the document date (or in the year the text
  // last wrote out)
  const bareSeasonRe = /\b(?:in|during|over|by|since|last)\s+(?:the\s+)?(spring|summer|autumn|fall|winter)\b(?!\s+(?:of\s+)?\d{4})/gi;
  while ((m = bareSeasonRe.exec(sentence))) {
    const s = m[1].toLowerCase();
    const first = s === 'winter' ? 12 : s === 'spring' ? 3 : s === 'summer' ? 6 : 9;
    let y = ctx.year ?? pubYear;
    if (!ctx.year && `${y}-${pad(first)}-01` > ctx.published) y -= 1;
    const iv = s === 'winter' ? interval(`${y}-12-01`, monthEnd(y + 1, 2), 'season') : interval(`${y}-${pad(first)}-01`, monthEnd(y, first + 2), 'season');
    push(m.index, m.index + m[0].length, iv, false);
  }

  // explicit dates (chrono, day-first) — only when the sentence has a month name, a numeric date or a weekday
  if (MONTH_WORD.test(sentence)) {
    const ref = new Date(`${ctx.published}T12:00:00Z`);
    for (const r of chrono.en.GB.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const text = r.text.replace(/[\s,.;:]+$/, '');
      // "may" is a modal, except capitalised after a word that takes a month ("In May,", "since May", "early May")
      const month = text.trim() === 'May' && MAY_CONTEXT.test(sentence.slice(Math.max(0, r.index - 12), r.index));
      if (!MONTH_WORD.test(text) || (/^(?:now|may)$/i.test(text.trim()) && !month) || /\b(?:hours?|minutes?|seconds?)\b/i.test(text)) continue;
      const s = r.start;
      const mo = s.get('month') ?? 1;
      // "March 14" is the 14th, not 2014: a year counts only when the text writes four digits
      const certainYear = s.isCertain('year') && /\d{4}/.test(text);
      if (!certainYear && s.isCertain('year') && !s.isCertain('day')) {
        const dayNum = /\b(\d{1,2})\b/.exec(text);
        if (dayNum) (s as unknown as { assign(component: 'day', value: number): void }).assign('day', Number(dayNum[1]));
      }
      // a month or day without a year: the latest such date not after the document date, within the year the text
      // last wrote out when it gave one
      let y = certainYear ? (s.get('year') ?? pubYear) : (ctx.year ?? pubYear);
      if (!certainYear && !ctx.year && `${y}-${pad(mo)}-${pad(s.isCertain('day') ? (s.get('day') ?? 1) : 1)}` > ctx.published) y -= 1;
      // "on Sunday evening": the part of the day does not change the day
      const weekday = WEEKDAYS.findIndex((w) => new RegExp(`^(?:on\\s+|last\\s+)?${w}(?:\\s+(?:morning|afternoon|evening|night))?$`, 'i').test(text.trim()));
      let iv: DateInterval;
      if (weekday >= 0) {
        // news usage: "on Wednesday" is the last such day on or before the document date
        const pub = new Date(`${ctx.published}T00:00:00Z`);
        const back = (pub.getUTCDay() - weekday + 7) % 7;
        const day = addDays(ctx.published, -back);
        iv = interval(day, day, 'day');
      } else if (s.isCertain('day')) {
        const day = `${y}-${pad(mo)}-${pad(s.get('day') ?? 1)}`;
        iv = interval(day, day, 'day');
      } else if (s.isCertain('month')) {
        iv = interval(`${y}-${pad(mo)}-01`, monthEnd(y, mo), 'month');
      } else if (/yesterday|today/i.test(text)) {
        const day = iso(s.date());
        iv = interval(day, day, 'day');
      } else continue;
      push(r.index, r.index + text.length, iv, certainYear);
    }
  }

  // relative to the last date mentioned
  const relRe = /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d{1,3})\s+(day|week|month|year)s?\s+(later|after(?:wards)?|earlier|before|afterwards)|the\s+(next|following|previous)\s+(day|week|month|year)|the\s+(day|week)\s+(before|after))\b/gi;
  while ((m = relRe.exec(sentence))) {
    // "met on 8 January, and signed the deal the following week": a date earlier in the same sentence comes first
    const at = m.index;
    const anchor = found.filter((f) => f.end - base <= at).sort((a, b) => a.end - b.end).pop()?.interval ?? ctx.last;
    if (!anchor) continue;
    let n: number;
    let unit: string;
    let sign: number;
    if (m[1]) {
      n = NUMBER[m[1].toLowerCase()] ?? Number(m[1]);
      unit = m[2].toLowerCase();
      sign = /earlier|before/i.test(m[3]) ? -1 : 1;
    } else if (m[4]) {
      n = 1;
      unit = m[5].toLowerCase();
      sign = m[4].toLowerCase() === 'previous' ? -1 : 1;
    } else {
      n = 1;
      unit = m[6].toLowerCase();
      sign = m[7].toLowerCase() === 'before' ? -1 : 1;
    }
    const from = sign > 0 ? anchor.end : anchor.start;
    const days = unit === 'day' ? n : unit === 'week' ? 7 * n : unit === 'month' ? 30 * n : 365 * n;
    const day = addDays(from, sign * days);
    const precision: Precision = unit === 'day' ? 'day' : unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year';
    // "in December … the following week": a week after a day of that month, not a week after its end
    const span = (Date.parse(anchor.end) - Date.parse(anchor.start)) / 86_400_000;
    if (span >= days) {
      push(m.index, m.index + m[0].length, interval(addDays(anchor.start, sign * days), addDays(anchor.end, sign * days), anchor.precision), false);
      continue;
    }
    push(m.index, m.index + m[0].length, unit === 'day' ? interval(day, day, 'day') : interval(addDays(day, -Math.floor(days / 4)), addDays(day, Math.floor(days / 4)), precision), false);
  }

  // "earlier that month", "later that year", "that same week": the anchor's month, year or week, before or after it
  const thatRe = /\b(?:(earlier|later)\s+that|that\s+same)\s+(week|month|year)\b/gi;
  while ((m = thatRe.exec(sentence))) {
    const at = m.index;
    const anchor = found.filter((f) => f.end - base <= at).sort((a, b) => a.end - b.end).pop()?.interval ?? ctx.last;
    if (!anchor || anchor.precision !== 'day') continue;
    const unit = m[2].toLowerCase();
    const [y, mo] = [Number(anchor.start.slice(0, 4)), Number(anchor.start.slice(5, 7))];
    const first = unit === 'year' ? `${y}-01-01` : unit === 'month' ? `${y}-${pad(mo)}-01` : addDays(anchor.start, -3);
    const last = unit === 'year' ? yearEnd(y) : unit === 'month' ? monthEnd(y, mo) : addDays(anchor.end, 3);
    const which = m[1]?.toLowerCase();
    const [from, to] = which === 'earlier' ? [first, addDays(anchor.start, -1)] : which === 'later' ? [addDays(anchor.end, 1), last] : [first, last];
    if (from > to) continue;
    push(m.index, m.index + m[0].length, interval(from, to, unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year'), false);
  }

  // relative to the document date
  const docRe = /\b(last|this|next|earlier this|later this)\s+(year|month|week)\b/gi;
  while ((m = docRe.exec(sentence))) {
    const which = m[1].toLowerCase();
    const unit = m[2].toLowerCase();
    const pub = ctx.published;
    const y = pubYear;
    const mo = Number(pub.slice(5, 7));
    let iv: DateInterval;
    if (unit === 'year') {
      const yy = which === 'last' ? y - 1 : which === 'next' ? y + 1 : y;
      iv = which === 'earlier this' ? interval(`${y}-01-01`, pub, 'year') : interval(`${yy}-01-01`, yearEnd(yy), 'year');
    } else if (unit === 'month') {
      const d = new Date(Date.UTC(y, mo - 1 + (which === 'last' ? -1 : which === 'next' ? 1 : 0), 1));
      iv = interval(iso(d), monthEnd(d.getUTCFullYear(), d.getUTCMonth() + 1), 'month');
    } else {
      const shift = which === 'last' ? -7 : which === 'next' ? 7 : 0;
      iv = interval(addDays(pub, shift - 3), addDays(pub, shift + 3), 'day');
    }
    push(m.index, m.index + m[0].length, iv, false);
  }

  // "struck … overnight": the night before the day of writing
  const nightRe = /\bovernight\b/gi;
  while ((m = nightRe.exec(sentence))) push(m.index, m.index + m[0].length, interval(addDays(ctx.published, -1), ctx.published, 'day'), false);

  // decades and years: "since the 1990s", "in the 2010s", "since 2008", "in 2024", "after 2020"
  const yearRe = /\b(since|in|during|throughout|by|of|from|until|till|after|for|before)\s+(?:the\s+)?(?:(early|late)\s+)?(1[89]\d{2}|20\d{2})(s)?(?!\s*[-–/.]\d)\b/gi;
  while ((m = yearRe.exec(sentence))) {
    const prep = m[1].toLowerCase();
    const y = Number(m[3]);
    const decade = !!m[4];
    let iv: DateInterval;
    if (prep === 'before') continue;
    if (decade) {
      if (y % 10 !== 0) continue;
      iv = prep === 'since' ? interval(`${y}-01-01`, ctx.published, 'decade') : interval(`${y}-01-01`, yearEnd(y + 9), 'decade');
    } else if (prep === 'since') {
      iv = interval(`${y}-01-01`, ctx.published >= `${y}-01-01` ? ctx.published : yearEnd(y), 'year');
    } else if (prep === 'after') {
      iv = interval(`${y + 1}-01-01`, ctx.published > `${y + 1}-01-01` ? ctx.published : yearEnd(y + 1), 'year');
    } else iv = interval(`${y}-01-01`, yearEnd(y), 'year');
    push(m.index, m.index + m[0].length, iv);
  }

  return found.sort((a, b) => a.start - b.start);
}
