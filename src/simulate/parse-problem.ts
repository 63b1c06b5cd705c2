// Parses problem text by its file name: scenario YAML (.yaml, .yml) or CSV.
import { extname } from 'node:path';
import { UserError } from '../model/errors.js';
import type { SpatialProblem } from './problem.js';
import { parseCsvProblem } from './csv-problem.js';
import { parseScenario, scenarioProblem } from './scenario.js';

/** Parses a scenario YAML or a CSV problem; `file` names it in errors and decides the format. */
export function parseProblem(text: string, file: string): SpatialProblem {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return scenarioProblem(parseScenario(text, file));
  if (ext === '.csv') return parseCsvProblem(text, file);
  throw new UserError('simulate/load', `unknown file type "${ext}", expected .csv, .yaml or .yml`, { file });
}
