// `import gdelt|icews|acled FILE...`: bulk event datasets into the store, with rejects by line and a summary.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { boundDay } from '../../model/day.js';
import type { FileReport, ImportOptions, ImportTotals } from '../../ingest/index.js';
import { ioOf, printJson, withStore } from '../context.js';

/** The options `import` and `fetch` share. */
export interface FilterOptions {
  countries?: string;
  from?: string;
  to?: string;
}

/** Turns --countries/--from/--to into import options, rejecting malformed values. */
export function importFilter(o: FilterOptions): ImportOptions {
  const day = (v: string | undefined, side: 'from' | 'to') => {
    if (v === undefined) return undefined;
    const d = boundDay(v, side);
    if (!d) throw new UserError('cli', `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`, { field: `--${side}` });
    return d;
  };
  // Names and codes become party codes in `withCountries`; here they are only split.
  const countries = o.countries?.split(',').map((c) => c.trim()).filter(Boolean);
  if (countries?.length === 0) throw new UserError('cli', 'give at least one country', { field: '--countries' });
  return { countries, from: day(o.from, 'from'), to: day(o.to, 'to') };
}

/**
 * The filter with --countries resolved to party codes by the codebook ("georgia" → GEO), before any store is opened;
 * an unknown name is a UserError with close matches.
 */
export async function withCountries(filter: ImportOptions): Promise<ImportOptions> {
  if (!filter.countries) return filter;
  const { partiesFrom } = await import('../../store/parties.js');
  const parties = partiesFrom([]);
  return { ...filter, countries: [...new Set(filter.countries.map((c) => parties.party(c, '--countries')))] };
}

/** The file to read, against the run's working directory; a missing file or a directory is a one-line error naming it, before any store is opened. */
export function checkedFile(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new UserError('cli', 'no such file', { file });
  }
  if (isDirectory) throw new UserError('cli', 'is a directory; give the dataset files inside it', { file });
  // Reports name the file as it was given, unless it has to be read from another directory than this process's.
  return resolve(file) === path ? file : path;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** One line per file: what was detected and what happened to its rows. */
export function describeReport(r: FileReport): string {
  const counts = `${plural(r.rows, 'row')}: ${r.imported.toLocaleString('en-US')} imported, ${r.duplicates.toLocaleString('en-US')} duplicate, ` +
    `${r.malformed.toLocaleString('en-US')} malformed, ${r.filtered.toLocaleString('en-US')} filtered out`;
  return r.skipped ? `${r.file}: unchanged, already imported (${r.variant}; then ${counts})` : `${r.file}: ${r.variant}; ${counts}`;
}

/** The closing summary over all files. */
export function describeTotals(t: ImportTotals): string {
  const read = t.files - t.skippedFiles;
  return `${plural(read, 'file')} read${t.skippedFiles ? `, ${plural(t.skippedFiles, 'file')} unchanged` : ''}: ${plural(t.rows, 'row')} = ` +
    `${t.imported.toLocaleString('en-US')} imported + ${t.duplicates.toLocaleString('en-US')} duplicates + ` +
    `${t.malformed.toLocaleString('en-US')} malformed + ${t.filtered.toLocaleString('en-US')} filtered out`;
}

export function defineImportCommand(program: Command): void {
  program
    .command('import')
    .description('import event dataset files (GDELT 1.0/2.0 exports, ICEWS Dataverse .tab, ACLED .csv; plain or .zip) or structural data (UNGA, SIPRI, UCDP)')
    .argument('<dataset>', 'gdelt, icews or acled; or unga-idealpoints, unga-votes, sipri-arms, sipri-milex, ucdp-acd')
    .argument('<files...>', 'files to import, in order')
    .option('--countries <iso3,...>', 'keep events with an actor from, or an action located in, these countries')
    .option('--from <date>', 'keep events from this day on (YYYY[-MM[-DD]])')
    .option('--to <date>', 'keep events up to this day (YYYY[-MM[-DD]])')
    .option('--force', 'read files again even if the same content was imported under the same filter')
    .option('--json', 'print the per-file reports and totals as JSON')
    .action(async (dataset: string, files: string[], o: FilterOptions & { force?: boolean; json?: boolean }, cmd: Command) => {
      const structural = await import('./import-structural.js');
      if (dataset in structural.STRUCTURAL_IMPORTS) return structural.runStructuralImport(dataset, files, o, cmd);
      const { DATASETS, importFiles } = await import('../../ingest/index.js');
      const { progressBar } = await import('../../ingest/progress-bar.js');
      const format = DATASETS[dataset as keyof typeof DATASETS];
      if (!format) throw new UserError('cli', `unknown dataset "${dataset}"; expected ${Object.keys(DATASETS).join(', ')}`, { field: '<dataset>' });
      const options = await withCountries(importFilter(o));
      const io = ioOf(cmd);
      const paths = files.map((f) => checkedFile(f, io.cwd));
      await withStore(cmd, async (store) => {
        // A progress bar only on this process's own terminal (not in tests, not through a server).
        const tty = io.stderr === process.stderr && process.stderr.isTTY;
        const bar = tty ? progressBar(process.stderr) : { update: () => undefined, done: () => undefined };
        let current = '';
        const result = await importFiles(store, format, paths, {
          ...options,
          force: o.force,
          onStart: (file, i) => (current = `${i + 1}/${files.length} ${file}`),
          onProgress: tty ? (f) => bar.update(current, f) : undefined,
          onFile: (r) => {
            bar.done();
            for (const line of r.skipped ? [] : r.rejects) io.stderr.write(`${line}\n`);
            if (!o.json) io.stdout.write(`${describeReport(r)}\n`);
          },
        });
        if (o.json) return printJson(result, cmd);
        io.stdout.write(`${describeTotals(result.totals)}\n`);
      });
    });
}
