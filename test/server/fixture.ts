// Shared by the server and browser tests: an in-memory store with the built-in region plus an article whose text carries markup.
import type { Claim, Event, Source } from '../../src/model/index.js';
import { builtinRegionDir, readRegionDir } from '../../src/ingest/curated/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { loadKnowledgeBase, writeKnowledgeBase } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';

/** Every markup probe sets window.__xss when it runs; a safe renderer leaves it undefined. */
export const HOSTILE_TITLE = 'Border talks <script>window.__xss = "title"</script> resume';
export const HOSTILE_SUMMARY = 'Envoys met <img src=x onerror="window.__xss = \'summary\'"> in Tbilisi <script>window.__xss = "summary-script"</script>';
export const HOSTILE_CLAIM = 'Troops moved <script>window.__xss = "claim"</script> at night';
export const HOSTILE_URL = 'https://example.org/hostile-article';
export const HOSTILE_ORIGIN = 'article:0000hostile';

export async function regionStore(options: { hostile?: boolean } = {}): Promise<Store> {
  const store = await openStore(':memory:');
  const r = readRegionDir(builtinRegionDir());
  if (!r.ok) throw new Error(`the built-in region does not validate: ${r.issues.map((i) => `${i.file}:${i.line} ${i.field} ${i.message}`).join('; ')}`);
  await loadKnowledgeBase(store, r.kb, r.hash);
  if (options.hostile) await addHostileArticle(store);
  return store;
}

/** Adds one source, event and claim under an article origin, each with markup in its text. */
export async function addHostileArticle(store: Store): Promise<void> {
  const source = {
    id: 'hostile-source',
    kind: 'article',
    outlet: 'The <b>Hostile</b> Gazette',
    title: HOSTILE_TITLE,
    authors: [],
    url: HOSTILE_URL,
    published: '2025-06-02',
    accessed: null,
    language: 'en',
  } as unknown as Source;
  const event = {
    id: 'hostile-event',
    date: { start: '2025-06-02', end: '2025-06-02', precision: 'day' },
    cameo: '043',
    quad: 1,
    goldstein: 2.8,
    plover: null,
    source: ['ARM'],
    target: ['AZE'],
    third: [],
    location: null,
    summary: HOSTILE_SUMMARY,
    sources: ['hostile-source'],
    confidence: 0.6,
    negated: false,
    hypothetical: false,
    origin: { dataset: HOSTILE_ORIGIN, row: null },
  } as unknown as Event;
  const claim = {
    id: 'hostile-claim',
    claimant: ['AZE'],
    statement: HOSTILE_CLAIM,
    date: { start: '2025-06-02', end: '2025-06-02', precision: 'day' },
    about: { actors: ['ARM'], events: [] },
    status: 'disputed',
    deniedBy: ['ARM'],
    confirmedBy: [],
    contradicts: [],
    sources: ['hostile-source'],
  } as unknown as Claim;
  await store.transaction((tx) => writeKnowledgeBase(tx, { sources: [source], events: [event], claims: [claim] }, HOSTILE_ORIGIN));
}
