// `mediation A B [--by year]`: the share of A–B interactions that involve a third party, and who the third parties were.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { boundDay } from '../../model/day.js';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
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
  withFormat(withScope(program.command('mediation')))
    .description('share of A–B interactions that involve a third party (third actor on the event or a same-day consultation of both sides with one country)')
    .argument('<a>', 'one side: ISO3 country, IGO code or name')
    .argument('<b>', 'the other side')
    .option('--by <unit>', 'per month, quarter or year')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .action(async (a: string, b: string, o: ScopeCliOptions & { by?: string; from?: string; to?: string; format?: string; json?: boolean }, cmd: Command) => {
      const format = formatOf(o);
      const range = measureRange('cli/mediation', o);
      const scope = scopeOf(o, 'cli/mediation');
      const { mediation } = await import('../../measure/mediation.js');
      const { partiesOf } = await import('../../store/parties.js');
      await withStore(cmd, async (store) => {
        const parties = await partiesOf(store);
        const [pa, pb] = [parties.party(a, '<a>'), parties.party(b, '<b>')];
        const m = await mediation(store, { scope, a: pa, b: pb, ...range });
        const show = format === 'table' ? parties.label : (c: string) => c;
        const share = (x: number | null) => (format === 'table' ? pct(x) : x);
        const third = m.thirdParties.length
          ? renderTable(['third party', 'events'], m.thirdParties.map((t) => [show(t.party), t.events]))
          : m.events ? 'No third party involved.\n' : '';
        // One table for programs: the whole range first, then each period.
        emit(cmd, format, {
          json: m,
          lead: `${show(pa)}–${show(pb)}: ${m.mediated} of ${m.events} events involve a third party (${pct(m.share)})\n`,
          header: ['period', 'events', 'mediated', 'share'],
          rows: format === 'table' ? m.periods.map((p) => [p.period, p.events, p.mediated, share(p.share)]) : [['all', m.events, m.mediated, m.share], ...m.periods.map((p) => [p.period, p.events, p.mediated, p.share])],
          empty: '',
          text: third,
        });
      });
    });
}
