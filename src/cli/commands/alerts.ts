// `alerts [--window 90d]`: dyads whose material-conflict count or Goldstein mean breaks from their own baseline, newest first.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { measureRange } from './mediation.js';

export function defineAlerts(program: Command): void {
  withFormat(withScope(program.command('alerts')))
    .description('dyad windows whose material-conflict count or Goldstein mean break from the dyad baseline (z-score), newest first')
    .option('--window <length>', 'window length, e.g. 90d or 12w', '90d')
    .option('--as-of <date>', 'last day of the newest window (default: the newest event)')
    .option('--threshold <z>', '|z| that raises an alert', '2.5')
    .option('--recent <n>', 'only the n newest windows')
    .option('--limit <n>', 'at most n alerts', '50')
    .action(async (o: ScopeCliOptions & { window: string; asOf?: string; threshold: string; recent?: string; limit: string; format?: string; json?: boolean }, cmd: Command) => {
      const format = formatOf(o);
      const asOf = measureRange('cli/alerts', { to: o.asOf }).to;
      const threshold = Number(o.threshold);
      if (!(threshold > 0)) throw new UserError('cli/alerts', `"${o.threshold}" is not a positive number`, { field: '--threshold' });
      const whole = (v: string | undefined, field: string) => {
        if (v === undefined) return undefined;
        const x = Number(v);
        if (!(Number.isInteger(x) && x > 0)) throw new UserError('cli/alerts', `"${v}" is not a positive whole number`, { field });
        return x;
      };
      const { alerts, parseWindow } = await import('../../measure/alerts.js');
      const window = parseWindow(o.window);
      const { partiesOf } = await import('../../store/parties.js');
      await withStore(cmd, async (store) => {
        const { label } = await partiesOf(store);
        const list = (await alerts(store, { scope: scopeOf(o, 'cli/alerts'), window, asOf, threshold, recent: whole(o.recent, '--recent') })).slice(0, whole(o.limit, '--limit'));
        emit(cmd, format, {
          json: list,
          header: format === 'table'
            ? ['window', 'dyad', 'measure', 'value', 'baseline', 'z', 'direction']
            : ['window_start', 'window_end', 'a', 'b', 'measure', 'value', 'baseline_mean', 'baseline_sd', 'z', 'direction'],
          rows: list.map((a) =>
            format === 'table'
              ? [`${a.window.start}…${a.window.end}`, `${label(a.a)}–${label(a.b)}`, a.measure, Math.round(a.value * 100) / 100, `${a.baseline.mean.toFixed(2)} ± ${a.baseline.sd.toFixed(2)}`, a.z.toFixed(1), a.direction]
              : [a.window.start, a.window.end, a.a, a.b, a.measure, a.value, a.baseline.mean, a.baseline.sd, a.z, a.direction],
          ),
          empty: 'No alerts.',
        });
      });
    });
}
