// Reads the extractor's own dictionaries: tab-separated files in data/extract/ with `#` comments and a header row.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of data/extract/, resolved from this module. */
export const EXTRACT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'extract');
/** Absolute path of data/actors/ (the general actor dictionary built by scripts/build-actor-dictionary.ts). */
export const ACTOR_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'actors');

export interface DictRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** Rows of data/extract/<file> (or of `dir`); a malformed file is a bug and throws `extract: data/…/<file>:<line>: …`. */
export function readDictionary(file: string, columns: readonly string[], dir: string = EXTRACT_DATA_DIR): DictRow[] {
  const shown = `data/${path.basename(dir)}/${file}`;
  const text = readFileSync(path.join(dir, file), 'utf8');
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
