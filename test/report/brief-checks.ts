// What a reader of a brief checks, as functions the brief tests share: its prose without the reference list, its links, the ids and codes it must not show.
import { countries, igos } from '../../src/codebook/index.js';
import type { Store } from '../../src/store/store.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

/** The visible text of an HTML brief before its reference list: headings, paragraphs, tables and chart labels. */
export function htmlProse(html: string): string {
  const body = html.slice(html.indexOf('<body>'), html.indexOf('<section id="sources">'));
  return decode(body.replace(/<title>[\s\S]*?<\/title>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** The text of a Markdown brief before its reference list, without link targets. */
export function markdownProse(md: string): string {
  return md.slice(0, md.indexOf('\n## Sources')).replace(/\]\([^)]*\)/g, ']').replace(/<a id="[^"]*"><\/a>/g, ' ');
}

/** Every external link of an HTML document (href="http…"), in order, with repeats. */
export const externalHrefs = (html: string): string[] => [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => decode(m[1]));

/** The reference-list part of an HTML brief. */
export const referenceList = (html: string): string => html.slice(html.indexOf('<section id="sources">'));

/** Every id of the knowledge base: actors, events, claims, relations, sources and theses (not dataset rows). */
export async function knowledgeBaseIds(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of ['actors', 'events', 'claims', 'relations', 'sources']) {
    const rows = await store.all<{ id: string }>(`SELECT id FROM ${table} WHERE NOT (origin LIKE 'gdelt%' OR origin LIKE 'icews%' OR origin LIKE 'acled%')`);
    for (const r of rows) out.set(r.id, table);
  }
  const { listTheses } = await import('../../src/store/queries.js');
  for (const t of await listTheses(store)) out.set(t.id, 'theses');
  return out;
}

/** The ids that occur in `text` as whole tokens (case-sensitive; hyphens and dots count as part of a token). */
export function idsIn(text: string, ids: ReadonlyMap<string, string>): string[] {
  const tokens = new Set(text.split(/[^A-Za-z0-9_.\-:]+/).flatMap((t) => [t, t.replace(/^[.:-]+|[.:-]+$/g, '')]));
  return [...ids.keys()].filter((id) => tokens.has(id)).map((id) => `${id} (${ids.get(id)})`);
}

/** Country (ISO3, CAMEO) and IGO codes the codebook has a name for, found as words in `text`. */
export function codesIn(text: string): string[] {
  const known = new Set([...countries().flatMap((c) => [c.iso3, c.cameo]), ...igos().flatMap((i) => [i.code, i.cameo ?? ''])].filter(Boolean));
  return [...new Set((text.match(/\b[A-Z]{3,}\b/g) ?? []).filter((w) => known.has(w)))];
}
