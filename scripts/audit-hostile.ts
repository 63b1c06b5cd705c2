// `npm run audit:hostile`: re-runs the hostile-input audit of issue 20 in process — bad dataset lines at every
// position, zip bombs, hostile YAML, overlapping regions, and hostile or heavy API requests — and counts each case as
// handled cleanly or as a defect (data loss, a frozen server, an "internal error" for input a user can fix, other).
import { crc32, deflateRawSync } from 'node:zlib';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACLED, GDELT, ICEWS, importFile, type DatasetFormat } from '../src/ingest/index.js';
import { GDELT_COLUMNS } from '../src/ingest/gdelt/columns.js';
import { UserError } from '../src/model/errors.js';
import { openStore, type Store } from '../src/store/index.js';
import { createApp } from '../src/server/index.js';
import { ComputePool } from '../src/server/compute-pool.js';
import { BrowserSessions } from '../src/server/security.js';
import { ROUTES } from '../src/server/routes.js';
import { builtinRegionDir, readRegionDir } from '../src/ingest/curated/index.js';
import { loadKnowledgeBase } from '../src/store/load-knowledge-base.js';

type Defect = 'data loss' | 'frozen server' | 'internal error' | 'other';
interface Outcome {
  readonly area: string;
  readonly name: string;
  readonly defect: Defect | null;
  readonly detail?: string;
}

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const work = mkdtempSync(join(tmpdir(), 'faultline-audit-'));
const outcomes: Outcome[] = [];
const record = (area: string, name: string, defect: Defect | null, detail?: string) => outcomes.push({ area, name, defect, detail });

// ---------------------------------------------------------------------------------------------------------------
// Dataset files: one fault at one position in a file of ROWS rows, in each format.

const ROWS = 2100;
const POSITIONS = [1, 1500, ROWS] as const;

interface Shape {
  readonly name: string;
  readonly format: DatasetFormat;
  readonly header: string | null;
  readonly delim: string;
  readonly quoted: boolean;
  readonly row: (i: number, set?: Record<string, string>) => string[];
  /** Column (by position) whose text a fault is put into, and the id column. */
  readonly textColumn: number;
  readonly dateColumn: number;
  readonly codeColumn: number;
}

const gdeltCells = (i: number, set: Record<string, string> = {}) => {
  const geo = (name: string, cc: string) => ['4', name, cc, `${cc}01`, '', '41.7', '44.8', '-2330077'];
  const cells = [String(1_000_000 + i), '20240105', '202401', '2024', '2024.0027', 'ARMGOV', 'ARMENIA', 'ARM', '', '', '', '', 'GOV', '', '',
    'AZEMIL', 'AZERBAIJAN', 'AZE', '', '', '', '', 'MIL', '', '', '1', '042', '042', '04', '1', '1.9', '6', '2', '6', '-1.2',
    ...geo('Tbilisi, Tbilisi, Georgia', 'GG'), ...geo('Yerevan, Yerevan, Armenia', 'AM'), ...geo('Baku, Baki, Azerbaijan', 'AJ'),
    '20240105120000', `https://news.example.org/${i}`];
  for (const [k, v] of Object.entries(set)) cells[Number(k)] = v;
  return cells;
};
const acledCells = (i: number, set: Record<string, string> = {}) => {
  const cells = [`ARM${i}`, '2022-09-13', '2022', '1', 'Battles', 'Armed clash', 'Military Forces of Azerbaijan (2003-)', 'Military Forces of Armenia (2018-)', 'Armenia', 'Goris', 'a note', '2'];
  for (const [k, v] of Object.entries(set)) cells[Number(k)] = v;
  return cells;
};
const icewsCells = (i: number, set: Record<string, string> = {}) => {
  const cells = [String(5000 + i), '2018-06-01', 'Government (Armenia)', 'Government', 'Armenia', 'Consult', '040', '1', 'Government (Azerbaijan)', 'Government',
    'Azerbaijan', '1', '1', 'Agency', 'Yerevan', 'NA', 'Yerevan', 'Armenia', '40.18', '44.51'];
  for (const [k, v] of Object.entries(set)) cells[Number(k)] = v;
  return cells;
};
const ACLED_HEADER = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'location', 'notes', 'fatalities'];
const ICEWS_HEADER = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity', 'Target Name',
  'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude'];

