// `dyad A B`: events between two countries per month, quarter or year, with quad classes and Goldstein sums.
import type { Command } from 'commander';
import { UserError, boundDay } from '../../model/index.js';
import { ioOf, printJson, withStore } from '../context.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';

interface DyadOptions extends ScopeCliOptions {
  normalize?: boolean;
  by: string;
  directed?: boolean;
  from?: string;
  to?: string;
  json?: boolean;
  trend?: boolean;
}

const UNITS = ['month', 'quarter', 'year'] as const;

export function defineDyadCommand(program: Command): void {
  withScope(program.command('dyad'))
    .description('events between two countries over time (curated, imported and extracted), per period')
    .argument('<a>', 'ISO3 code of one side (or an IGO code)')
    .argument('<b>', 'ISO3 code of the other side')
    .option('--by <unit>', 'month, quarter or year', 'month')
    .option('--directed', 'only events with A as source and B as target')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--normalize', "also each period's share of all in-scope events (volume normalisation, as GDELT analysts do)")
    .option('--trend', 'also the Theil–Sen slope and Mann–Kendall test of the Goldstein mean, and change points (PELT)')
    .option('--json', 'JSON for programs')
    .action(async (a: string, b: string, o: DyadOptions, cmd: Command) => {
      const by = o.by as (typeof UNITS)[number];
      if (!UNITS.includes(by)) throw new UserError('cli', `"${o.by}" is not one of ${UNITS.join(', ')}`, { field: '--by' });
      const code = (v: string, field: string) => {
        const c = v.trim().toUpperCase();
        if (!/^[A-Z][A-Z0-9]{2,}$/.test(c)) throw new UserError('cli', `"${v}" is not an ISO3 country code such as GEO`, { field });
        return c;
      };
      const day = (v: string | undefined, side: 'from' | 'to') => {
        if (v === undefined) return undefined;
        const d = boundDay(v, side);
        if (!d) throw new UserError('cli', `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
        return d;
      };
      const options = {
        scope: scopeOf(o, 'cli/dyad'), a: code(a, '<a>'), b: code(b, '<b>'), by, directed: !!o.directed, from: day(o.from, 'from'), to: day(o.to, 'to'),
        normalize: !!o.normalize,
      };
      const { dyadReport } = await import('../../measure/dyad-series.js');
      const { describeEvidence } = await import('../../store/evidence.js');
      await withStore(cmd, async (store) => {
        const report = await dyadReport(store, options);
        const series = report.series;
        const trend = o.trend ? (await import('../../measure/dyad-trend.js')).dyadTrend(series, { by }) : undefined;
        if (o.json) {
          const { scopeText: _t, ...json } = report;
          return printJson(trend ? { ...json, trend } : json, cmd);
        }
        ioOf(cmd).stdout.write(`scope: ${report.scopeText}\n${options.a}–${options.b}: ${describeEvidence(report.evidence)}\n`);
        if (series.length === 0) {
          ioOf(cmd).stdout.write(`no events between ${options.a} and ${options.b}${options.directed ? ' (directed)' : ''} in scope\n`);
          return;
        }
        ioOf(cmd).stdout.write(
          renderTable(
            ['period', 'events', 'q1 verb coop', 'q2 mat coop', 'q3 verb confl', 'q4 mat confl', 'goldstein sum', 'mean', 'sources', ...(options.normalize ? ['share'] : [])],
            series.map((p) => [
              p.period, p.events, p.quad['1'], p.quad['2'], p.quad['3'], p.quad['4'], p.goldstein_sum, p.goldstein_mean ?? '—', p.sources,
              ...(options.normalize ? [p.share === null || p.share === undefined ? '—' : `${(100 * p.share).toFixed(2)}%`] : []),
            ]),
          ),
        );
        if (trend) {
          const { renderTrend } = await import('../../measure/dyad-trend.js');
          ioOf(cmd).stdout.write(renderTrend(trend, by));
        }
      });
    });
}
