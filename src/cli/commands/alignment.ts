// `alignment A [--to B,C]`: UN General Assembly alignment per year: ideal-point distance (Bailey, Strezhnev & Voeten 2017), vote agreement, who moved.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { ensureStructural, iso3Arg, iso3List, yearArg } from '../structural-options.js';

/** Fewer roll calls than this and an agreement rate is marked as thin in the table. */
export const THIN_VOTES = 10;

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function defineAlignment(program: Command): void {
  withFormat(
    program
      .command('alignment')
      .description("a state's UN General Assembly alignment with reference states per year: ideal-point distance, vote agreement (abstention = ½), which side moved")
      .argument('<a>', 'ISO3 code of the state')
      .option('--to <iso3,...>', "reference states (default: the states named in the loaded region's groups)")
      .option('--from <yyyy>', 'first year')
      .option('--until <yyyy>', 'last year'),
  ).action(async (a: string, o: { to?: string; from?: string; until?: string; format?: string; json?: boolean }, cmd: Command) => {
    const format = formatOf(o);
    const state = iso3Arg(a, '<a>');
    const from = yearArg(o.from, '--from');
    const until = yearArg(o.until, '--until');
    const { alignmentOf, regionPowers } = await import('../../measure/structural.js');
    await withStore(cmd, async (store) => {
      await ensureStructural(store, cmd);
      const to = o.to ? iso3List(o.to, '--to') : (await regionPowers(store)).powers.filter((c) => c !== state);
      if (to.length === 0) throw new UserError('cli', 'no reference states: give --to B,C or load a region with partner groups', { field: '--to' });
      const r = await alignmentOf(store, { a: state, to, from, until });
      const thin = (votes: number) => votes > 0 && votes < THIN_VOTES;
      emit(cmd, format, {
        json: r.rows,
        header: ['year', 'a', 'b', 'distance', 'Δa', 'Δb', 'moved', 'agreement', 'votes', 'same', 'half', 'opposite', 'agreement from'],
        rows: r.rows.map((x) => [
          x.year, x.a, x.b, format === 'csv' ? x.distance : f3(x.distance), format === 'csv' ? x.delta_a : f3(x.delta_a), format === 'csv' ? x.delta_b : f3(x.delta_b),
          x.moved ?? '', format === 'csv' ? x.agreement : x.agreement === null ? '—' : `${x.agreement.toFixed(2)}${thin(x.votes) ? ' (thin)' : ''}`,
          x.votes, x.same, x.half, x.opposite, x.agreement_source ?? '',
        ]),
        empty: `no UNGA data for ${state} and ${to.join(', ')} in the store`,
        text:
          `distance: |ideal point ${state} − ideal point B| (idealpointfp); moved: the side whose ideal point changed more since the year before.\n` +
          `agreement: (same + ½·one abstention) / roll calls both voted on; the vote file ends in ${r.votesThrough ?? '?'}, so later years have none; (thin): fewer than ${THIN_VOTES} roll calls.\n` +
          r.sources.map((s) => `Source: ${s.citation}; ${s.coverage}${s.files.length ? ` (read from ${s.files.map((f) => f.file.split('/').pop()).join(', ')})` : ''}.\n`).join(''),
      });
      if (r.rows.length === 0 && format !== 'table') ioOf(cmd).stderr.write(`alignment: no UNGA data for ${state} and ${to.join(', ')}\n`);
    });
  });
}
