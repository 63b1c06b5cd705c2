// Reads a problem file at the edge: KTAB CSV, the expected-utility actor table, or scenario YAML.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../model/errors.js';
import type { SpatialProblem } from './problem.js';
import { parseCsvProblem } from './csv-problem.js';

/** Reads and parses a problem file: KTAB CSV, actor-table CSV, or scenario YAML. */
export async function loadProblem(file: string): Promise<SpatialProblem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError('simulate/load', `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return parseCsvProblem(text, file);
  // YAML and the schema library load on demand, so that CSV runs start faster.
  const { parseProblem } = await import('./parse-problem.js');
  return parseProblem(text, file);
}
