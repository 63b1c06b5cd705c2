// Reads a problem file at the edge: KTAB CSV, the expected-utility actor table, or scenario YAML.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserError } from '../model/errors.js';
import type { SpatialProblem } from './problem.js';
import { parseKtabCsv, splitCsvLine } from './ktab-csv.js';
import { parseBdmCsv } from './bdm-csv.js';
import { parseScenario, scenarioProblem } from './scenario.js';

/** Picks the reader by extension and, for CSV, by header: `Actor,Capability,Position,Salience` or KTAB's layout. */
export function parseProblem(text: string, file: string): SpatialProblem {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return scenarioProblem(parseScenario(text, file));
  if (ext !== '.csv') throw new UserError('simulate/load', `unknown file type "${ext}", expected .csv, .yaml or .yml`, { file });
  const first = splitCsvLine(text.split(/\r?\n/, 1)[0] ?? '').map((c) => c.toLowerCase());
  if (first[0] === 'actor' && first.includes('position') && first.includes('salience')) {
    return parseBdmCsv(text, file, basename(file, ext));
  }
  return parseKtabCsv(text, file);
}

/** Reads and parses a problem file. */
export async function loadProblem(file: string): Promise<SpatialProblem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError('simulate/load', `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  return parseProblem(text, file);
}
