// Reader for KTAB's SMP scenario CSV (name, description, actor and dimension counts; then Actor, Description, Power, Position/Salience pairs).
import { UserError } from '../model/errors.js';
import type { ProblemActor, SpatialProblem } from './problem.js';

const MODULE = 'simulate/ktab-csv';

/** Parses a KTAB CSV; positions and saliences are on 0–100, saliences become fractions as KTAB does. */
export function parseKtabCsv(text: string, file = '<input>'): SpatialProblem {
  const lines = text.split(/\r?\n/).map((l, n) => ({ n: n + 1, cells: splitCsvLine(l) })).filter((l) => l.cells.some((c) => c !== ''));
  if (lines.length < 2) throw new UserError(MODULE, 'expected a scenario line and a header line', { file, line: 1 });
  const head = lines[0];
  const numActors = integer(head.cells[2], file, head.n, 'number of actors');
  const numDims = integer(head.cells[3], file, head.n, 'number of dimensions');
  if (numDims < 1) throw new UserError(MODULE, `${numDims} dimensions, expected at least 1`, { file, line: head.n });
  if (numActors < 2) throw new UserError(MODULE, `${numActors} actors, expected at least 2`, { file, line: head.n });
  const header = lines[1];
  const dimensions = [];
  for (let d = 0; d < numDims; d++) {
    const name = header.cells[3 + 2 * d];
    if (name === undefined || name === '') {
      throw new UserError(MODULE, `header names ${Math.floor((header.cells.length - 3) / 2)} dimensions, expected ${numDims}`, { file, line: header.n });
    }
    dimensions.push({ name, min: 0, max: 100 });
  }
  const rows = lines.slice(2);
  if (rows.length < numActors) {
    throw new UserError(MODULE, `${rows.length} actor rows, expected ${numActors}`, { file, line: header.n });
  }
  const actors: ProblemActor[] = rows.slice(0, numActors).map((row) => {
    const name = row.cells[0];
    if (!name) throw new UserError(MODULE, 'empty actor name', { file, line: row.n, field: 'Actor' });
    const capability = number(row.cells[2], file, row.n, 'power');
    if (capability < 0) throw new UserError(MODULE, `power ${capability} is negative`, { file, line: row.n, field: 'power' });
    const positions: number[] = [];
    const saliences: number[] = [];
    let total = 0;
    for (let d = 0; d < numDims; d++) {
      const p = number(row.cells[3 + 2 * d], file, row.n, `position ${d + 1}`);
      const s = number(row.cells[4 + 2 * d], file, row.n, `salience ${d + 1}`);
      if (p < 0 || p > 100) throw new UserError(MODULE, `${p} is outside 0..100`, { file, line: row.n, field: `position ${d + 1}` });
      if (s < 0 || s > 100) throw new UserError(MODULE, `${s} is outside 0..100`, { file, line: row.n, field: `salience ${d + 1}` });
      total += s;
      positions.push(p);
      saliences.push(s / 100.0);
    }
    if (total > 100) throw new UserError(MODULE, `saliences add up to ${total}, more than 100`, { file, line: row.n, field: 'salience' });
    if (total <= 0) throw new UserError(MODULE, 'all saliences are zero', { file, line: row.n, field: 'salience' });
    return { name, description: row.cells[1] ?? '', capability, positions, saliences, citations: [] };
  });
  return { kind: 'spatial-problem', name: head.cells[0] ?? '', description: head.cells[1] ?? '', dimensions, actors };
}

/** Splits one CSV line on commas, honouring double quotes and trimming spaces around fields. */
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
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function number(cell: string | undefined, file: string, line: number, field: string): number {
  const x = cell === undefined || cell === '' ? Number.NaN : Number(cell);
  if (!Number.isFinite(x)) throw new UserError(MODULE, `${JSON.stringify(cell ?? '')} is not a number`, { file, line, field });
  return x;
}

function integer(cell: string | undefined, file: string, line: number, field: string): number {
  const x = number(cell, file, line, field);
  if (!Number.isInteger(x)) throw new UserError(MODULE, `${cell} is not a whole number`, { file, line, field });
  return x;
}
