// Event-type and quad-class accuracy on the PLOVER gold-standard records (Open Event Data Alliance, CC BY-SA 4.0).
import { allCameoEvents, cameoEvent } from '../../codebook/index.js';
import { findTriggers } from '../triggers.js';
import { tokenize } from '../tokens.js';
import type { QuadClass } from '../../model/event.js';
import type { Gazetteer } from '../gazetteer.js';
import { extractSentence, sentenceCodings } from './single-sentence.js';

export interface PloverRecord {
  readonly id: string;
  readonly event: string;
  readonly text: string;
  readonly date: string | null;
}

export interface PloverScore {
  readonly records: number;
  /** Records for which the coder proposed any event. */
  readonly coded: number;
  readonly quadAccuracy: number;
  readonly typeAccuracy: number;
  /** The same, judging only the dictionary: the sentence's first trigger, whether or not both actors were found. */
  readonly triggerQuadAccuracy: number;
  readonly triggerTypeAccuracy: number;
}

/**
 * The gold file is coded in PLOVER 0.5 (2016); the codebook maps CAMEO to PLOVER 0.8 (CAMEO2PLOVER-2021), which
 * renamed or folded four categories: DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became modes of ACCUSE, and
 * FIGHT became a mode of ASSAULT. Gold labels are compared in the codebook's version.
 */
export const PLOVER_05_TO_08: Readonly<Record<string, string>> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

/** Records with a sentence and an event type (the DOCUMENT header record is left out); types as the codebook names them. */
export function parsePloverRecords(json: string): PloverRecord[] {
  const rows = JSON.parse(json) as Array<Record<string, unknown>>;
  return rows
    .filter((r) => typeof r.text === 'string' && typeof r.event === 'string' && r.event !== 'DOCUMENT')
    .map((r) => ({ id: String(r.id), event: PLOVER_05_TO_08[String(r.event)] ?? String(r.event), text: String(r.text), date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null }));
}

/** PLOVER type → quad class, by the majority of the CAMEO codes the codebook maps to that type. */
export function ploverQuads(): Map<string, QuadClass> {
  const votes = new Map<string, number[]>();
  for (const e of allCameoEvents()) {
    if (!e.plover) continue;
    const v = votes.get(e.plover) ?? [0, 0, 0, 0, 0];
    v[e.quad]++;
    votes.set(e.plover, v);
  }
  const out = new Map<string, QuadClass>();
  for (const [p, v] of votes) out.set(p, (v.indexOf(Math.max(...v)) as QuadClass));
  return out;
}

/** Codes each record's sentence; the first event proposed is compared with the gold type and its quad class. */
export function scorePlover(records: readonly PloverRecord[], gazetteer?: Gazetteer): PloverScore {
  const quads = ploverQuads();
  let coded = 0;
  let quadRight = 0;
  let typeRight = 0;
  let tQuad = 0;
  let tType = 0;
  for (const r of records) {
    const t = firstTriggerCode(r.text);
    if (t && quads.get(r.event) === t.quad) tQuad++;
    if (t && t.plover === r.event) tType++;
    const x = extractSentence(r.text, r.date, gazetteer);
    const e = sentenceCodings(x)[0];
    if (!e) continue;
    coded++;
    if (quads.get(r.event) === e.quad) quadRight++;
    if (e.plover === r.event) typeRight++;
  }
  const n = records.length || 1;
  return { records: records.length, coded, quadAccuracy: quadRight / n, typeAccuracy: typeRight / n, triggerQuadAccuracy: tQuad / n, triggerTypeAccuracy: tType / n };
}

/** The codebook facts of the first non-reporting trigger of a sentence (else its first trigger). */
export function firstTriggerCode(text: string) {
  const hits = findTriggers(tokenize(text));
  const hit = hits.find((h) => !h.entry.speech) ?? hits[0];
  return hit ? cameoEvent(hit.entry.cameo) : undefined;
}
