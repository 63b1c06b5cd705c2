// Test-side reading of the raw dataset files, independent of the importer, for computing expected figures.
import { readFileSync } from 'node:fs';
import { openStore } from '../../src/store/index.js';

/** Number of events (and logged rejects) in the store file `db`, opened after the CLI has closed it. */
export async function countEvents(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    const [{ n }] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM events');
    return n;
  } finally {
    store.close();
  }
}

/** Splits one CSV line with double-quoted fields (no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Rows of a CSV file with a header as objects keyed by header name; a leading unnamed column is dropped. */
export function readCsvObjects(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = splitCsvLine(l);
    const offset = cells.length - header.length;
    return Object.fromEntries(header.map((h, i) => [h, cells[i + offset]]));
  });
}

/** Quad class of a CAMEO code by its root, as the CAMEO codebook groups them. */
export function quadOfRootCode(code: string): number {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}
