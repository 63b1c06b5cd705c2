// `influence A [--by year] [--groups FILE]`: A's interactions split by partner and by partner group.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { resolve } from 'node:path';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';
import { measureRange } from './mediation.js';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/** Partner groups from a YAML or JSON file mapping group names to lists of countries or actor ids. */
async function readGroups(file: string): Promise<Record<string, string[]>> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('yaml');
  const { z } = await import('zod');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('cli/influence', 'cannot read the file', { file, field: '--groups' });
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new UserError('cli/influence', `not YAML or JSON: ${(err as Error).message.split('\n')[0]}`, { file, line });
  }
  const r = z.record(z.string(), z.array(z.string().min(1)).min(1)).safeParse((doc as { groups?: unknown })?.groups ?? doc);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError('cli/influence', `${i.message} (expected group: [ISO3, …])`, { file, field: i.path.join('.') || 'groups' });
  }
  return r.data;
}

export function defineInfluence(program: Command): void {
  withFormat(withScope(program.command('influence')))
    .description("an actor's interactions split by partner and by partner group (groups from the region config or --groups)")
    .argument('<actor>', 'ISO3 country, IGO code or name')
    .option('--by <unit>', 'per month, quarter or year')
    .option('--groups <file>', 'YAML/JSON mapping group names to countries (default: the groups of the loaded regions)')
    .option('--from <date>', 'from YYYY[-MM[-DD]]')
    .option('--to <date>', 'to YYYY[-MM[-DD]]')
    .option('--top <n>', 'partners listed', '10')
    .action(async (actor: string, o: ScopeCliOptions & { by?: string; groups?: string; from?: string; to?: string; top: string; format?: string; json?: boolean }, cmd: Command) => {
      const format = formatOf(o);
      const range = measureRange('cli/influence', o);
      const top = Number(o.top);
      if (!(Number.isInteger(top) && top > 0)) throw new UserError('cli/influence', `"${o.top}" is not a positive whole number`, { field: '--top' });
      const scope = scopeOf(o, 'cli/influence');
      const { influence } = await import('../../measure/influence.js');
      const { listRegions } = await import('../../store/queries.js');
      const { partiesOf } = await import('../../store/parties.js');
      const fileGroups = o.groups ? await readGroups(resolve(ioOf(cmd).cwd, o.groups)) : undefined;
      await withStore(cmd, async (store) => {
        const parties = await partiesOf(store);
        const party = parties.party(actor, '<actor>');
        const groups = fileGroups ?? Object.assign({}, ...(await listRegions(store)).map((r) => r.groups ?? {}));
        const inf = await influence(store, { scope, actor: party, groups, ...range });
        const show = format === 'table' ? parties.label : (c: string) => c;
        let lead = `${show(party)}: ${inf.events} events with a partner\n`;
        if (inf.groups.length) lead += renderTable(['group', 'events', 'share'], inf.groups.map((g) => [g.group, g.events, pct(g.share)]));
        const names = inf.groups.map((g) => g.group);
        const periods = inf.periods.length
          ? renderTable(['period', 'events', ...names, 'top partner'], inf.periods.map((p) => [p.period, p.events, ...p.groups.map((g) => pct(g.share)), p.partners[0] ? show(p.partners[0].partner) : '—']))
          : '';
        // The partner table for programs lists every partner; people see the top ones.
        const partners = format === 'table' ? inf.partners.slice(0, top) : inf.partners;
        emit(cmd, format, {
          json: inf,
          lead,
          header: ['partner', 'events', 'share'],
          rows: partners.map((p) => [show(p.partner), p.events, format === 'table' ? pct(p.share) : p.share]),
          text: periods,
        });
      });
    });
}
