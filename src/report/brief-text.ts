// Sentences of the brief shared by its Markdown and HTML forms.
import type { Citation } from './citations.js';
import type { Judgement } from './judgements.js';
import type { ScenarioDimensionView } from './brief-scenarios.js';
import { humanDay } from './names.js';
import { COMPARE_DEFAULTS } from '../simulate/compare.js';

/** The judgement's statement (ICD 203 keeps the confidence level out of this sentence). */
export const judgementLead = (j: Judgement): string => j.statement;

/** "We hold this judgement with low confidence: …" — a sentence of its own, without a likelihood word. */
export const confidenceSentence = (j: Judgement): string => `Confidence in this judgement is ${j.confidence}: ${j.confidenceReason}.`;

export const verdictLabel = (v: string): string =>
  v === 'supported' ? 'Supported' : v === 'contradicted' ? 'Contradicted' : v === 'mixed' ? 'Mixed' : v === 'insufficient evidence' ? 'Insufficient evidence' : 'Not evaluated';

/** A reference-list entry without its address: outlet, date, “title” (or what a page without a recorded title was cited for). */
export function citationText(c: Citation): string {
  const parts = [c.outlet, c.published ? humanDay(c.published) : null, c.title ? `“${c.title}”` : c.citedFor ? `page cited for ${c.citedFor} (title not recorded in the knowledge base)` : null];
  return parts.filter(Boolean).join(', ');
}

const andList = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "Azerbaijan and Israel moved to the side of Georgia, Türkiye and 3 others." */
export function switchText(s: { readonly movers: readonly string[]; readonly joined: readonly string[] }): string {
  const list = andList(s.movers);
  const who = list.charAt(0).toUpperCase() + list.slice(1);
  if (!s.joined.length) return `${who} formed a camp of ${s.movers.length === 1 ? 'its' : 'their'} own`;
  const side = s.joined.length > 4 ? `${s.joined.slice(0, 3).join(', ')} and ${s.joined.length - 3} others` : andList(s.joined);
  return `${who} moved to the side of ${side}`;
}

/** How the models compare on one dimension, in words. */
export function scenarioModelsText(x: ScenarioDimensionView): string {
  const spread = `The models are ${x.spread.toFixed(1)} points apart`;
  const bar = `${Math.round(COMPARE_DEFAULTS.disagreeShare * 100)}% of the scale`;
  return x.disagree ? `${spread}, more than ${bar}: no single figure should be read as the forecast.` : `${spread}: they agree within ${bar}.`;
}

/** A retrodicted scenario's row label: its title, the inputs' date unless the title gives it, and the outcome's date. */
export function retroLabel(r: { readonly title: string; readonly asOf: string; readonly outcomeDate: string }): string {
  return `${r.title}${/\bas of\b/.test(r.title) ? '' : ` (inputs as of ${humanDay(r.asOf)})`}; outcome ${humanDay(r.outcomeDate)}`;
}
