// `balance [--from] [--to] [--by year] [--edges FILE.csv] [--time-limit S]`: triad balance, exact frustration index (unweighted and weighted), two camps, Louvain blocs and centrality of the signed network, or the index and camps year by year.
import type { Command } from 'commander';
import { UserError } from '../../model/index.js';
import type { Balance } from '../../measure/balance.js';
import type { BalanceOverTime, PeriodIndex } from '../../measure/balance-over-time.js';
import type { Frustration } from '../../measure/frustration.js';
import { FRUSTRATION_DEFAULTS } from '../../measure/frustration.js';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { measureRange } from './mediation.js';

interface BalanceCliOptions extends ScopeCliOptions {
  from?: string;
  to?: string;
  by?: string;
  edges?: string;
  countries?: string;
  minEvents: string;
  relationWeight: string;
  seed: string;
  timeLimit: string;
  format?: string;
  json?: boolean;
}

function numberOption(v: string, field: string, integer: boolean): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) throw new UserError('cli/balance', `"${v}" is not a ${integer ? 'whole ' : ''}number ≥ 0`, { field });
  return x;
}

/** The frustration fields of the JSON: today's (value, exact, partition, frustrated) plus bounds, line index and how it was solved. */
function frustrationJson(f: Frustration) {
  const { camp: _camp, ...rest } = f;
  return rest;
}

/** The JSON the command prints: the issue's shape plus the edges it was computed on. */
export function balanceJson(b: Balance) {
  return {
    nodes: b.nodes,
    triads: b.triads,
    frustration: frustrationJson(b.frustration),
    blocs: b.blocs,
    centrality: b.centrality,
    weightedFrustration: frustrationJson(b.weightedFrustration),
    edges: b.edges,
    seconds: b.seconds,
  };
}

const fixed = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));

/** "56 (exact)" or "≤ 131, ≥ 115 (time limit)". */
function indexText(f: Pick<PeriodIndex, 'value' | 'lowerBound' | 'exact'>): string {
  return f.exact ? `${f.value} (exact)` : `${f.value} (best found; proven ≥ ${f.lowerBound})`;
}

function lineIndexText(f: Pick<PeriodIndex, 'lineIndex' | 'lineIndexBounds' | 'exact'>): string {
  if (f.lineIndex === null) return '— (no edges)';
  return f.exact || !f.lineIndexBounds ? fixed(f.lineIndex) : `${fixed(f.lineIndexBounds[0])}…${fixed(f.lineIndexBounds[1])}`;
}

export function defineBalance(program: Command): void {
  const cmd = program
    .command('balance')
    .description('structural balance of the signed actor network: triad ratio, exact frustration index and line index of balance, two camps, blocs, centrality; --by year for the series')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--by <unit>', 'one network per year ("year"): index of balance, camps and camp switches')
    .option('--edges <file>', 'explicit edge list a,b,sign[,weight] instead of the store')
    .option('--countries <list>', 'only these countries, comma-separated ISO3 codes')
    .option('--min-events <n>', 'leave out pairs with fewer events (and no relation)', '1')
    .option('--relation-weight <w>', 'Goldstein points per unit of relation strength', '10')
    .option('--seed <n>', 'seed of the Louvain and local-search randomness', '1')
    .option('--time-limit <s>', 'seconds for the exact search (per network); when reached, the best partition and the proven lower bound are shown', String(FRUSTRATION_DEFAULTS.timeLimit));
  withScope(withFormat(cmd)).action(async (o: BalanceCliOptions, c: Command) => {
    const range = measureRange('cli/balance', o);
    if (range.by !== undefined && range.by !== 'year') throw new UserError('cli/balance', `"${range.by}" is not supported; balance goes --by year`, { field: '--by' });
    const format = formatOf(o);
    const seed = numberOption(o.seed, '--seed', true);
    const timeLimit = numberOption(o.timeLimit, '--time-limit', false);
    const scope = scopeOf(o, 'cli/balance');
    const { highsSolver } = await import('../../measure/frustration.js');
    const solver = await highsSolver();
    const networkOptions = () => ({
      scope,
      countries: o.countries?.split(',').map((s) => s.trim()).filter(Boolean),
      minEvents: numberOption(o.minEvents, '--min-events', true),
      relationWeight: numberOption(o.relationWeight, '--relation-weight', false),
    });
    if (range.by === 'year') {
      if (o.edges) throw new UserError('cli/balance', 'an edge list has no dates; --by year reads the store', { field: '--by' });
      const { signedNetwork } = await import('../../measure/signed-network.js');
      const { eventYears } = await import('../../store/event-years.js');
      const { balanceOverTime } = await import('../../measure/balance-over-time.js');
      const series = await withStore(c, async (store) => {
        const years = await eventYears(store, range, scope);
        const periods = [];
        for (const y of years) {
          const from = range.from && range.from > `${y}-01-01` ? range.from : `${y}-01-01`;
          const to = range.to && range.to < `${y}-12-31` ? range.to : `${y}-12-31`;
          periods.push({ period: String(y), network: await signedNetwork(store, { ...networkOptions(), from, to }) });
        }
        return balanceOverTime(periods, { seed, timeLimit, solver });
      });
      return printSeries(c, format, series);
    }
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
      result = balance(parseEdgesCsv(text, o.edges), { seed, timeLimit, solver });
    } else {
      const { signedNetwork } = await import('../../measure/signed-network.js');
      result = await withStore(c, async (store) => balance(await signedNetwork(store, { ...range, ...networkOptions() }), { seed, timeLimit, solver }));
    }
    printBalance(c, format, result);
  });
}

