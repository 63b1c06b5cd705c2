// `brief`: the regional brief (key shifts with charts, contested claims, thesis verdicts, scenario outlooks, citations) as Markdown or HTML.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { ioOf, withStore } from '../context.js';

interface BriefCliOptions {
  format: string;
  out?: string;
  region?: string;
  scenarios?: string;
  runs: string;
}

/** Default place of the brief: out/brief.<format> under `cwd` (out/ is not tracked). */
export const defaultBriefPath = (format: 'md' | 'html', cwd = process.cwd()) => resolve(cwd, 'out', `brief.${format}`);

interface BriefWriteOptions {
  format: 'md' | 'html';
  /** Where to write it, relative to `cwd`; "-" returns the text without writing. */
  out?: string;
  region?: string;
  scenarios?: string;
  runs?: number;
  /** The directory relative paths are read against (the caller's, also when a server runs the command). */
  cwd?: string;
}

/** The brief's text for the chosen (or first loaded) region. */
async function briefText(store: Store, o: BriefWriteOptions): Promise<string> {
  const { brief } = await import('../../report/brief.js');
  const { builtinRegionDir } = await import('../../ingest/curated/builtin.js');
  const { listRegions } = await import('../../store/queries.js');
  const region = o.region ?? (await listRegions(store))[0]?.id;
  if (!region) throw new UserError('brief', 'no region is loaded; run `faultline start` or `faultline load DIR` first');
  const dirs = o.scenarios ? [resolve(o.cwd ?? process.cwd(), o.scenarios)] : [join(builtinRegionDir(region), 'scenarios')].filter((d) => existsSync(d));
  return brief(store, o.format, { region, scenarioDirs: dirs, runs: o.runs });
}

/** Writes the brief to `out` (default out/brief.<format>) and returns the path written. */
export async function writeBrief(store: Store, o: BriefWriteOptions): Promise<string> {
  const text = await briefText(store, o);
  const cwd = o.cwd ?? process.cwd();
  const path = o.out ? resolve(cwd, o.out) : defaultBriefPath(o.format, cwd);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Declares `faultline brief [--format md|html] [--out FILE]`. */
export function defineBrief(program: Command): void {
  program
    .command('brief')
    .description('write the regional brief: key shifts with charts, contested claims, thesis verdicts, scenario outlooks, numbered citations')
    .option('--format <format>', 'md or html', 'html')
    .option('--out <file>', 'where to write it (default out/brief.<format>; "-" for stdout)')
    .option('--region <id>', 'region id (default: the first loaded region)')
    .option('--scenarios <dir>', "directory of scenario YAML files (default: the built-in region's scenarios)")
    .option('--runs <n>', 'Monte Carlo runs per scenario for the outcome bands', '100')
    .action(async (o: BriefCliOptions, cmd: Command) => {
      if (o.format !== 'md' && o.format !== 'html') throw new UserError('brief', `unknown format "${o.format}", expected md or html`, { field: '--format' });
      const runs = Number(o.runs);
      if (!Number.isInteger(runs) || runs < 0) throw new UserError('brief', `"${o.runs}" is not a whole number`, { field: '--runs' });
      const format = o.format;
      const io = ioOf(cmd);
      await withStore(cmd, async (store) => {
        const options: BriefWriteOptions = { format, out: o.out, region: o.region, scenarios: o.scenarios, runs, cwd: io.cwd };
        if (o.out === '-') return void io.stdout.write(await briefText(store, options));
        io.stdout.write(`brief: wrote ${await writeBrief(store, options)}\n`);
      });
    });
}

/** The last step of `npm start`: writes out/brief.html and prints where. */
export async function briefStartHook(store: Store, cmd: Command): Promise<void> {
  const io = ioOf(cmd);
  const path = await writeBrief(store, { format: 'html', cwd: io.cwd });
  io.stdout.write(`\nRegional brief: ${path}\n`);
}
