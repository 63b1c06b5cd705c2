// `mediation A B [--by year]`: the share of A–B interactions that involve a third party, and who the third parties were.
import type { Command } from 'commander';
import { UserError, boundDay } from '../../model/index.js';
import { ioOf, printJson, withStore } from '../context.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';

export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export type PeriodUnitOption = (typeof PERIOD_UNITS)[number];

/** Checks --by, --from and --to as the measure commands share them. */
export function measureRange(module: string, o: { by?: string; from?: string; to?: string }): { by?: PeriodUnitOption; from?: string; to?: string } {
  if (o.by !== undefined && !(PERIOD_UNITS as readonly string[]).includes(o.by)) {
    throw new UserError(module, `"${o.by}" is not one of ${PERIOD_UNITS.join(', ')}`, { field: '--by' });
  }
  const day = (v: string | undefined, side: 'from' | 'to') => {
    if (v === undefined) return undefined;
    const d = boundDay(v, side);
    if (!d) throw new UserError(module, `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
    return d;
  };
  return { by: o.by as PeriodUnitOption | undefined, from: day(o.from, 'from'), to: day(o.to, 'to') };
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function defineMediation(program: Command): void {
  withScope(program.command('mediation'))
    .description('share of A–B interactions that involve a third party (third actor on the event or a same-day consultation of both sides with one country)')
    .argument('<a>', 'ISO3 country or actor id')
    .argument('<b>', 'ISO3 country or actor id')
    .option('--by <unit>', 'per month, quarter or year')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--json', 'JSON for programs')
    .action(async (a: string, b: string, o: ScopeCliOptions & { by?: string; from?: string; to?: string; json?: boolean }, cmd: Command) => {
      const range = measureRange('cli/mediation', o);
      const { mediation } = await import('../../measure/mediation.js');
      await withStore(cmd, async (store) => {
        const m = await mediation(store, { scope: scopeOf(o, 'cli/mediation'), a, b, ...range });
        if (o.json) return printJson(m, cmd);
        ioOf(cmd).stdout.write(`${a}–${b}: ${m.mediated} of ${m.events} events involve a third party (${pct(m.share)})\n`);
        if (m.periods.length) ioOf(cmd).stdout.write(renderTable(['period', 'events', 'mediated', 'share'], m.periods.map((p) => [p.period, p.events, p.mediated, pct(p.share)])));
        if (m.thirdParties.length) ioOf(cmd).stdout.write(renderTable(['third party', 'events'], m.thirdParties.map((t) => [t.party, t.events])));
        else if (m.events) ioOf(cmd).stdout.write('No third party involved.\n');
      });
    });
}
