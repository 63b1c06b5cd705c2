// `actors`, `events`, `claims`, `relations` and `timeline`: the knowledge base as tables or JSON.
import type { Command } from 'commander';
import { UserError, boundDay } from '../../model/index.js';
import type { ListFilter } from '../../store/queries.js';
import { ioOf, printJson, withStore } from '../context.js';
import { renderTable } from '../table.js';

interface ListOptions {
  actor?: string;
  from?: string;
  to?: string;
  json?: boolean;
  datasets?: boolean;
  limit?: string;
}

/** Turns the CLI's filter options into a store filter, rejecting malformed dates. */
export function toFilter(o: ListOptions): ListFilter {
  const day = (v: string | undefined, side: 'from' | 'to') => {
    if (v === undefined) return undefined;
    const d = boundDay(v, side);
    if (!d) throw new UserError('cli', `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
    return d;
  };
  const limit = o.limit === undefined ? undefined : Number(o.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UserError('cli', `"${o.limit}" is not a positive whole number`, { field: '--limit' });
  return {
    actor: o.actor,
    from: day(o.from, 'from'),
    to: day(o.to, 'to'),
    limit,
    excludeOrigins: o.datasets ? undefined : ['gdelt', 'icews', 'acled'],
  };
}

function withFilters(cmd: Command): Command {
  return cmd
    .option('--actor <id>', 'only entries involving this actor id or ISO3 country')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--json', 'JSON for programs')
    .option('--datasets', 'include events imported from GDELT, ICEWS and ACLED');
}

const dateText = (d: { start: string; end: string; precision: string } | null | undefined) =>
  !d ? '—' : d.start === d.end ? d.start : `${d.start}…${d.end} (${d.precision})`;

export function defineListCommands(program: Command): void {
  withFilters(program.command('actors').description('list actors')).action(async (o: ListOptions, cmd: Command) => {
    const { listActors } = await import('../../store/queries.js');
    await withStore(cmd, async (store) => {
      const rows = await listActors(store, { ...toFilter(o), excludeOrigins: undefined });
      if (o.json) return printJson(rows, cmd);
      ioOf(cmd).stdout.write(renderTable(['id', 'kind', 'name', 'country', 'code'], rows.map((a) => [a.id, a.kind, a.name, a.country, a.code])));
    });
  });

  withFilters(program.command('events').description('list events').option('--limit <n>', 'at most n events')).action(async (o: ListOptions, cmd: Command) => {
    const { listEvents } = await import('../../store/queries.js');
    await withStore(cmd, async (store) => {
      const rows = await listEvents(store, toFilter(o));
      if (o.json) return printJson(rows, cmd);
      ioOf(cmd).stdout.write(
        renderTable(
          ['date', 'cameo', 'quad', 'gold', 'source', 'target', 'summary'],
          rows.map((e) => [dateText(e.date), e.cameo, e.quad, e.goldstein, e.source, e.target, e.summary]),
        ),
      );
    });
  });

  withFilters(program.command('claims').description('list claims with who asserted and who denied them')).action(async (o: ListOptions, cmd: Command) => {
    const { listClaims } = await import('../../store/queries.js');
    await withStore(cmd, async (store) => {
      const rows = await listClaims(store, toFilter(o));
      if (o.json) return printJson(rows, cmd);
      ioOf(cmd).stdout.write(
        renderTable(['id', 'status', 'claimant', 'denied by', 'statement'], rows.map((c) => [c.id, c.status, c.claimant, c.deniedBy, c.statement])),
      );
    });
  });

  withFilters(program.command('relations').description('list standing relations between actors')).action(async (o: ListOptions, cmd: Command) => {
    const { listRelations } = await import('../../store/queries.js');
    await withStore(cmd, async (store) => {
      const rows = await listRelations(store, toFilter(o));
      if (o.json) return printJson(rows, cmd);
      ioOf(cmd).stdout.write(
        renderTable(
          ['id', 'type', 'from', 'to', 'sign', 'strength', 'since', 'until'],
          rows.map((r) => [r.id, r.type, r.from, r.to, r.sign, r.strength, r.interval.start, r.interval.end]),
        ),
      );
    });
  });

  withFilters(program.command('timeline').description('dated events in order, each with its sources')).action(async (o: ListOptions, cmd: Command) => {
    const { listEvents, listSources } = await import('../../store/queries.js');
    await withStore(cmd, async (store) => {
      const events = (await listEvents(store, toFilter(o))).filter((e) => e.date);
      if (o.json) return printJson(events, cmd);
      const sources = new Map((await listSources(store)).map((s) => [s.id, s]));
      for (const e of events) {
        ioOf(cmd).stdout.write(`${dateText(e.date)}  [${e.cameo} q${e.quad} ${e.goldstein >= 0 ? '+' : ''}${e.goldstein}] ${e.summary}\n`);
        for (const id of e.sources) {
          const s = sources.get(id);
          ioOf(cmd).stdout.write(`    ${id}: ${s ? [s.outlet, s.title, s.url].filter(Boolean).join(' — ') : '(unknown source)'}\n`);
        }
      }
    });
  });
}
