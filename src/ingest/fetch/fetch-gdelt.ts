// `fetch gdelt`: the GDELT 2.0 15-minute event exports for a range of days, downloaded, verified and imported.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { GDELT } from '../gdelt/gdelt-format.js';
import type { FileReport, ImportOptions } from '../import-file.js';
import { importDatasetFile } from '../import-dataset-file.js';
import { downloadVerified, type DownloadOutcome, type Fetcher } from './download.js';
import { readMasterList } from './master-list.js';

/** Where GDELT 2.0 publishes its master list and files. */
export const GDELT_V2_BASE_URL = 'http://data.gdeltproject.org/gdeltv2';

export interface FetchGdeltOptions extends ImportOptions {
  /** First and last day of the files to fetch, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  /** Directory keeping downloaded (and partially downloaded) files between runs. */
  readonly cache: string;
  /** The master list is `<baseUrl>/masterfilelist.txt` and each file is fetched from `<baseUrl>/<its name>`. */
  readonly baseUrl?: string;
  readonly fetcher?: Fetcher;
  readonly onDownload?: (name: string, outcome: DownloadOutcome, index: number, total: number) => void;
  readonly onImport?: (report: FileReport) => void;
}

/** Downloads the master list, then every export file of the range (resuming partial ones), then imports each. */
export async function fetchGdelt(store: Store, o: FetchGdeltOptions): Promise<{ files: number; reports: FileReport[]; problems: string[] }> {
  const base = (o.baseUrl ?? GDELT_V2_BASE_URL).replace(/\/+$/, '');
  const fetcher = o.fetcher ?? fetch;
  mkdirSync(o.cache, { recursive: true });
  const listUrl = `${base}/masterfilelist.txt`;
  const res = await fetcher(listUrl).catch((err: Error) => {
    throw new UserError('ingest/fetch', `${listUrl}: ${err.message}`);
  });
  if (!res.ok) throw new UserError('ingest/fetch', `${listUrl}: HTTP ${res.status} ${res.statusText}`);
  const listPath = join(o.cache, 'masterfilelist.txt');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(listPath, Buffer.from(await res.arrayBuffer()));
  const { files, problems } = await readMasterList(listPath, o.from, o.to);

  const reports: FileReport[] = [];
  for (const [i, f] of files.entries()) {
    // The list names GDELT's own host; files are fetched from the base URL so that mirrors (and tests) work.
    const { path, outcome } = await downloadVerified(`${base}/${f.name}`, o.cache, f.name, f, fetcher);
    o.onDownload?.(f.name, outcome, i, files.length);
    // Files are chosen by day; events are not cut by date, since an export also carries events dated earlier.
    const report = await importDatasetFile(store, GDELT, path, { countries: o.countries, force: o.force, onProgress: o.onProgress });
    reports.push(report);
    o.onImport?.(report);
  }
  return { files: files.length, reports, problems };
}
