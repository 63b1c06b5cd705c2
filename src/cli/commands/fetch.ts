// `fetch gdelt`: download GDELT 2.0 15-minute exports for a range of days (verified, resumable) and import them.
import type { Command } from 'commander';
import { UserError } from '../../model/index.js';
import { withStore } from '../context.js';
import { describeReport, importFilter, type FilterOptions } from './import.js';

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
      const filter = importFilter(o);
      const { fetchGdelt } = await import('../../ingest/fetch/fetch-gdelt.js');
      await withStore(cmd, async (store) => {
        const r = await fetchGdelt(store, {
          countries: filter.countries,
          from: filter.from!,
          to: filter.to!,
          cache: o.cache,
          baseUrl: o.baseUrl,
          onDownload: (name, outcome, i, n) => process.stderr.write(`[${i + 1}/${n}] ${name}: ${outcome}\n`),
          onImport: (report) => {
            for (const line of report.skipped ? [] : report.rejects) process.stderr.write(`${line}\n`);
            process.stdout.write(`${describeReport(report)}\n`);
          },
        });
        for (const p of r.problems) process.stderr.write(`masterfilelist.txt: ${p}\n`);
        const imported = r.reports.reduce((n, x) => n + (x.skipped ? 0 : x.imported), 0);
        process.stdout.write(`${r.files} export file${r.files === 1 ? '' : 's'} from ${filter.from} to ${filter.to}; ${imported.toLocaleString('en-US')} events imported\n`);
      });
    });
}