const SHAPES: Shape[] = [
  { name: 'GDELT native', format: GDELT, header: null, delim: '\t', quoted: false, row: gdeltCells, textColumn: 6, dateColumn: 1, codeColumn: 26 },
  { name: 'GDELT CSV', format: GDELT, header: GDELT_COLUMNS[61].map((c) => `"${c}"`).join(','), delim: ',', quoted: true, row: gdeltCells, textColumn: 6, dateColumn: 1, codeColumn: 26 },
  { name: 'ICEWS', format: ICEWS, header: ICEWS_HEADER.join('\t'), delim: '\t', quoted: false, row: icewsCells, textColumn: 2, dateColumn: 1, codeColumn: 6 },
  { name: 'ACLED CSV', format: ACLED, header: ACLED_HEADER.join(','), delim: ',', quoted: true, row: acledCells, textColumn: 10, dateColumn: 1, codeColumn: 4 },
  { name: 'ACLED TSV', format: ACLED, header: ACLED_HEADER.join('\t'), delim: '\t', quoted: true, row: acledCells, textColumn: 10, dateColumn: 1, codeColumn: 4 },
];

const join_ = (s: Shape, cells: string[]) => (s.quoted && s.delim === ',' ? cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',') : cells.join(s.delim));

/** A fault: the bytes of the faulty line, whether it must be rejected, and how many physical lines it spans. */
interface Fault {
  readonly name: string;
  readonly applies?: (s: Shape) => boolean;
  readonly line: (s: Shape, i: number) => Buffer;
  /** Whether the line must be refused (a CR inside a quoted value is content, say). */
  readonly rejected: boolean | ((s: Shape) => boolean);
  readonly lastOnly?: boolean;
  readonly spans?: number;
}

const b = (x: string) => Buffer.from(x);
const FAULTS: Fault[] = [
  { name: 'one column too few', line: (s, i) => b(join_(s, s.row(i).slice(0, -1))), rejected: true },
  { name: 'one column too many', line: (s, i) => b(join_(s, [...s.row(i), 'extra'])), rejected: true },
  { name: 'a single cell', line: () => b('garbage'), rejected: true },
  { name: 'invalid UTF-8 (0xFF)', line: (s, i) => Buffer.concat([b(join_(s, s.row(i)).slice(0, 30)), Buffer.from([0xff]), b(join_(s, s.row(i)).slice(30))]), rejected: true },
  { name: 'invalid UTF-8 (cut sequence)', line: (s, i) => Buffer.concat([b(join_(s, s.row(i)).slice(0, 30)), Buffer.from([0xe2, 0x82]), b(join_(s, s.row(i)).slice(30))]), rejected: true },
  { name: 'a NUL byte', line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'ab\0cd' }))), rejected: true },
  { name: 'a blank line', line: () => b(''), rejected: true },
  { name: 'a line of spaces', line: () => b('   '), rejected: true },
  { name: 'only delimiters', line: (s) => b(s.delim.repeat(s.row(0).length - 1)), rejected: true },
  { name: 'a bare CR inside a value', line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'ab\rcd' }))), rejected: (s) => !(s.quoted && s.delim === ',') },
  // Quoted: "ab"cd" (text after the closing quote); unquoted: ab"cd (a quote inside an unquoted value).
  { name: 'a stray quote', applies: (s) => s.quoted, line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'ab"cd' })).replace('"ab""cd"', '"ab"cd"')), rejected: true },
  { name: 'an unterminated quote', applies: (s) => s.quoted, line: (s, i) => b(`${join_(s, s.row(i).slice(0, 3))}${s.delim}"never closed`), rejected: true },
  { name: 'a quote in an unquoted format', applies: (s) => !s.quoted, line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'say "hi"' }))), rejected: false },
  { name: 'a quoted value over three lines', applies: (s) => s.quoted, line: (s, i) => b(join_(s, s.row(i)).replace(s.delim === ',' ? '"a note"' : 'a note', '"one\ntwo\nthree"')), rejected: false, spans: 3 },
  { name: 'a truncated last line', lastOnly: true, line: (s, i) => b(join_(s, s.row(i)).slice(0, 40)), rejected: true },
  { name: 'an invalid date', line: (s, i) => b(join_(s, s.row(i, { [s.dateColumn]: '2024-13-45' }))), rejected: true },
  { name: 'an unknown event code', line: (s, i) => b(join_(s, s.row(i, { [s.codeColumn]: s.format === ACLED ? 'Parades' : '999' }))), rejected: true },
  { name: 'a 3 MB line', line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'x'.repeat(3 << 20) }))), rejected: true },
  { name: 'a 33 MB line', applies: (s) => s.name === 'GDELT native', line: (s, i) => b(join_(s, s.row(i, { [s.textColumn]: 'x'.repeat(33 << 20) }))), rejected: true },
  { name: 'a 900 KB bad value', line: (s, i) => b(join_(s, s.row(i, { [s.dateColumn]: '9'.repeat(900_000) }))), rejected: true },
];

