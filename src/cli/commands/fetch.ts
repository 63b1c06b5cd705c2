// `fetch gdelt`: download GDELT 2.0 15-minute exports for a range of days (verified, resumable) and import them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { ioOf, withStore } from '../context.js';
import { describeReport, importFilter, withCountries, type FilterOptions } from './import.js';

export function defineFetchCommand(program: Command): void {
  program
    .command('fetch')
    .description('download GDELT 2.0 event exports named in the master file list, check size and MD5, resume, import')
    .argument('<dataset>', 'gdelt (the only dataset with a public file list)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--countries <iso3,...>', 'keep events with an actor from, or an action located in, these countries')
    .option('--cache <dir>', 'where downloads are kept between runs', '.faultline/cache/gdelt')
    .option('--base-url <url>', 'where masterfilelist.txt and the files are', 'http://data.gdeltproject.org/gdeltv2')
    .action(async (dataset: string, o: FilterOptions & { cache: string; baseUrl: string }, cmd: Command) => {
      if (dataset !== 'gdelt') throw new UserError('cli', `fetch knows only "gdelt", not "${dataset}"`, { field: '<dataset>' });
      const filter = await withCountries(importFilter(o));
      const { fetchGdelt } = await import('../../ingest/fetch/fetch-gdelt.js');
      const io = ioOf(cmd);
      await withStore(cmd, async (store) => {
        const r = await fetchGdelt(store, {
          countries: filter.countries,
          from: filter.from!,
          to: filter.to!,
          cache: resolve(io.cwd, o.cache),
          baseUrl: o.baseUrl,
          onDownload: (name, outcome, i, n) => io.stderr.write(`[${i + 1}/${n}] ${name}: ${outcome}\n`),
          onImport: (report) => {
            for (const line of report.skipped ? [] : report.rejects) io.stderr.write(`${line}\n`);
            io.stdout.write(`${describeReport(report)}\n`);
          },
        });
        for (const p of r.problems) io.stderr.write(`masterfilelist.txt: ${p}\n`);
        const imported = r.reports.reduce((n, x) => n + (x.skipped ? 0 : x.imported), 0);
        io.stdout.write(`${r.files} export file${r.files === 1 ? '' : 's'} from ${filter.from} to ${filter.to}; ${imported.toLocaleString('en-US')} events imported\n`);
      });
    });
}
