// `actors`, `events`, `claims`, `relations` and `timeline`: the knowledge base as tables or JSON.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { boundDay } from '../../model/day.js';
import type { ListFilter } from '../../store/queries.js';
import type { Source } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat, type OutputFormat } from '../output.js';

interface ListOptions {
  actor?: string;
  from?: string;
  to?: string;
  format?: string;
  json?: boolean;
  datasets?: boolean;
  limit?: string;
  includeUndated?: boolean;
}

/** Turns the CLI's filter options into a store filter, rejecting malformed dates; `actor` is the resolved id or code. */
export function toFilter(o: ListOptions, actor?: string): ListFilter {
  const day = (v: string | undefined, side: 'from' | 'to') => {
    if (v === undefined) return undefined;
    const d = boundDay(v, side);
    if (!d) throw new UserError('cli', `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
    return d;
  };
  const limit = o.limit === undefined ? undefined : Number(o.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UserError('cli', `"${o.limit}" is not a positive whole number`, { field: '--limit' });
  return {
    actor,
    from: day(o.from, 'from'),
    to: day(o.to, 'to'),
    limit,
    excludeOrigins: o.datasets ? undefined : ['gdelt', 'icews', 'acled'],
    includeUndated: !!o.includeUndated,
  };
}

function withFilters(cmd: Command): Command {
  return withFormat(
    cmd
      .option('--actor <name>', 'only entries involving this actor: id, ISO3 country, IGO code or name ("Armenia", "the EU")')
      .option('--from <date>', 'from YYYY[-MM[-DD]]')
      .option('--to <date>', 'to YYYY[-MM[-DD]]')
      .option('--datasets', 'include events imported from GDELT, ICEWS and ACLED'),
  );
}

const dateText = (d: { start: string; end: string; precision: string } | null | undefined) =>
  !d ? 'undated' : d.start === d.end ? d.start : `${d.start}…${d.end} (${d.precision})`;

/** Opens the store, resolves --actor, and hands the action the store, the filter and how to show a code. */
async function listing(
  cmd: Command,
  o: ListOptions,
  fn: (store: Store, filter: ListFilter, show: (code: string) => string, format: OutputFormat) => Promise<void>,
): Promise<void> {
  const format = formatOf(o);
  const { partiesOf } = await import('../../store/parties.js');
  await withStore(cmd, async (store) => {
    const parties = await partiesOf(store);
    const filter = toFilter(o, o.actor === undefined ? undefined : parties.actor(o.actor, '--actor'));
    // Tables are for people: names with their codes. CSV and JSON keep the bare codes.
    await fn(store, filter, format === 'table' ? parties.label : (c) => c, format);
  });
}

export function defineListCommands(program: Command): void {
  withFilters(program.command('actors').description('list actors')).action(async (o: ListOptions, cmd: Command) => {
    const { listActors } = await import('../../store/queries.js');
    await listing(cmd, o, async (store, filter, show, format) => {
      const rows = await listActors(store, { ...filter, excludeOrigins: undefined });
      emit(cmd, format, {
        json: rows,
        header: ['actor', 'kind', 'name', 'country', 'code'],
        rows: rows.map((a) => [a.id, a.kind, a.name, a.country ? show(a.country) : null, a.code]),
        empty: 'no actors',
      });
    });
  });

  withFilters(program.command('events').description('list events, oldest first (undated ones last)'))
    .option('--limit <n>', 'at most n events')
    .option('--include-undated', 'keep undated events when --from or --to is given')
    .action(async (o: ListOptions, cmd: Command) => {
      const { listEvents } = await import('../../store/queries.js');
      await listing(cmd, o, async (store, filter, show, format) => {
        const ranged = filter.from !== undefined || filter.to !== undefined;
        // Under a day range, undated events are read too (they sort last) so that people hear how many were left out.
        const read = await listEvents(store, ranged && filter.limit === undefined ? { ...filter, includeUndated: true } : filter);
        const rows = ranged && !filter.includeUndated ? read.filter((e) => e.date) : read;
        const hidden = read.length - rows.length;
        if (hidden > 0 && format === 'table') ioOf(cmd).stderr.write(`note: ${hidden} undated event${hidden === 1 ? '' : 's'} left out by --from/--to; --include-undated lists ${hidden === 1 ? 'it' : 'them'}\n`);
        emit(cmd, format, {
          json: rows,
          header: ['date', 'cameo', 'quad', 'gold', 'status', 'source', 'target', 'summary'],
          rows: rows.map((e) => [dateText(e.date), e.cameo, e.quad, e.goldstein, e.status, e.source.map(show), e.target.map(show), e.summary]),
          empty: 'no events',
        });
      });
    });

  withFilters(program.command('claims').description('list claims with who asserted and who denied them')).action(async (o: ListOptions, cmd: Command) => {
    const { listClaims } = await import('../../store/queries.js');
    await listing(cmd, o, async (store, filter, show, format) => {
      const rows = await listClaims(store, filter);
      emit(cmd, format, {
        json: rows,
        header: ['id', 'status', 'claimant', 'denied by', 'statement'],
        rows: rows.map((c) => [c.id, c.status, c.claimant.map(show), c.deniedBy.map(show), c.statement]),
        empty: 'no claims',
      });
    });
  });

  withFilters(program.command('relations').description('list standing relations between actors')).action(async (o: ListOptions, cmd: Command) => {
    const { listRelations } = await import('../../store/queries.js');
    await listing(cmd, o, async (store, filter, show, format) => {
      const rows = await listRelations(store, filter);
      emit(cmd, format, {
        json: rows,
        header: ['id', 'type', 'from', 'to', 'sign', 'strength', 'since', 'until'],
        rows: rows.map((r) => [r.id, r.type, show(r.from), show(r.to), r.sign, r.strength, r.interval.start, r.interval.end]),
        empty: 'no relations',
      });
    });
  });

  withFilters(program.command('timeline').description('dated events in order, each with its sources'))
    .option('--include-undated', 'also list the undated events, after the dated ones')
    .action(async (o: ListOptions, cmd: Command) => {
      const { listEvents, listSources } = await import('../../store/queries.js');
      const out = ioOf(cmd).stdout;
      await listing(cmd, o, async (store, filter, show, format) => {
        const events = (await listEvents(store, filter)).filter((e) => e.date || o.includeUndated);
        const sources = new Map<string, Source>((await listSources(store)).map((s) => [s.id, s]));
        const cites = (ids: readonly string[]) => ids.map((id) => ({ id, source: sources.get(id) }));
        if (format !== 'table') {
          return emit(cmd, format, {
            json: events,
            header: ['date', 'cameo', 'quad', 'gold', 'source', 'target', 'summary', 'sources', 'urls'],
            rows: events.map((e) => [dateText(e.date), e.cameo, e.quad, e.goldstein, e.source, e.target, e.summary, e.sources, cites(e.sources).map((c) => c.source?.url ?? '')]),
          });
        }
        if (events.length === 0) return void out.write('no events\n');
        for (const e of events) {
          const who = `${e.source.map(show).join(', ')}${e.target.length ? ` → ${e.target.map(show).join(', ')}` : ''}`;
          out.write(`${dateText(e.date)}  [${e.cameo} q${e.quad} ${e.goldstein >= 0 ? '+' : ''}${e.goldstein}] ${who}: ${e.summary}\n`);
          for (const { id, source: s } of cites(e.sources)) {
            out.write(`    ${id}: ${s ? [s.outlet, s.title, s.url].filter(Boolean).join(' — ') : '(unknown source)'}\n`);
          }
        }
      });
    });
}
