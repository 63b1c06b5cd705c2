// Access dates of notes: "Access Date: 11.07.2025" (day first), "accessed 2025-07-11", "retrieved 12 August 2025".
import { isCalendarDay } from '../model/date-interval.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number): string | null => {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isCalendarDay(s) ? s : null;
};

/** Parses one written date: DD.MM.YYYY and DD/MM/YYYY are day first; ISO; "12 August 2025"; "August 12, 2025". */
export function parseWrittenDate(s: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s))) return day(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(s))) return day(+m[3], +m[2], +m[1]);
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})/i.exec(s))) {
    const mo = MONTHS[m[2].slice(0, m[2].toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    return mo ? day(+m[3], mo, +m[1]) : null;
  }
  if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i.exec(s))) {
    const mo = MONTHS[m[1].slice(0, 3).toLowerCase()];
    return mo ? day(+m[3], mo, +m[2]) : null;
  }
  return null;
}

/** The access date a note gives after "accessed", "access date", "retrieved" or "viewed"; null when none. */
export function parseAccessDate(note: string): string | null {
  const re = /\b(?:access(?:ed)?(?:\s+(?:date|on))?|retrieved(?:\s+on)?|viewed(?:\s+on)?|last\s+visited|consulted(?:\s+on)?)\s*[:\-–]?\s*/gi;
  for (let m = re.exec(note); m; m = re.exec(note)) {
    const d = parseWrittenDate(note.slice(m.index + m[0].length).trim());
    if (d) return d;
  }
  return null;
}
