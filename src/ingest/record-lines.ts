// Finds the line numbers of parsed records, which DuckDB's CSV reader does not report for the rows it accepts.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Maps 1-based ordinals of accepted records to 1-based line numbers in `path`. Accepted records are the non-blank
 * lines after the first `skip`, in order, minus `rejectedLines` (which the reader already reported). Assumes one
 * record per line, which holds for the tab- and comma-separated datasets imported here. Streams the file and stops
 * at the last ordinal asked for.
 */
export async function lineNumbersOf(
  path: string,
  ordinals: readonly number[],
  skip: number,
  rejectedLines: ReadonlySet<number>,
): Promise<Map<number, number>> {
  const wanted = new Set(ordinals);
  const last = Math.max(0, ...ordinals);
  const out = new Map<number, number>();
  if (last === 0) return out;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  let ordinal = 0;
  for await (const text of lines) {
    line++;
    if (line <= skip || text.trim() === '' || rejectedLines.has(line)) continue;
    ordinal++;
    if (wanted.has(ordinal)) out.set(ordinal, line);
    if (ordinal >= last) break;
  }
  lines.close();
  return out;
}
