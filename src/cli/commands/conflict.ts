// `conflict A [B]`: UCDP/PRIO conflict-years involving a state (and another): intensity, the state's role, primary and secondary parties.
import type { Command } from 'commander';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { ensureStructural, iso3Arg, yearArg } from '../structural-options.js';

export function defineConflict(program: Command): void {
  withFormat(
    program
      .command('conflict')
      .description('UCDP/PRIO armed-conflict years involving a state (and a second one): intensity, role, primary and secondary parties')
      .argument('<a>', 'ISO3 code of the state')
      .argument('[b]', 'only conflict-years in which this state is involved too')
      .option('--from <yyyy>', 'first year')
      .option('--until <yyyy>', 'last year'),
  ).action(async (a: string, b: string | undefined, o: { from?: string; until?: string; format?: string; json?: boolean }, cmd: Command) => {
    const format = formatOf(o);
    const q = { a: iso3Arg(a, '<a>'), b: b === undefined ? undefined : iso3Arg(b, '[b]'), from: yearArg(o.from, '--from'), until: yearArg(o.until, '--until') };
    const { conflictOf } = await import('../../measure/structural.js');
    await withStore(cmd, async (store) => {
      await ensureStructural(store, cmd);
      const r = await conflictOf(store, q);
      const role = (r: string, s: 'a' | 'b' | null) => (s ? `${r} ${s.toUpperCase()}` : r);
      const side = (s: { primary: string; secondary: string | null }) => (s.secondary ? `${s.primary} + ${s.secondary}` : s.primary);
      emit(cmd, format, {
        json: r.years,
        header: ['conflict', 'year', 'location', 'type', 'intensity', `role of ${q.a}`, ...(q.b ? [`role of ${q.b}`] : []), 'side A (+ secondary)', 'side B (+ secondary)'],
        rows: r.years.map((y) => [
          y.conflict_id, y.year, y.location, y.type, y.intensity, role(y.role, y.side),
          ...(q.b ? [`${role(y.b_role!, y.b_side ?? null)}${y.opposed ? ', opposed' : ''}`] : []), side(y.side_a), side(y.side_b),
        ]),
        empty: `no UCDP conflict-years involving ${q.a}${q.b ? ` and ${q.b}` : ''} in the store`,
        text:
          r.conflicts
            .map((c) => `${c.conflict_id} ${c.side_a} v ${c.side_b}${c.territory ? ` (${c.territory})` : ''}: ${c.years.length} conflict-year${c.years.length === 1 ? '' : 's'} ${c.years[0]}–${c.years.at(-1)}, war in ${c.war_years.join(', ') || 'none'}; ${q.a} ${c.roles.join(', ')}\n`)
            .join('') + 'intensity: minor = 25–999 battle-related deaths in the year, war = 1,000 or more. Secondary parties: states joining a side with troops.\n' +
          r.sources.map((s) => `Source: ${s.citation}.\n`).join(''),
      });
    });
  });
}