function printBalance(c: Command, format: ReturnType<typeof formatOf>, result: Balance): void {
  const f = result.frustration;
  const w = result.weightedFrustration;
  const rows = Object.entries(result.centrality)
    .sort((x, y) => y[1].pagerank - x[1].pagerank)
    .map(([n, v]) => [n, f.camp[n] === 0 ? 'A' : 'B', Math.round(v.weightedDegree * 100) / 100, v.pagerank.toFixed(4)]);
  const view = { header: ['node', 'camp', 'weighted degree', 'pagerank'], rows, json: balanceJson(result) };
  if (format === 'table') {
    const out = ioOf(c).stdout;
    const t = result.triads;
    out.write(`${result.nodes.length} nodes, ${result.edges.length} signed edges (${result.edges.filter((e) => e.sign < 0).length} negative)\n`);
    out.write(`triads: ${t.balanced} balanced, ${t.unbalanced} unbalanced, ratio ${t.ratio === null ? '— (no triangle)' : t.ratio.toFixed(3)}\n`);
    out.write(`frustration index: ${indexText(f)}, line index of balance ${lineIndexText(f)}${f.frustrated.length ? `: ${f.frustrated.join(', ')}` : ''}\n`);
    out.write(`weighted frustration: ${indexText(w)} of total weight ${w.total}, line index ${lineIndexText(w)}\n`);
    out.write(`two camps: A [${f.partition[0].join(' ')}] vs B [${f.partition[1].join(' ')}]\n`);
    out.write(`Louvain blocs (positive ties): ${result.blocs.map((b) => `[${b.join(' ')}]`).join(' ')}\n`);
    out.write(`solved in ${result.seconds.toFixed(2)} s${f.solver ? ` (${f.solver})` : ''}\n`);
  }
  emit(c, format, view);
}

function printSeries(c: Command, format: ReturnType<typeof formatOf>, series: BalanceOverTime): void {
  const header = ['year', 'nodes', 'edges', 'negative', 'frustration', 'lower bound', 'exact', 'line index', 'weighted line index', 'weighted exact', 'camp A', 'camp B', 'switched'];
  const switchText = (p: BalanceOverTime['periods'][number]) => p.switched.map((s) => `${s.actor} ${s.from}→${s.to}`);
  const rows = series.periods.map((p) => [
    p.period,
    p.nodes,
    p.edges,
    p.negative,
    p.frustration.value,
    p.frustration.lowerBound,
    p.frustration.exact,
    p.frustration.lineIndex === null ? null : Number(p.frustration.lineIndex.toFixed(6)),
    p.weighted?.lineIndex == null ? null : Number(p.weighted.lineIndex.toFixed(6)),
    p.weighted?.exact ?? null,
    format === 'table' ? p.camps.A.length : p.camps.A,
    format === 'table' ? p.camps.B.length : p.camps.B,
    format === 'table' ? p.switched.length : switchText(p),
  ]);
  const lines: string[] = [];
  for (const p of series.periods) {
    lines.push(`${p.period}: frustration ${indexText(p.frustration)}, line index ${lineIndexText(p.frustration)}; weighted ${p.weighted ? lineIndexText(p.weighted) : '—'}; ${p.components} connected piece${p.components === 1 ? '' : 's'}`);
    lines.push(`  camp A (${p.camps.A.length}): ${p.camps.A.join(' ')}`);
    lines.push(`  camp B (${p.camps.B.length}): ${p.camps.B.join(' ')}`);
    if (p.switched.length) lines.push(`  switched: ${switchText(p).join(', ')}${p.alignment.closest ? '' : ' (fewest found, not proven fewest)'}`);
  }
  emit(c, format, { header, rows, json: series, empty: 'No dated events in the range.', text: lines.length ? `\n${lines.join('\n')}\n` : undefined });
}

