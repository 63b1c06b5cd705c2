// Reads the extractor's own dictionaries: tab-separated files in data/extract/ with `#` comments and a header row.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of data/extract/, resolved from this module. */
export const EXTRACT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'extract');

export interface DictRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** Rows of data/extract/<file>; a malformed file is a bug and throws `extract: data/extract/<file>:<line>: …`. */
export function readDictionary(file: string, columns: readonly string[]): DictRow[] {
  const shown = `data/extract/${file}`;
  const text = readFileSync(path.join(EXTRACT_DATA_DIR, file), 'utf8');
  let header: string[] | null = null;
  const rows: DictRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.startsWith('#') || raw.trim() === '') return;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      const missing = columns.filter((c) => !header!.includes(c));
      if (missing.length) throw new Error(`extract: ${shown}:${i + 1}: header lacks ${missing.join(', ')}`);
      return;
    }
    if (cells.length > header.length) throw new Error(`extract: ${shown}:${i + 1}: ${cells.length} cells, expected ${header.length}`);
    const rec: Record<string, string> = {};
    header.forEach((name, k) => (rec[name] = (cells[k] ?? '').trim()));
    rows.push({ line: i + 1, cells: rec });
  });
  if (!header) throw new Error(`extract: ${shown}: no header line`);
  return rows;
}

// List cells and lazy loading work as in the codebook's data files.
export { splitList as listCell, lazy as once } from '../codebook/data-file.js';
