// Commands that validate, load and export the curated knowledge base, and `start`, the main job.
import type { Command } from 'commander';
import { UserError, formatIssue } from '../../model/errors.js';
import type { KnowledgeBase } from '../../model/index.js';
import { ioOf, printJson, withStore, type CliIo } from '../context.js';

/** Validates a region directory, throwing one UserError that lists every issue. */
async function readValid(dir: string, io: CliIo) {
  const { readRegionDir } = await import('../../ingest/curated/index.js');
  const { statSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const path = resolve(io.cwd, dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new UserError('validate', 'no such directory', { file: dir });
  }
  if (!isDirectory) throw new UserError('validate', 'is a file; give the region directory that holds region.yaml, actors.yaml, …', { file: dir });
  // Issues name files as given, unless they have to be read from another directory than this process's.
  const r = readRegionDir(resolve(dir) === path ? dir : path);
  for (const w of r.warnings) io.stderr.write(`warning: ${formatIssue(w)}\n`);
  if (!r.ok) {
    for (const issue of r.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    throw new UserError('validate', `${r.issues.length} problem${r.issues.length === 1 ? '' : 's'} in ${dir}; nothing was written`);
  }
  return { kb: r.kb as KnowledgeBase, hash: r.hash, locations: r.locations };
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
}

export function defineKnowledgeCommands(program: Command): void {
  program
    .command('validate')
    .description('check a region directory: schemas, dates and references; exit 2 on any problem')
    .argument('<dir>', 'region directory (region.yaml, sources.yaml, actors.yaml, …)')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const { kb } = await readValid(dir, ioOf(cmd));
      const counts = Object.fromEntries(Object.entries(kb).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
      ioOf(cmd).stdout.write(`${dir}: valid (${describeCounts(counts)})\n`);
    });

  program
    .command('load')
    .description('validate a region directory, then load it into the store in one transaction')
    .argument('<dir>', 'region directory')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const { kb, hash, locations } = await readValid(dir, ioOf(cmd));
      const { loadKnowledgeBase } = await import('../../store/index.js');
      await withStore(cmd, async (store) => {
        const r = await loadKnowledgeBase(store, kb, hash, { locations });
        ioOf(cmd).stdout.write(r.unchanged ? `${r.origin}: unchanged since the last load (${describeCounts(r.counts)})\n` : `${r.origin}: loaded ${describeCounts(r.counts)}\n`);
      });
    });

  program
    .command('export')
    .description('print the whole knowledge base as one JSON object')
    .option('--json', 'JSON output (the only format)', true)
    .option('--include-datasets', 'also include events imported from GDELT, ICEWS and ACLED')
    .action(async (opts: { includeDatasets?: boolean }, cmd: Command) => {
      const { exportKnowledgeBase } = await import('../../store/index.js');
      await withStore(cmd, async (store) => printJson(await exportKnowledgeBase(store, { includeDatasets: opts.includeDatasets }), cmd));
    });

  program
    .command('start')
    .description('the main job: create the store, load the built-in region and print its summary')
    .option('--region <id>', 'built-in region to load', 'south-caucasus')
    .action(async (opts: { region: string }, cmd: Command) => {
      const { builtinRegionDir } = await import('../../ingest/curated/index.js');
      const { kb, hash, locations } = await readValid(builtinRegionDir(opts.region), ioOf(cmd));
      const { loadKnowledgeBase } = await import('../../store/index.js');
      const { regionSummary } = await import('../../report/region-summary.js');
      await withStore(cmd, async (store) => {
        const r = await loadKnowledgeBase(store, kb, hash, { locations });
        ioOf(cmd).stdout.write(`${store.path}: ${r.unchanged ? 'region unchanged since last load' : `loaded ${describeCounts(r.counts)}`}\n\n`);
        ioOf(cmd).stdout.write(await regionSummary(store, kb.region.id));
        const after = await import('../start-hooks.js');
        for (const hook of after.START_HOOKS) await hook(store, cmd);
      });
    });
}
