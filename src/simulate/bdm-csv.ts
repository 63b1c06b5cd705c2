// Reader for the one-issue expected-utility CSV (Actor, Capability, Position, Salience), e.g. Bueno de Mesquita's 1994 EC example.
import { UserError } from '../model/errors.js';
import type { ProblemActor, SpatialProblem } from './problem.js';
import { splitCsvLine } from './ktab-csv.js';

const MODULE = 'simulate/bdm-csv';
const COLUMNS = ['actor', 'capability', 'position', 'salience'] as const;

/**
 * Parses an `Actor,Capability,Position,Salience` table. Saliences may be fractions (0–1) or percentages
 * (any above 1 means the column is 0–100). The range is the span of the stated positions.
 */
export function parseBdmCsv(text: string, file = '<input>', name = 'issue'): SpatialProblem {
  const lines = text.split(/\r?\n/).map((l, n) => ({ n: n + 1, cells: splitCsvLine(l) })).filter((l) => l.cells.length > 0);
  if (lines.length < 3) throw new UserError(MODULE, 'expected a header and at least two actors', { file, line: 1 });
  const header = lines[0].cells.map((c) => c.toLowerCase());
  const at = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => at[i] < 0);
  if (missing.length > 0) throw new UserError(MODULE, `header lacks ${missing.join(', ')}`, { file, line: lines[0].n });
  const rows = lines.slice(1).map((row) => {
    const cell = (c: number, field: string): number => {
      const raw = row.cells[at[c]];
      const x = raw === undefined || raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(x)) throw new UserError(MODULE, `${JSON.stringify(raw ?? '')} is not a number`, { file, line: row.n, field });
      if (x < 0) throw new UserError(MODULE, `${x} is negative`, { file, line: row.n, field });
      return x;
    };
    const actor = row.cells[at[0]];
    if (!actor) throw new UserError(MODULE, 'empty actor name', { file, line: row.n, field: 'Actor' });
    return { actor, capability: cell(1, 'Capability'), position: cell(2, 'Position'), salience: cell(3, 'Salience'), line: row.n };
  });
  const percent = rows.some((r) => r.salience > 1);
  for (const r of rows) {
    if (r.salience > 100) throw new UserError(MODULE, `${r.salience} is above 100`, { file, line: r.line, field: 'Salience' });
  }
  const positions = rows.map((r) => r.position);
  const min = Math.min(...positions);
  const max = Math.max(...positions);
  if (!(max > min)) throw new UserError(MODULE, 'all actors hold the same position; nothing to bargain over', { file });
  const actors: ProblemActor[] = rows.map((r) => ({
    name: r.actor,
    description: '',
    capability: r.capability,
    positions: [r.position],
    saliences: [percent ? r.salience / 100 : r.salience],
    citations: [],
  }));
  return { kind: 'spatial-problem', name, description: '', dimensions: [{ name: 'Position', min, max }], actors };
}
