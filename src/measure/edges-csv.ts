// Reads an explicit signed edge list `a,b,sign[,weight]` (one edge a line, optional header, # comments).
import { UserError } from '../model/errors.js';
import type { SignedEdge } from './signed-graph.js';

const SIGNS: Record<string, 1 | -1> = { '1': 1, '+1': 1, '+': 1, positive: 1, '-1': -1, '-': -1, negative: -1 };

/** Parses edge-list text; a malformed line is a UserError naming file, line and field. */
export function parseEdgesCsv(text: string, file: string): SignedEdge[] {
  const edges: SignedEdge[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    const fail = (field: string, message: string): never => {
      throw new UserError('measure/balance', message, { file, line: i + 1, field });
    };
    if (edges.length === 0 && /^(a|source|from)$/i.test(cells[0]) && /^sign$/i.test(cells[2] ?? '')) return;
    if (cells.length < 3 || cells.length > 4) fail('row', `${cells.length} columns, expected a,b,sign[,weight]`);
    const [a, b, signText, weightText] = cells;
    if (!a) fail('a', 'empty node id');
    if (!b) fail('b', 'empty node id');
    if (a === b) fail('b', `self-loop on "${a}"`);
    const sign = SIGNS[signText.toLowerCase()];
    if (sign === undefined) fail('sign', `"${signText}" is not a sign (1, -1, + or -)`);
    const weight = weightText === undefined || weightText === '' ? 1 : Number(weightText);
    if (!(Number.isFinite(weight) && weight > 0)) fail('weight', `"${weightText}" is not a positive number`);
    edges.push({ a, b, sign, weight });
  });
  return edges;
}