async function datasetCases(store: Store): Promise<void> {
  for (const s of SHAPES) {
    for (const f of FAULTS) {
      if (f.applies && !f.applies(s)) continue;
      for (const at of f.lastOnly ? [ROWS] : POSITIONS) {
        const name = `${s.name}: ${f.name} at row ${at}`;
        const parts: Buffer[] = [];
        if (s.header) parts.push(b(`${s.header}\n`));
        for (let i = 1; i <= ROWS; i++) {
          parts.push(i === at ? f.line(s, i) : b(join_(s, s.row(i))));
          if (!(f.lastOnly && i === ROWS)) parts.push(b('\n'));
        }
        const bytes = Buffer.concat(parts);
        const file = join(work, `case-${outcomes.length}.txt`);
        writeFileSync(file, bytes);
        const headerLines = s.header ? 1 : 0;
        let lines = 0;
        for (const x of bytes) if (x === 10) lines++;
        if (bytes[bytes.length - 1] !== 10) lines++;
        // The faulty row's physical line: rows before it take one line each.
        const faultLine = headerLines + at;
        try {
          const r = await importFile(store, s.format, file, { force: true });
          const problems: string[] = [];
          if (r.lines !== lines - headerLines) problems.push(`lines ${r.lines}, file has ${lines - headerLines}`);
          if (r.rows + r.joinedLines !== r.lines) problems.push(`rows ${r.rows} + joined ${r.joinedLines} ≠ lines ${r.lines}`);
          if (r.imported + r.duplicates + r.malformed + r.filtered !== r.rows) problems.push('counts do not add up');
          const lineOf = (x: string) => Number(x.slice(file.length + 1).split(':')[0]);
          if (typeof f.rejected === 'function' ? f.rejected(s) : f.rejected) {
            if (r.malformed !== 1) problems.push(`${r.malformed} malformed, expected 1 (${r.rejects.slice(0, 3).join(' | ')})`);
            else if (lineOf(r.rejects[0]) !== faultLine) problems.push(`reported at line ${lineOf(r.rejects[0])}, it is on ${faultLine}`);
            if (r.imported + r.duplicates !== ROWS - 1) problems.push(`${r.imported + r.duplicates} imported or duplicate, expected ${ROWS - 1}`);
          } else if (r.malformed !== 0 || r.imported + r.duplicates !== ROWS) {
            problems.push(`${r.malformed} malformed, ${r.imported + r.duplicates} imported: expected all ${ROWS} (${r.rejects.slice(0, 2).join(' | ')})`);
          }
          const [{ n }] = await store.all<{ n: number }>(`SELECT coalesce(max(length(reason) + length(coalesce(excerpt, ''))), 0)::INTEGER AS n FROM import_rejects WHERE file = $1`, [file]);
          if (n > 1000) problems.push(`a reject keeps ${n} characters`);
          record('dataset lines', name, problems.length ? 'data loss' : null, problems.join('; '));
        } catch (err) {
          record('dataset lines', name, err instanceof UserError ? 'data loss' : 'internal error', (err as Error).message.slice(0, 200));
        }
        rmSync(file, { force: true });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Zip archives.

function zip(members: Array<[string, Buffer]>, corrupt = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [member, data] of members) {
    const name = Buffer.from(member);
    const packed = deflateRawSync(data, { level: 9 });
    if (corrupt) packed[Math.floor(packed.length / 2)] ^= 0xff;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(members.length, 8); end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function zipCases(store: Store): Promise<void> {
  const good = Buffer.from(`${Array.from({ length: 500 }, (_, i) => gdeltCells(90_000 + i).join('\t')).join('\n')}\n`);
  const cases: Array<[string, Buffer, RegExp | null, object?]> = [
    ['a 1000× zip bomb', zip([['x.CSV', Buffer.alloc(256 << 20, 0x41)]]), /zip bomb/],
    ['a member over the size limit', zip([['x.CSV', good]]), /limit for one archive member/, { zip: { maxBytes: 64 * 1024 } }],
    ['two members', zip([['a.CSV', good], ['b.CSV', good]]), /exactly one data file, found 2/],
    ['no member', zip([]), /exactly one data file, found 0/],
    ['a damaged member', zip([['x.CSV', good]], true), /is damaged \(its CRC-32 does not match\)|cannot extract/],
    ['not a zip at all', Buffer.from('PK\u0003\u0004 not really'), /not a readable zip archive/],
    ['a good archive', zip([['x.CSV', good]]), null],
  ];
  for (const [name, bytes, message, options] of cases) {
    const file = join(work, `case-${outcomes.length}.export.CSV.zip`);
    writeFileSync(file, bytes);
    try {
      const r = await importFile(store, GDELT, file, { force: true, ...options });
      record('zip archives', name, message ? 'data loss' : r.imported + r.duplicates === 500 ? null : 'data loss', message ? 'accepted' : undefined);
    } catch (err) {
      const ok = err instanceof UserError && message !== null && message.test(err.message);
      record('zip archives', name, ok ? null : err instanceof UserError ? 'other' : 'internal error', (err as Error).message.slice(0, 200));
    }
    rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Curated YAML and loads.

const MINI = join(REPO, 'test', 'fixtures', 'regions', 'mini');

async function cli(args: string[], db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { ...process.env, FAULTLINE_DB: db }, cwd: REPO };
  const before = process.exitCode;
  const code = await main(['node', 'faultline', ...args], io);
  process.exitCode = before;
  return { code, stdout, stderr };
}

async function yamlCases(): Promise<void> {
  const actorsText = readFileSync(join(MINI, 'actors.yaml'), 'utf8');
  const bomb = ['- &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `- &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
  const cases: Array<[string, string | Buffer | null, number, RegExp]> = [
    ['a byte-order mark', `\uFEFF${actorsText}`, 0, /valid/],
    ['invalid UTF-8', Buffer.concat([Buffer.from(actorsText.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(actorsText.slice(40))]), 2, /actors\.yaml:\d+: \(encoding\): invalid UTF-8/],
    ['an alias bomb', bomb, 2, /actors\.yaml:1: \(yaml\): aliases expand/],
    ['100,000 nested lists', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 2, /actors\.yaml:1: \(yaml\): nested more than 64 levels/],
    ['100 nested maps', `- id: x\n  kind: state\n  name: X\n  roles: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`, 2, /actors\.yaml:\d+: \(yaml\): nested more than 64 levels/],
    ['an unknown field', actorsText.replace('  name: Azerbaijan\n', '  name: Azerbaijan\n  colour: blue\n'), 0, /warning: .*actors\.yaml:\d+: actors\[1\]\.colour: unknown field/],
    ['a duplicate key', actorsText.replace('  name: Azerbaijan\n', '  name: Azerbaijan\n  name: Again\n'), 2, /actors\.yaml:\d+: \(yaml\): duplicated mapping key/],
    ['tab indentation', actorsText.replace('  kind: state', '\tkind: state'), 2, /actors\.yaml:\d+: \(yaml\)/],
    ['two documents', `${actorsText}---\n${actorsText}`, 2, /actors\.yaml:1: \(yaml\): holds 2 YAML documents/],
    ['a map instead of a list', 'id: ARM\nkind: state\n', 2, /actors\.yaml:1: \(file\): must be a YAML list/],
    ['a 10 MB scalar', `- id: x\n  kind: state\n  name: ${'y'.repeat(10 << 20)}\n`, 2, /./],
    ['binary noise', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 2, /actors\.yaml:\d+/],
    ['an empty file', '', 2, /./],
    ['a directory named actors.yaml', null, 2, /actors\.yaml:0: \(file\): is a directory/],
  ];
  for (const [name, content, code, message] of cases) {
    const dir = join(work, `region-${outcomes.length}`);
    cpSync(MINI, dir, { recursive: true });
    const actors = join(dir, 'actors.yaml');
    if (content === null) {
      rmSync(actors);
      mkdirSync(actors);
    } else writeFileSync(actors, content);
    try {
      const r = await cli(['validate', dir], join(work, 'unused.duckdb'));
      const out = `${r.stdout}${r.stderr}`;
      const internal = /internal error|please report|Maximum call stack/.test(out);
      const ok = !internal && r.code === code && message.test(out);
      record('curated YAML', name, ok ? null : internal ? 'internal error' : 'other', ok ? undefined : out.slice(0, 200));
    } catch (err) {
      record('curated YAML', name, 'internal error', (err as Error).message.slice(0, 200));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function regionCases(): Promise<void> {
  const make = (name: string, shared: boolean) => {
    const dir = join(work, `${name}-${outcomes.length}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'region.yaml'), `id: ${name}\nname: ${name}\ndescription: audit region\ncountries: [ARM]\n`);
    writeFileSync(join(dir, 'actors.yaml'), `- id: ARM\n  kind: state\n  name: Armenia\n  aliases: [${name}-alias]\n  country: ARM\n  code: ARM\n${shared ? '  shared: true\n' : ''}- id: ${name}-only\n  kind: party\n  name: Party ${name}\n`);
    return dir;
  };
  const aliases = async (db: string) => {
    const store = await openStore(db);
    const rows = await store.all<{ aliases: string[] }>(`SELECT aliases FROM actors WHERE id = 'ARM'`);
    store.close();
    return rows.flatMap((r) => r.aliases).sort().join(',');
  };
  {
    const db = join(work, `regions-${outcomes.length}.duckdb`);
    const a = make('alpha', false);
    const b = make('beta', false);
    await cli(['load', a], db);
    const r = await cli(['load', b], db);
    const ok = r.code === 2 && r.stderr.includes(`${b}/actors.yaml:1`) && r.stderr.includes(`${a}/actors.yaml:1`) && (await aliases(db)) === 'alpha-alias';
    record('regions', 'a second region reusing ARM', ok ? null : 'data loss', ok ? undefined : r.stderr.slice(0, 200));
  }
  {
    const db = join(work, `regions-${outcomes.length}.duckdb`);
    const a = make('alpha', true);
    const b = make('beta', true);
    await cli(['load', a], db);
    await cli(['load', b], db);
    const merged = await aliases(db);
    const again = await cli(['load', a], db);
    const ok = merged === 'alpha-alias,beta-alias' && !/unchanged/.test(again.stdout) && (await aliases(db)) === 'alpha-alias,beta-alias';
    record('regions', 'two regions sharing ARM, then the first reloaded', ok ? null : 'data loss', ok ? undefined : `${merged} / ${again.stdout}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The API: hostile requests, heavy jobs, credentials.

async function serverCases(): Promise<void> {
  const store = await openStore(':memory:');
  const r = readRegionDir(builtinRegionDir());
  if (!r.ok) throw new Error('the built-in region does not validate');
  await loadKnowledgeBase(store, r.kb, r.hash);
  const compute = new ComputePool({ workers: 1, queue: 1, timeoutMs: 2000 });
  const app = createApp({ store, compute, maxIngestBytes: 64 * 1024 });
  const check = async (name: string, res: Response | Promise<Response>, want: number[]) => {
    const answer = await res;
    const body = await answer.text();
    const clean = want.includes(answer.status) && !/stack|at .*\.ts:\d+/.test(body) && (answer.status < 400 || /^\{"error":/.test(body));
    record('API', name, clean ? null : answer.status === 500 ? 'internal error' : 'other', clean ? undefined : `${answer.status} ${body.slice(0, 160)}`);
  };
  const json = { 'content-type': 'application/json' };
  for (const route of ROUTES.filter((x) => x.method === 'get')) await check(`${route.path} with an unknown parameter`, app.request(`${route.path}?zzz=1`), [400]);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const junk = ['', '-1', '0', '9'.repeat(40), '2025-02-30', '2025-13', "' OR 1=1 --", '<script>', '%00', '\u202e', 'ARM,AZE', '../../etc/passwd', 'NaN', 'true', 'x'.repeat(5000)];
  const params = ['actor', 'from', 'to', 'limit', 'a', 'b', 'by', 'directed', 'contested', 'datasets'];
  for (let i = 0; i < 300; i++) {
    const route = ROUTES.filter((x) => x.method === 'get')[Math.floor(rnd() * ROUTES.filter((x) => x.method === 'get').length)];
    const q = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${params[Math.floor(rnd() * params.length)]}=${encodeURIComponent(junk[Math.floor(rnd() * junk.length)])}`).join('&');
    await check(`fuzz GET ${route.path}?${q.slice(0, 60)}`, app.request(`${route.path}?${q}`), [200, 400, 404]);
  }
  await check('POST /api/ingest with invalid JSON', app.request('/api/ingest', { method: 'POST', headers: json, body: '{"title": ' }), [400]);
  await check('POST /api/ingest as a form', app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=x' }), [415]);
  await check('POST /api/ingest over the size limit', app.request('/api/ingest', { method: 'POST', headers: json, body: JSON.stringify({ title: 'x', text: 'y'.repeat(100_000) }) }), [413]);
  await check('POST /api/simulate with a broken scenario', app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ yaml: 'kind: scenario\nname: [' }) }), [400]);

  // A heavy simulation (60 actors × 25 dimensions × 500 runs) must not hold up reads, and must end within its limit.
  const dims = 25;
  const heavy = `kind: scenario\nname: heavy\ntitle: Heavy\nasOf: "2025-01-01"\ndescription: audit\ndimensions:\n${Array.from({ length: dims }, (_, k) => `  - { name: d${k}, low: a, high: b }`).join('\n')}\nactors:\n` +
    Array.from({ length: 60 }, (_, i) => `  - name: A${i}\n    capability: { value: ${10 + (i % 40)}, note: n }\n    positions: [${Array.from({ length: dims }, (_, k) => `{ value: ${(i * 37 + k * 11) % 101}, note: n }`).join(', ')}]\n    saliences: [${Array.from({ length: dims }, (_, k) => `{ value: ${1 + ((i + k) % 3)}, note: n }`).join(', ')}]`).join('\n') + '\n';
  const warm = await app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ scenario: 'russia-role' }) });
  await warm.text();
  let done = false;
  const slow = Promise.resolve(app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ yaml: heavy, runs: 500 }) })).then((x) => {
    done = true;
    return x;
  });
  await new Promise((r) => setTimeout(r, 300));
  for (const path of ['/api/region', '/api/actors', '/api/events?actor=ARM', '/api/theses']) {
    const res = await app.request(path);
    await res.text();
    record('API', `${path} while a 60×25×500 simulation runs`, res.status === 200 && !done ? null : 'frozen server', `status ${res.status}, simulation done: ${done}`);
  }
  // With one worker and a queue of one: of two more heavy jobs, one waits (then stops at its limit), one is refused.
  const more = await Promise.all([0, 1].map(() => Promise.resolve(app.request('/api/simulate', { method: 'POST', headers: json, body: JSON.stringify({ yaml: heavy, runs: 500 }) }))));
  const statuses = more.map((x) => x.status).sort();
  await Promise.all(more.map((x) => x.text()));
  record('API', 'two more heavy jobs while one runs (queue of one)', statuses.join() === '503,504' ? null : 'other', statuses.join());
  await check('the heavy simulation past its limit', slow, [504]);
  const article = 'Armenia and Azerbaijan held talks in Brussels on 3 March 2025, the foreign ministry said. '.repeat(600);
  let ingested = false;
  const ingest = Promise.resolve(app.request('/api/ingest', { method: 'POST', headers: json, body: JSON.stringify({ title: 'Long', text: article.slice(0, 60_000) }) })).then((x) => {
    ingested = true;
    return x;
  });
  const during = await app.request('/api/sources');
  await during.text();
  record('API', '/api/sources while an article is ingested', during.status === 200 ? null : 'frozen server', `ingest done first: ${ingested}`);
  await check('a 60 KB article', ingest, [200, 504]);
  await compute.close();

  const token = 'audit-token-123456';
  const sessions = new BrowserSessions();
  const code = sessions.issueCode();
  const guarded = createApp({ store, token, sessions });
  await check('no token', guarded.request('/api/region'), [401]);
  await check('a wrong token', guarded.request('/api/region', { headers: { authorization: 'Bearer nope-nope-nope' } }), [401]);
  await check('a forged session cookie', guarded.request('/api/region', { headers: { cookie: 'faultline_session=forged' } }), [401]);
  const login = await guarded.request(`/login?code=${code}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  record('API', 'the one-time link', login.status === 302 && /HttpOnly/.test(login.headers.get('set-cookie') ?? '') ? null : 'other');
  await check('the session cookie', guarded.request('/api/region', { headers: { cookie } }), [200]);
  await check('the one-time link used twice', guarded.request(`/login?code=${code}`), [401]);
  store.close();
}

// ---------------------------------------------------------------------------------------------------------------

const started = performance.now();
try {
  const store = await openStore(':memory:');
  await datasetCases(store);
  await zipCases(store);
  store.close();
  await yamlCases();
  await regionCases();
  await serverCases();
} finally {
  rmSync(work, { recursive: true, force: true });
}

const areas = [...new Set(outcomes.map((o) => o.area))];
const count = (xs: readonly Outcome[], d: Defect) => xs.filter((o) => o.defect === d).length;
console.log('area             cases  clean  data loss  frozen server  internal error  other');
for (const area of [...areas, 'all']) {
  const xs = area === 'all' ? outcomes : outcomes.filter((o) => o.area === area);
  console.log(`${area.padEnd(15)} ${String(xs.length).padStart(6)} ${String(xs.filter((o) => !o.defect).length).padStart(6)} ${String(count(xs, 'data loss')).padStart(10)} ${String(count(xs, 'frozen server')).padStart(14)} ${String(count(xs, 'internal error')).padStart(15)} ${String(count(xs, 'other')).padStart(6)}`);
}
for (const o of outcomes.filter((x) => x.defect)) console.log(`defect (${o.defect}): ${o.area}: ${o.name}: ${o.detail ?? ''}`);
console.log(`${outcomes.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = outcomes.some((o) => o.defect) ? 1 : 0;
