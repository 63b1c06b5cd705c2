// The regional brief: gathers its content from the store and writes it as HTML (one self-contained page) or Markdown with chart files.
import type { Store } from '../store/store.js';
import { briefData, type BriefData, type BriefOptions } from './brief-data.js';
import { renderBriefHtml } from './brief-html.js';
import { renderBriefMarkdown } from './brief-markdown.js';

export type BriefFormat = 'md' | 'html';

/** A rendered brief: its text and the files it links (chart SVGs beside a Markdown brief; none for HTML). */
export interface BriefOutput {
  readonly data: BriefData;
  readonly text: string;
  readonly files: readonly { readonly name: string; readonly content: string }[];
}

/** The brief of a region in the chosen format; `filePrefix` names the chart files of a Markdown brief. */
export async function brief(store: Store, format: BriefFormat, options: BriefOptions & { filePrefix?: string } = {}): Promise<BriefOutput> {
  const data = await briefData(store, options);
  return renderBrief(data, format, options.filePrefix);
}

/** Renders gathered brief data (pure). */
export function renderBrief(data: BriefData, format: BriefFormat, filePrefix?: string): BriefOutput {
  if (format === 'html') return { data, text: renderBriefHtml(data), files: [] };
  const md = renderBriefMarkdown(data, { prefix: filePrefix });
  return { data, text: md.text, files: md.files };
}

export { briefData, BRIEF_DEFAULTS, type BriefData, type BriefOptions } from './brief-data.js';
export { renderBriefHtml } from './brief-html.js';
export { renderBriefMarkdown, escapeMarkdown } from './brief-markdown.js';
export { escapeXml } from './brief-svg.js';
export { JUDGEMENT_DEFAULTS, ICD203_LIKELIHOOD } from './estimative.js';
