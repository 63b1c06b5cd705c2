// Independent readers of the shared structural files for test oracles: plain string splitting, no DuckDB, no Faultline code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SHARED_DIR } from '../helpers/paths.js';

export const DATA = join(SHARED_DIR, 'data');
export const FILES = {
  idealpoints: join(DATA, 'unga', 'idealpoints-july2025.csv'),
  votes: join(DATA, 'unga', 'un_votes.csv.gz'),
  rollcalls: join(DATA, 'unga', 'un_roll_calls.csv.gz'),
  issues: join(DATA, 'unga', 'un_roll_call_issues.csv'),
  arms: join(DATA, 'sipri', 'arms-trade-register-2025-03-13.csv'),
  milex: join(DATA, 'sipri', 'milex-share-of-gdp-owid.csv'),
  ucdp: join(DATA, 'ucdp', 'UcdpPrioConflict_v25_1.csv'),
} as const;

/** The text of a file, gunzipped when it ends in .gz. */
export function text(path: string, encoding: BufferEncoding = 'utf8'): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString(encoding);
}

/** Physical lines: line breaks, plus one for a last line without a break. */
export function physicalLines(path: string): number {
  const t = text(path, 'latin1');
  const breaks = t.split('\n').length - 1;
  return breaks + (t.endsWith('\n') || t.length === 0 ? 0 : 1);
}

/** One CSV line split at commas outside double quotes, quotes removed (no line breaks inside quotes in these files). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Rows of a quoted CSV with a header line, as records. */
export function csvRecords(path: string): Record<string, string>[] {
  const lines = text(path).split('\n').filter((l) => l !== '');
  const header = splitCsv(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [header[i], v])));
}

/** Full-period ideal points by ISO3 and year, straight from the CSV. */
export function idealPoints(): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of csvRecords(FILES.idealpoints)) if (r.idealpointfp !== 'NA' && r.iso3c !== 'NA') m.set(`${r.iso3c}:${r.year}`, Number(r.idealpointfp));
  return m;
}

/** Lijphart agreement of two states (by the vote file's ISO2 codes) in a calendar year, straight from the raw votes. */
export function rawAgreement(iso2a: string, iso2b: string, year: number): { votes: number; same: number; half: number; opposite: number } {
  const years = new Map<string, number>();
  for (const r of csvRecords(FILES.rollcalls)) years.set(r.rcid, Number(r.date.slice(0, 4)));
  const va = new Map<string, string>();
  const vb = new Map<string, string>();
  const lines = text(FILES.votes).split('\n');
  for (const l of lines.slice(1)) {
    if (!l) continue;
    const [rcid, , code, vote] = splitCsv(l);
    if (years.get(rcid) !== year) continue;
    if (code === iso2a) va.set(rcid, vote);
    if (code === iso2b) vb.set(rcid, vote);
  }
  let votes = 0, same = 0, half = 0, opposite = 0;
  for (const [rcid, a] of va) {
    const b = vb.get(rcid);
    if (!b) continue;
    votes++;
    if (a === b) same++;
    else if (a === 'abstain' || b === 'abstain') half++;
    else opposite++;
  }
  return { votes, same, half, opposite };
}

/** Register deals of a recipient (SIPRI name), straight from the CSV: 16 comma-separated fields after a 12-line preamble. */
export function registerDeals(recipient: string): { supplier: string; years: number[]; tiv: number; orderYear: number; tivOrder: number | null }[] {
  return text(FILES.arms, 'latin1')
    .split('\n')
    .slice(12)
    .map((l) => l.replace(/\r$/, '').split(','))
    .filter((f) => f.length === 16 && f[0] === recipient)
    .map((f) => ({
      supplier: f[1],
      years: f[10] ? f[10].split(';').map((y) => Number(y.trim())) : [],
      tiv: Number(f[15] || 0),
      orderYear: Number(f[2]),
      tivOrder: f[14] === '' ? null : Number(f[14]),
    }));
}

/** UCDP conflict-years (records of the `;`-separated file) in which a Gleditsch–Ward code appears in any gwno field. */
export function ucdpRows(gwno: string): Record<string, string>[] {
  const lines = text(FILES.ucdp).split('\n').map((l) => l.replace(/\r$/, '')).filter(Boolean);
  const header = lines[0].split(';');
  return lines
    .slice(1)
    .map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i], v])))
    .filter((r) => ['gwno_a', 'gwno_a_2nd', 'gwno_b', 'gwno_b_2nd', 'gwno_loc'].some((k) => (r[k] ?? '').split(',').map((x) => x.trim()).includes(gwno)));
}
