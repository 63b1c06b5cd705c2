// GDELT 2.0's master file list: one line per 15-minute file, `size md5 url`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One file named in the master list. */
export interface ListedFile {
  readonly size: number;
  readonly md5: string;
  readonly url: string;
  /** The file name, e.g. 20240105121500.export.CSV.zip. */
  readonly name: string;
  /** The day its 15-minute window starts, YYYY-MM-DD. */
  readonly day: string;
}

const LINE = /^(\d+)\s+([0-9a-f]{32})\s+(\S+)$/i;
const EXPORT = /(\d{4})(\d{2})(\d{2})\d{6}\.export\.CSV\.zip$/i;

/**
 * The event export files of the master list at `path` whose day lies in [from, to] (YYYY-MM-DD), in list order.
 * Mentions and GKG files are skipped; lines that do not read as `size md5 url` are returned as problems.
 */
export async function readMasterList(path: string, from: string, to: string): Promise<{ files: ListedFile[]; problems: string[] }> {
  const files: ListedFile[] = [];
  const problems: string[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const m = LINE.exec(text.trim());
    if (!m) {
      problems.push(`line ${n}: not "size md5 url"`);
      continue;
    }
    const name = m[3].slice(m[3].lastIndexOf('/') + 1);
    const d = EXPORT.exec(name);
    if (!d) continue;
    const day = `${d[1]}-${d[2]}-${d[3]}`;
    if (day < from || day > to) continue;
    files.push({ size: Number(m[1]), md5: m[2].toLowerCase(), url: m[3], name, day });
  }
  return { files, problems };
}
