// ACLED event_type / sub_event_type → CAMEO, PLOVER and quad class, read from data/codebook/acled-mapping.tsv.
import { cameoEvent } from '../../codebook/index.js';
import { lazy, readDataFile } from '../../codebook/data-file.js';
import type { QuadClass } from '../../model/index.js';

/** How one ACLED category is coded. */
export interface AcledCoding {
  readonly cameo: string;
  readonly plover: string | null;
  readonly quad: QuadClass;
  readonly goldstein: number;
}

const table = lazy(() => {
  const t = readDataFile('acled-mapping.tsv', ['event_type', 'sub_event_type', 'cameo', 'plover', 'quad', 'note']);
  const byKey = new Map<string, AcledCoding>();
  for (const { line, cells } of t.rows) {
    const e = cameoEvent(cells.cameo);
    if (!e) t.fail(line, `cameo "${cells.cameo}" is not in the CAMEO codebook`);
    const quad = Number(cells.quad);
    if (quad !== e!.quad) t.fail(line, `quad ${cells.quad} disagrees with the codebook's ${e!.quad} for ${cells.cameo}`);
    if ((cells.plover || null) !== e!.plover) t.fail(line, `plover "${cells.plover}" disagrees with the codebook's "${e!.plover ?? ''}" for ${cells.cameo}`);
    const key = `${cells.event_type.toLowerCase()}\t${cells.sub_event_type.toLowerCase()}`;
    if (byKey.has(key)) t.fail(line, `${cells.event_type} / ${cells.sub_event_type} listed twice`);
    byKey.set(key, Object.freeze({ cameo: e!.code, plover: e!.plover, quad: e!.quad, goldstein: e!.goldstein }));
  }
  return byKey;
});

/** The coding of an ACLED category: the exact sub-event type, else the event type's "*" row; undefined if unlisted. */
export function acledCoding(eventType: string, subEventType: string | null): AcledCoding | undefined {
  const type = eventType.trim().toLowerCase();
  return table().get(`${type}\t${(subEventType ?? '').trim().toLowerCase()}`) ?? table().get(`${type}\t*`);
}
