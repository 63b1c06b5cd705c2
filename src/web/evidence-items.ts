// How an evidence item of the ACH matrix reads to an analyst: names instead of codes, what a structural row is, an event's day and summary.
import type { AchResult } from './api.js';

export type AchItem = AchResult['evidence'][number];

/** Kinds of evidence item in the order the matrix lists them within the diagnostic and non-diagnostic groups. */
export const KIND_ORDER = ['structural', 'claim', 'event', 'dataset', 'format', 'relation'] as const;

/** What the kind badge of a row says. */
export const KIND_LABEL: Readonly<Record<string, string>> = {
  structural: 'data',
  claim: 'claim',
  event: 'event',
  dataset: 'dataset',
  format: 'format',
  relation: 'relation',
};

/** Replaces country and IGO codes standing alone in a text (ARM, IGOCSTO) by their names, where a name is known. */
export function namesForCodes(text: string, name: (id: string) => string): string {
  return text.replace(/\b(?:IGO[A-Z]{2,}|[A-Z]{3})\b/g, (code) => name(code));
}

/**
 * A structural row named by its id (`unga:ARM-RUS:2019`, `sipri:ARM<RUS:2021`, `milex:ARM:2024`, `ucdp:388:2020`,
 * as src/measure/structural-indicators.ts cites them), in words; null for any other id.
 */
export function structuralLabel(id: string, name: (id: string) => string): string | null {
  let m = /^unga:([A-Z0-9]+)-([A-Z0-9]+):(\d{4})$/.exec(id);
  if (m) return `UNGA votes of ${name(m[1])} and ${name(m[2])}, ${m[3]}`;
  m = /^sipri:([A-Z0-9]+)<([A-Z0-9]+):(\d{4})$/.exec(id);
  if (m) return `SIPRI arms deliveries from ${name(m[2])} to ${name(m[1])}, ${m[3]}`;
  m = /^milex:([A-Z0-9]+):(\d{4})$/.exec(id);
  if (m) return `SIPRI military burden of ${name(m[1])}, ${m[2]}`;
  m = /^ucdp:([^:]+):(\d{4})$/.exec(id);
  if (m) return `UCDP conflict ${m[1]}, ${m[2]}`;
  return null;
}

/** The row's text: an event's day and summary, a structural row in words, any other label with names for codes. */
export function itemLabel(item: Pick<AchItem, 'id' | 'kind' | 'label' | 'day' | 'summary'>, name: (id: string) => string): string {
  if (item.kind === 'event' && item.summary) return `${item.day ?? ''} · ${item.summary}`.replace(/^ · /, '');
  if (item.kind === 'structural') return structuralLabel(item.id, name) ?? namesForCodes(item.label, name);
  if (item.kind === 'relation') return namesForCodes(item.label.replace(/^([a-z]+(?:-[a-z]+)*) /, (_, t: string) => `${t.replace(/-/g, ' ')}: `), name);
  return namesForCodes(item.label, name);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'between', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'without']);

/** A question id (`armenia-as-a-russian-platform`) as a heading in title case: "Armenia as a Russian Platform". */
export function questionTitle(question: string): string {
  return question
    .split('-')
    .filter(Boolean)
    .map((w, i) => (w === 'plus' ? '+' : i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ')
    .replace(/ \+ /g, '+');
}

/** Matrix rows in reading order: diagnostic items first, then by kind, then newest event first, then by label. */
export function sortItems<T extends Pick<AchItem, 'diagnostic' | 'kind' | 'label' | 'day'>>(items: readonly T[]): T[] {
  const rank = (k: string) => {
    const i = (KIND_ORDER as readonly string[]).indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...items].sort(
    (a, b) => Number(b.diagnostic) - Number(a.diagnostic) || rank(a.kind) - rank(b.kind) || (b.day ?? '').localeCompare(a.day ?? '') || a.label.localeCompare(b.label),
  );
}
