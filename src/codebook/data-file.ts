// Reads the codebook's tab-separated data files from data/codebook/ at the repository root.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of data/codebook/, resolved from this module so that it works from any working directory. */
export const CODEBOOK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'codebook');

/** One data row: its 1-based line number and its cells by column name. */
export interface DataRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A parsed data file with a helper that throws `codebook: data/codebook/<file>:<line>: <message>`. */
export interface DataTable {
  readonly file: string;
  readonly rows: readonly DataRow[];
  fail(line: number, message: string): never;
}

/**
 * Reads `data/codebook/<file>`: `#` lines are comments, the first other line names the columns, which must
 * include `columns`; every row must have exactly as many cells as the header. Broken files throw plain Errors.
 * `dir` exists for tests of the reader itself.
 */
export function readDataFile(file: string, columns: readonly string[], dir: string = CODEBOOK_DIR): DataTable {
  const shown = dir === CODEBOOK_DIR ? `data/codebook/${file}` : path.join(dir, file);
  const fail = (line: number, message: string): never => {
    throw new Error(`codebook: ${shown}:${line}: ${message}`);
  };
  const text = readFileSync(path.join(dir, file), 'utf8');
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: DataRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.startsWith('#') || raw.trim() === '') return;
    const cells = raw.split('\t');
    if (!header) {
      header = cells;
      const missing = columns.filter((c) => !cells.includes(c));
      if (missing.length > 0) fail(line, `header lacks column(s) ${missing.join(', ')}`);
      return;
    }
    if (cells.length !== header.length) fail(line, `${cells.length} cells, expected ${header.length}`);
    const record: Record<string, string> = {};
    header.forEach((name, k) => (record[name] = cells[k].trim()));
    rows.push({ line, cells: record });
  });
  if (!header) fail(1, 'no header line');
  return { file: shown, rows, fail };
}

/** Splits a `|`-separated cell into trimmed, non-empty items. */
export function splitList(cell: string): string[] {
  return cell === '' ? [] : cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/** Returns a function that computes `load()` on its first call and the same value afterwards. */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}
