// Imports several files of one dataset in order, one transaction each, and totals what happened.
import type { Store } from '../store/store.js';
import type { DatasetFormat } from './dataset-layout.js';
import type { FileReport, ImportOptions } from './import-file.js';
import { importDatasetFile } from './import-dataset-file.js';

/** Row counts over several files; `rows` = `imported` + `duplicates` + `malformed` + `filtered`. */
export interface ImportTotals {
  readonly files: number;
  readonly skippedFiles: number;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly filtered: number;
}

/** Imports `files` one after another; `onFile` sees each report as soon as its file is done. */
export async function importFiles(
  store: Store,
  format: DatasetFormat,
  files: readonly string[],
  options: ImportOptions & { onFile?: (r: FileReport, index: number) => void; onStart?: (file: string, index: number) => void } = {},
): Promise<{ reports: FileReport[]; totals: ImportTotals }> {
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    options.onStart?.(file, i);
    const r = await importDatasetFile(store, format, file, options);
    reports.push(r);
    options.onFile?.(r, i);
  }
  const sum = (k: 'rows' | 'imported' | 'duplicates' | 'malformed' | 'filtered') =>
    reports.filter((r) => !r.skipped).reduce((n, r) => n + r[k], 0);
  return {
    reports,
    totals: {
      files: reports.length,
      skippedFiles: reports.filter((r) => r.skipped).length,
      rows: sum('rows'),
      imported: sum('imported'),
      duplicates: sum('duplicates'),
      malformed: sum('malformed'),
      filtered: sum('filtered'),
    },
  };
}
