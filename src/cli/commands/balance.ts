// `balance [--from] [--to] [--edges FILE.csv]`: triad balance, frustration index, two-bloc split, Louvain blocs and centrality of the signed network.
import type { Command } from 'commander';
import { UserError } from '../../model/index.js';
import type { Balance } from '../../measure/balance.js';
import { ioOf, printJson, withStore } from '../context.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';
import { measureRange } from './mediation.js';

interface BalanceCliOptions extends ScopeCliOptions {
  from?: string;
  to?: string;
  edges?: string;
  countries?: string;
  minEvents: string;
  relationWeight: string;
  seed: string;
  json?: boolean;
}

function numberOption(v: string, field: string, integer: boolean): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) throw new UserError('cli/balance', `"${v}" is not a ${integer ? 'whole ' : ''}number ≥ 0`, { field });
  return x;
}

/** The JSON the command prints: the issue's shape plus the edges it was computed on. */
export function balanceJson(b: Balance) {
  return { nodes: b.nodes, triads: b.triads, frustration: b.frustration, blocs: b.blocs, centrality: b.centrality, edges: b.edges };
}

export function defineBalance(program: Command): void {
  withScope(program.command('balance'))
    .description('structural balance of the signed actor network: triad ratio, frustration index, blocs, centrality')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--edges <file>', 'explicit edge list a,b,sign[,weight] instead of the store')
    .option('--countries <list>', 'only these countries, comma-separated ISO3 codes')
    .option('--min-events <n>', 'leave out pairs with fewer events (and no relation)', '1')
    .option('--relation-weight <w>', 'Goldstein points per unit of relation strength', '10')
    .option('--seed <n>', 'seed of the Louvain and local-search randomness', '1')
    .option('--json', 'JSON for programs')
    .action(async (o: BalanceCliOptions, cmd: Command) => {
      const range = measureRange('cli/balance', o);
      const seed = numberOption(o.seed, '--seed', true);
      const { balance } = await import('../../measure/balance.js');
      let result: Balance;
      if (o.edges) {
        const { readFile } = await import('node:fs/promises');
        const { parseEdgesCsv } = await import('../../measure/edges-csv.js');
        let text: string;
        try {
          text = await readFile(o.edges, 'utf8');
        } catch {
          throw new UserError('cli/balance', 'cannot read the file', { file: o.edges, field: '--edges' });
        }
        result = balance(parseEdgesCsv(text, o.edges), { seed });
      } else {
        const { signedNetwork } = await import('../../measure/signed-network.js');
        result = await withStore(cmd, async (store) => {
          const countries = o.countries?.split(',').map((c) => c.trim()).filter(Boolean);
          const net = await signedNetwork(store, {
            scope: scopeOf(o, 'cli/balance'),
            ...range,
            countries,
            minEvents: numberOption(o.minEvents, '--min-events', true),
            relationWeight: numberOption(o.relationWeight, '--relation-weight', false),
          });
          return balance(net, { seed });
        });
      }
      if (o.json) return printJson(balanceJson(result), cmd);
      const f = result.frustration;
      const t = result.triads;
      ioOf(cmd).stdout.write(`${result.nodes.length} nodes, ${result.edges.length} signed edges (${result.edges.filter((e) => e.sign < 0).length} negative)\n`);
      ioOf(cmd).stdout.write(`triads: ${t.balanced} balanced, ${t.unbalanced} unbalanced, ratio ${t.ratio === null ? '— (no triangle)' : t.ratio.toFixed(3)}\n`);
      ioOf(cmd).stdout.write(`frustration index: ${f.value}${f.exact ? ' (exact)' : ` (upper bound; lower bound ${f.lowerBound})`}${f.frustrated.length ? `: ${f.frustrated.join(', ')}` : ''}\n`);
      ioOf(cmd).stdout.write(`two blocs: [${f.partition[0].join(' ')}] vs [${f.partition[1].join(' ')}]\n`);
      ioOf(cmd).stdout.write(`Louvain blocs (positive ties): ${result.blocs.map((b) => `[${b.join(' ')}]`).join(' ')}\n`);
      const rows = Object.entries(result.centrality).sort((x, y) => y[1].pagerank - x[1].pagerank);
      ioOf(cmd).stdout.write(renderTable(['node', 'weighted degree', 'pagerank'], rows.map(([n, c]) => [n, Math.round(c.weightedDegree * 100) / 100, c.pagerank.toFixed(4)])));
    });
}
