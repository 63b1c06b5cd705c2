// `brief`: the regional brief (bottom line of key judgements, competing hypotheses, shifts, structural indicators, balance, scenarios, claims, numbered sources) as HTML, Markdown with chart files, or PDF printed by Chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import type { ScopeInput } from '../../model/scope.js';
import type { Store } from '../../store/store.js';
import { ioOf, withStore, type CliIo } from '../context.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';

export const BRIEF_FORMATS = ['html', 'md', 'pdf'] as const;
export type BriefFileFormat = (typeof BRIEF_FORMATS)[number];

interface BriefCliOptions extends ScopeCliOptions {
  format: string;
  out?: string;
  scenarios?: string;
  runs: string;
}

/** Where Chromium is looked for when FAULTLINE_CHROMIUM does not name it (Debian's package first). */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

/** Default place of the brief: out/brief.<format> under the working directory (out/ is not tracked). */
export const defaultBriefPath = (format: BriefFileFormat, cwd: string = process.cwd()) => resolve(cwd, 'out', `brief.${format}`);

export interface WriteBriefOptions {
  readonly format: BriefFileFormat;
  readonly out?: string;
  readonly region?: string;
  readonly scope?: ScopeInput;
  readonly scenarios?: string;
  readonly runs?: number;
}

/** The Chromium to print with: $FAULTLINE_CHROMIUM, else the first of CHROMIUM_PATHS present; null when none is. */
export function findChromium(env: NodeJS.ProcessEnv): string | null {
  const given = env.FAULTLINE_CHROMIUM;
  if (given !== undefined) return given && existsSync(given) ? given : null;
  return CHROMIUM_PATHS.find((p) => existsSync(p)) ?? null;
}

/** The region (the one given, else the first loaded), its scope and its scenario directories. */
async function briefInputs(store: Store, io: CliIo, o: Pick<WriteBriefOptions, 'region' | 'scope' | 'scenarios'>) {
  const { builtinRegionDir } = await import('../../ingest/curated/builtin.js');
  const { listRegions } = await import('../../store/queries.js');
  const regions = await listRegions(store);
  const region = o.region && o.region !== 'world' ? o.region : regions[0]?.id;
  if (!region) throw new UserError('brief', 'no region is loaded; run `faultline start` or `faultline load DIR` first');
  if (!regions.some((r) => r.id === region)) throw new UserError('brief', `region "${region}" is not loaded; loaded: ${regions.map((r) => r.id).join(', ') || 'none'}`, { field: '--region' });
  const scenarioDirs = o.scenarios ? [resolve(io.cwd, o.scenarios)] : [join(builtinRegionDir(region), 'scenarios')].filter((d) => existsSync(d));
  return { region, scope: { ...o.scope, ...(o.scope?.region === undefined ? { region } : {}) }, scenarioDirs };
}

/** Writes the brief (and, for Markdown, its chart files beside it); returns the paths written, the brief first. */
export async function writeBrief(store: Store, io: CliIo, o: WriteBriefOptions): Promise<string[]> {
  const { brief } = await import('../../report/brief.js');
  const inputs = await briefInputs(store, io, o);
  let chromium: string | null = null;
  if (o.format === 'pdf') {
    chromium = findChromium(io.env);
    if (!chromium) {
      throw new UserError('brief', `--format pdf prints the HTML brief with Chromium, which was not found (${io.env.FAULTLINE_CHROMIUM !== undefined ? `FAULTLINE_CHROMIUM=${io.env.FAULTLINE_CHROMIUM}` : CHROMIUM_PATHS.join(', ')}); install it (apt-get install chromium), set FAULTLINE_CHROMIUM, or use --format html`);
    }
  }
  const path = resolve(io.cwd, o.out ?? defaultBriefPath(o.format, io.cwd));
  const prefix = `${basename(path, extname(path))}-`;
  const result = await brief(store, o.format === 'md' ? 'md' : 'html', { ...inputs, runs: o.runs, filePrefix: prefix });
  mkdirSync(dirname(path), { recursive: true });
  if (o.format === 'pdf') {
    await printPdf(chromium!, result.text, path);
    return [path];
  }
  writeFileSync(path, result.text);
  const written = [path];
  for (const f of result.files) {
    const file = join(dirname(path), f.name);
    writeFileSync(file, f.content);
    written.push(file);
  }
  return written;
}

