// `brief`: the regional brief (key shifts with charts, contested claims, thesis verdicts, scenario outlooks, citations) as Markdown or HTML.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { withStore } from '../context.js';

interface BriefCliOptions {
  format: string;
  out?: string;
  region?: string;
  scenarios?: string;
  runs: string;
}

/** Default place of the brief: out/brief.<format> (out/ is not tracked). */
export const defaultBriefPath = (format: 'md' | 'html') => resolve('out', `brief.${format}`);

/** Writes the brief to `out` and returns the path written. */
export async function writeBrief(store: Store, o: { format: 'md' | 'html'; out?: string; region?: string; scenarios?: string; runs?: number }): Promise<string> {
  const { brief } = await import('../../report/brief.js');
  const { builtinRegionDir } = await import('../../ingest/curated/builtin.js');
  const { listRegions } = await import('../../store/queries.js');
  const region = o.region ?? (await listRegions(store))[0]?.id;
  if (!region) throw new UserError('brief', 'no region is loaded; run `faultline start` or `faultline load DIR` first');
  const dirs = o.scenarios ? [o.scenarios] : [join(builtinRegionDir(region), 'scenarios')].filter((d) => existsSync(d));
  const text = await brief(store, o.format, { region, scenarioDirs: dirs, runs: o.runs });
  const path = resolve(o.out ?? defaultBriefPath(o.format));
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
      await withStore(cmd, async (store) => {
        if (o.out === '-') {
          const { brief } = await import('../../report/brief.js');
          const { builtinRegionDir } = await import('../../ingest/curated/builtin.js');
          const { listRegions } = await import('../../store/queries.js');
          const region = o.region ?? (await listRegions(store))[0]?.id;
          if (!region) throw new UserError('brief', 'no region is loaded; run `faultline start` first');
          const dirs = o.scenarios ? [o.scenarios] : [join(builtinRegionDir(region), 'scenarios')].filter((d) => existsSync(d));
          process.stdout.write(await brief(store, format, { region, scenarioDirs: dirs, runs }));
          return;
        }
        const path = await writeBrief(store, { format, out: o.out, region: o.region, scenarios: o.scenarios, runs });
        process.stdout.write(`brief: wrote ${path}\n`);
      });
    });
}

/** The last step of `npm start`: writes out/brief.html and prints where. */
export async function briefStartHook(store: Store): Promise<void> {
  const path = await writeBrief(store, { format: 'html' });
  process.stdout.write(`\nRegional brief: ${path}\n`);
}
