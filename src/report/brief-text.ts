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

/** "Azerbaijan joined Armenia, Russia and 3 more." */
export function switchText(s: { readonly actor: string; readonly joined: readonly string[] }): string {
  if (!s.joined.length) return `${s.actor} stood alone`;
  return `${s.actor} joined ${s.joined.slice(0, 3).join(', ')}${s.joined.length > 3 ? ` and ${s.joined.length - 3} more` : ''}`;
}

/** How the models compare on one dimension, in words. */
export function scenarioModelsText(x: ScenarioDimensionView): string {
  const spread = `The models are ${x.spread.toFixed(1)} points apart`;
  const bar = `${Math.round(COMPARE_DEFAULTS.disagreeShare * 100)}% of the scale`;
  return x.disagree ? `${spread}, more than ${bar}: no single figure should be read as the forecast.` : `${spread}: they agree within ${bar}.`;
}
