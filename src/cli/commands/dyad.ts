// `dyad A B`: events between two countries per month, quarter or year, with quad classes and Goldstein sums.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { boundDay } from '../../model/day.js';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';

interface DyadOptions extends ScopeCliOptions {
  normalize?: boolean;
  by: string;
  directed?: boolean;
  from?: string;
  to?: string;
  format?: string;
  json?: boolean;
  trend?: boolean;
}

const UNITS = ['month', 'quarter', 'year'] as const;

export function defineDyadCommand(program: Command): void {
  withFormat(withScope(program.command('dyad')))
    .description('events between two countries over time (curated, imported and extracted), per period')
    .argument('<a>', 'one side: ISO3 code, IGO code or name ("Georgia", "the EU")')
    .argument('<b>', 'the other side')
    .option('--by <unit>', 'month, quarter or year', 'month')
    .option('--directed', 'only events with A as source and B as target')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--normalize', "also each period's share of all in-scope events (volume normalisation, as GDELT analysts do)")
    .option('--trend', 'also the Theil–Sen slope and Mann–Kendall test of the Goldstein mean, and change points (PELT)')
    .action(async (a: string, b: string, o: DyadOptions, cmd: Command) => {
      const format = formatOf(o);
      const by = o.by as (typeof UNITS)[number];
      if (!UNITS.includes(by)) throw new UserError('cli', `"${o.by}" is not one of ${UNITS.join(', ')}`, { field: '--by' });
      const day = (v: string | undefined, side: 'from' | 'to') => {
        if (v === undefined) return undefined;
        const d = boundDay(v, side);
        if (!d) throw new UserError('cli', `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
        return d;
      };
      const range = { by, directed: !!o.directed, from: day(o.from, 'from'), to: day(o.to, 'to'), normalize: !!o.normalize };
      const scope = scopeOf(o, 'cli/dyad');
      const { dyadReport } = await import('../../measure/dyad-series.js');
      const { describeEvidence } = await import('../../store/evidence.js');
      const { partiesOf } = await import('../../store/parties.js');
      await withStore(cmd, async (store) => {
        const parties = await partiesOf(store);
        const options = { scope, a: parties.party(a, '<a>'), b: parties.party(b, '<b>'), ...range };
        const report = await dyadReport(store, options);
        const series = report.series;
        const trend = o.trend ? (await import('../../measure/dyad-trend.js')).dyadTrend(series, { by }) : undefined;
        const { scopeText: _t, ...json } = report;
        const pair = `${parties.label(options.a)}–${parties.label(options.b)}`;
        emit(cmd, format, {
          json: trend ? { ...json, trend } : json,
          lead: `scope: ${report.scopeText}\n${pair}: ${describeEvidence(report.evidence)}\n`,
          header: ['period', 'events', 'q1 verb coop', 'q2 mat coop', 'q3 verb confl', 'q4 mat confl', 'goldstein sum', 'mean', 'sources', ...(options.normalize ? ['share'] : [])],
          rows: series.map((p) => [
            p.period, p.events, p.quad['1'], p.quad['2'], p.quad['3'], p.quad['4'], p.goldstein_sum, p.goldstein_mean ?? (format === 'table' ? '—' : null), p.sources,
            ...(options.normalize ? [p.share === null || p.share === undefined ? (format === 'table' ? '—' : null) : format === 'table' ? `${(100 * p.share).toFixed(2)}%` : p.share] : []),
          ]),
          empty: `no events between ${pair}${options.directed ? ' (directed)' : ''} in scope`,
          text: trend ? (await import('../../measure/dyad-trend.js')).renderTrend(trend, by) : undefined,
        });
      });
    });
}
