// `arms A [--by year|5y]` and `arms --supplier S`: SIPRI arms transfers: a recipient's suppliers and their shares with the HHI and top systems, or a supplier's recipients.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { ensureStructural, iso3Arg, yearArg } from '../structural-options.js';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function defineArms(program: Command): void {
  withFormat(
    program
      .command('arms')
      .description("a state's arms suppliers by SIPRI TIV per year or five-year period, their shares, concentration (HHI) and top systems; --supplier S for whom S arms")
      .argument('[a]', 'ISO3 code of the recipient')
      .option('--supplier <iso3>', 'the reverse view: recipients of this supplier (ISO3, or a SIPRI name such as "unknown supplier(s)")')
      .option('--by <unit>', 'year or 5y (five-year periods 2020-2024 …)', 'year')
      .option('--basis <basis>', 'deliveries (TIV delivered, split over the years of delivery) or orders (TIV of whole orders in the year ordered)', 'deliveries')
      .option('--from <yyyy>', 'first year')
      .option('--until <yyyy>', 'last year')
      .option('--top <n>', 'systems listed per period', '3'),
  ).action(async (a: string | undefined, o: { supplier?: string; by: string; basis: string; from?: string; until?: string; top: string; format?: string; json?: boolean }, cmd: Command) => {
    const format = formatOf(o);
    if (o.by !== 'year' && o.by !== '5y') throw new UserError('cli', `"${o.by}" is not one of year, 5y`, { field: '--by' });
    if (o.basis !== 'deliveries' && o.basis !== 'orders') throw new UserError('cli', `"${o.basis}" is not one of deliveries, orders`, { field: '--basis' });
    const top = Number(o.top);
    if (!Number.isInteger(top) || top < 0) throw new UserError('cli', `"${o.top}" is not a whole number`, { field: '--top' });
    if (!a && !o.supplier) throw new UserError('cli', 'give a recipient (arms ARM) or --supplier S', { field: '<a>' });
    if (a && o.supplier) throw new UserError('cli', 'give either a recipient or --supplier, not both', { field: '--supplier' });
    const supplier = o.supplier === undefined ? undefined : /^[A-Za-z]{3}$/.test(o.supplier.trim()) ? o.supplier.trim().toUpperCase() : o.supplier.trim();
    const q = { recipient: a ? iso3Arg(a, '<a>') : undefined, supplier, by: o.by, basis: o.basis, from: yearArg(o.from, '--from'), until: yearArg(o.until, '--until'), topSystems: top } as const;
    const { armsOf } = await import('../../measure/structural.js');
    await withStore(cmd, async (store) => {
      await ensureStructural(store, cmd);
      const r = await armsOf(store, q);
      const sources = r.sources.map((s) => `Source: ${s.citation}${s.files.length ? ` (read from ${s.files.map((f) => f.file.split('/').pop()).join(', ')})` : ''}.\n`).join('');
      const scope = r.coverage === 'world' ? '' : "The store holds the built-in region's deals only (import sipri-arms FILE for the whole register).\n";
      if (r.view === 'supplier') {
        emit(cmd, format, {
          json: r.recipients,
          header: ['period', 'recipient', 'TIV', `share of ${r.supplier}'s deliveries`, "share of recipient's imports"],
          rows: r.recipients.map((x) => [x.period, x.recipient, format === 'csv' ? x.tiv : x.tiv.toFixed(1), format === 'csv' ? x.share_of_supplier : pct(x.share_of_supplier), format === 'csv' ? x.share_of_recipient : pct(x.share_of_recipient)]),
          empty: `no ${r.basis} by ${r.supplier} in the store`,
          text: `${scope}${sources}`,
        });
        return;
      }
      const byPeriod = new Map(r.periods.map((p) => [p.period, p]));
      emit(cmd, format, {
        json: r.shares.map((s) => ({ ...s, period_tiv: byPeriod.get(s.period)!.tiv, hhi: byPeriod.get(s.period)!.hhi, partial: byPeriod.get(s.period)!.partial })),
        header: ['period', 'supplier', 'TIV', 'share', 'deals'],
        rows: r.shares.map((s) => [s.period, s.supplier, format === 'csv' ? s.tiv : s.tiv.toFixed(1), format === 'csv' ? s.share : pct(s.share), s.deals]),
        empty: `no ${r.basis} to ${r.recipient} in the store`,
        text:
          r.periods
            .map((p) => `${p.period}${p.partial ? ' (partial)' : ''}: ${p.tiv.toFixed(1)} TIV from ${p.suppliers} supplier${p.suppliers === 1 ? '' : 's'}, HHI ${p.hhi.toFixed(2)}; top: ${p.top.map((t) => `${t.designation} (${t.description}, ${t.supplier}, ${t.tiv.toFixed(1)})`).join('; ') || '—'}\n`)
            .join('') + `TIV: SIPRI trend-indicator values, millions; ${r.basis === 'deliveries' ? "a deal's delivered TIV is split evenly over its years of delivery" : 'whole orders in their year of order'}. Periods with no ${r.basis} are left out.\n${scope}${sources}`,
      });
    });
  });
}
