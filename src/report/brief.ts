// The regional brief: gathers its content from the store and writes it as Markdown or HTML.
import type { Store } from '../store/store.js';
import { briefData, type BriefOptions } from './brief-data.js';
import { renderBriefHtml } from './brief-html.js';
import { renderBriefMarkdown } from './brief-markdown.js';

export type BriefFormat = 'md' | 'html';

/** The brief of a region as text in the chosen format. */
export async function brief(store: Store, format: BriefFormat, options: BriefOptions = {}): Promise<string> {
  const data = await briefData(store, options);
  return format === 'html' ? renderBriefHtml(data) : renderBriefMarkdown(data);
}

export { briefData, BRIEF_DEFAULTS, type BriefData, type BriefOptions } from './brief-data.js';
export { renderBriefHtml } from './brief-html.js';
export { renderBriefMarkdown, escapeMarkdown } from './brief-markdown.js';
export { escapeXml } from './brief-svg.js';
