// Chooses the CSV reader by header: the expected-utility actor table or KTAB's scenario layout.
import { basename, extname } from 'node:path';
import type { SpatialProblem } from './problem.js';
import { parseKtabCsv, splitCsvLine } from './ktab-csv.js';
import { parseBdmCsv } from './bdm-csv.js';

/** Parses CSV text: `Actor,Capability,Position,Salience` tables as such, anything else as KTAB CSV. */
export function parseCsvProblem(text: string, file: string): SpatialProblem {
  const first = splitCsvLine(text.split(/\r?\n/, 1)[0] ?? '').map((c) => c.toLowerCase());
  if (first[0] === 'actor' && first.includes('position') && first.includes('salience')) {
    return parseBdmCsv(text, file, basename(file, extname(file)));
  }
  return parseKtabCsv(text, file);
}