/** Prints HTML to a PDF with headless Chromium (A4, from the page's own @page rule, no header or footer). */
export async function printPdf(chromium: string, html: string, out: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'faultline-pdf-'));
  try {
    const page = join(work, 'brief.html');
    writeFileSync(page, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, pathToFileURL(page).href,
    ];
    await new Promise<void>((done, fail) => {
      execFile(chromium, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
        if (err) fail(new UserError('brief', `Chromium (${chromium}) could not print the PDF: ${(String(stderr).trim().split('\n').pop() || err.message).slice(0, 200)}`));
        else done();
      });
    });
    if (!existsSync(out) || readFileSync(out).subarray(0, 5).toString() !== '%PDF-') throw new UserError('brief', `Chromium (${chromium}) wrote no PDF to ${out}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Declares `faultline brief [--format html|md|pdf] [--out FILE]` with the scope options. */
export function defineBrief(program: Command): void {
  const cmd = program
    .command('brief')
    .description('write the regional brief: bottom line of key judgements (ICD 203 wording), competing hypotheses, shifts, alignment and arms, balance, scenarios, numbered sources')
    .option('--format <format>', 'html, md (charts as .svg files beside it) or pdf (printed by Chromium)', 'html')
    .option('--out <file>', 'where to write it (default out/brief.<format>; "-" for stdout, html or md without charts)')
    .option('--scenarios <dir>', "directory of scenario YAML files (default: the built-in region's scenarios)")
    .option('--runs <n>', 'Monte Carlo runs per scenario for the outcome bands', '100');
  withScope(cmd).action(async (o: BriefCliOptions, c: Command) => {
    if (!(BRIEF_FORMATS as readonly string[]).includes(o.format)) throw new UserError('brief', `unknown format "${o.format}", expected ${BRIEF_FORMATS.join(', ')}`, { field: '--format' });
    const runs = Number(o.runs);
    if (!Number.isInteger(runs) || runs < 0) throw new UserError('brief', `"${o.runs}" is not a whole number`, { field: '--runs' });
    const format = o.format as BriefFileFormat;
    const io = ioOf(c);
    const scope = scopeOf(o, 'brief');
    await withStore(c, async (store) => {
      if (o.out === '-') {
        if (format === 'pdf') throw new UserError('brief', 'a PDF cannot go to stdout; give --out FILE', { field: '--out' });
        const { brief } = await import('../../report/brief.js');
        const r = await brief(store, format, { ...(await briefInputs(store, io, { region: scope.region, scope, scenarios: o.scenarios })), runs });
        io.stdout.write(r.text);
        if (r.files.length) io.stderr.write(`brief: ${r.files.length} chart files are not written with --out -; give --out FILE.md to get them\n`);
        return;
      }
      const written = await writeBrief(store, io, { format, out: o.out, region: scope.region, scope, scenarios: o.scenarios, runs });
      io.stdout.write(`brief: wrote ${written[0]}${written.length > 1 ? ` and ${written.length - 1} chart file${written.length === 2 ? '' : 's'} beside it` : ''}\n`);
    });
  });
}

/** The last step of `npm start`: writes out/brief.html and prints where. */
export async function briefStartHook(store: Store, cmd: Command): Promise<void> {
  const io = ioOf(cmd);
  const [path] = await writeBrief(store, io, { format: 'html' });
  io.stdout.write(`\nRegional brief: ${path}\n`);
}
