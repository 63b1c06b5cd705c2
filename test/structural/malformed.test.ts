// Broken copies of each structural format: bad rows reported by file and physical line, kept as rejects, the rest imported, every line accounted for.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runMain } from '../helpers/cli.js';
import type { StructuralReport as Report } from '../../src/ingest/structural/index.js';
import { tempDir } from '../helpers/paths.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { priorStructuralImport } from '../../src/store/structural-import.js';
import { hashFile } from '../../src/ingest/file-hash.js';

const dir = tempDir('faultline-structural-bad-');
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: readonly string[], o: { gzip?: boolean; latin1?: boolean; end?: string } = {}): string {
  const path = join(dir, name);
  const text = lines.join('\n') + (o.end ?? '\n');
  const bytes = Buffer.from(text, o.latin1 ? 'latin1' : 'utf8');
  writeFileSync(path, o.gzip ? gzipSync(bytes) : bytes);
  return path;
}


async function importJson(db: string, dataset: string, ...files: string[]): Promise<Report[]> {
  const r = await runMain(['import', dataset, ...files, '--json'], { db });
  assert.equal(r.code, 0, r.stderr);
  const reports = JSON.parse(r.stdout) as Report[];
  for (const x of reports) {
    assert.equal(x.unaccounted, 0);
    assert.equal(x.preamble + x.blank + x.imported + x.duplicates + x.malformed + x.joined, x.lines);
  }
  return reports;
}

const IP_HEADER = '"ccode","iso3c","countryname","year","idealpointfp","idealpointall","idealpointlegacy","nvotesfp","qofp","q5fp","q10fp","q50fp","q90fp","q95fp","q100fp","nvotesall","qoall","q5all","q10all","q50all","q90all","q95all","q100all","nvotesLegacy"';
const ipRow = (ccode: number, iso: string, name: string, year: string, fp: string) => `${ccode},"${iso}","${name}",${year},${fp},NA,NA,90${',NA'.repeat(7)},NA${',NA'.repeat(7)},NA`;

describe('faultline import unga-idealpoints FILE (broken copy)', () => {
  it('reports a bad year and a short row by line, keeps them as rejects, imports the rest', async () => {
    const db = join(dir, 'ip.duckdb');
    const file = write('ip.csv', [IP_HEADER, ipRow(371, 'ARM', 'Armenia', '2019', '0.10'), ipRow(371, 'ARM', 'Armenia', '20x0', '0.2'), '', ipRow(365, 'RUS', 'Russia', '2019', '0.02').replace(/,NA$/, ''), ipRow(365, 'RUS', 'Russia', '2020', '-0.1'), ipRow(371, 'ARM', 'Armenia', '2019', '0.10')]);
    const [r] = await importJson(db, 'unga-idealpoints', file);
    assert.deepEqual(r.rejects, [`${file}:3: year: "20x0" is not a valid integer`, `${file}:5: 23 columns, expected 24`]);
    assert.deepEqual({ lines: r.lines, blank: r.blank, imported: r.imported, duplicates: r.duplicates, malformed: r.malformed }, { lines: 7, blank: 1, imported: 2, duplicates: 1, malformed: 2 });
    const store = await openStore(db);
    const prior = await priorStructuralImport(store, 'unga-idealpoints', await hashFile(file));
    store.close();
    assert.deepEqual(prior?.rejects.map((x) => x.line), [3, 5]);
  });

  it('refuses a file whose header is not that of the ideal points, naming file and line', async () => {
    const file = write('not-ip.csv', ['"a","b"', '1,2']);
    const r = await runMain(['import', 'unga-idealpoints', file], { db: join(dir, 'x.duckdb') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^ingest/unga: ${file}:1: not the header of the UNGA ideal points \\(Bailey, Strezhnev & Voeten\\) file: column 1 is "a", expected "ccode"`));
  });
});

describe('faultline import unga-votes VOTES ROLLCALLS (broken gzipped copy)', () => {
  it('rejects a vote that is not yes, no or abstain by line, and keeps "NA" quoted as Namibia', async () => {
    const db = join(dir, 'votes.duckdb');
    const votes = write('v.csv.gz', ['"rcid","country","country_code","vote"', '5,"Armenia","AM","yes"', '5,"Namibia","NA","no"', '5,"Russia","RU","maybe"', '6,"Armenia","AM","abstain"', '6,"Russia","RU","no"'], { gzip: true });
    const calls = write('rc.csv.gz', ['"rcid","session","importantvote","date","unres","amend","para","short","descr"', '5,74,0,2019-12-18,"R/74/1",0,0,"A","B"', '6,74,0,2019-13-01,"R/74/2",0,0,"C","D"', '7,74,0,2019-12-19,"R/74/3",NA,NA,"E","F"'], { gzip: true });
    const reports = await importJson(db, 'unga-votes', votes, calls);
    const [rc, v] = reports;
    assert.deepEqual(rc.rejects, [`${calls}:3: date: "2019-13-01" is not a valid date`]);
    assert.deepEqual(v.rejects, [`${votes}:4: vote: "maybe" is not one of 'yes', 'no', 'abstain'`]);
    assert.equal(v.imported, 4);
    const out = await runMain(['alignment', 'ARM', '--to', 'NAM', '--json'], { db });
    const rows = JSON.parse(out.stdout) as { year: number; votes: number; opposite: number }[];
    assert.deepEqual(rows.filter((x) => x.votes > 0).map((x) => [x.year, x.votes, x.opposite]), [[2019, 1, 1]]);
  });
});

const SIPRI_PREAMBLE = [
  'Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range \'Not specified\' to \'Not specified\' ',
  "A '?' in a column indicates uncertain data.",
  'line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', '', 'Source: SIPRI Arms Transfers Database (c) SIPRI.', 'Data generated: today',
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons',
];

describe('faultline import sipri-arms FILE (broken copy)', () => {
  it('joins a deal broken by a line break in its comment, reports bad year lists and numbers by line', async () => {
    const db = join(dir, 'arms.duckdb');
    const file = write('arms.csv', [
      ...SIPRI_PREAMBLE,
      'Armenia,India,2020,,4,,Swathi,artillery locating radar,4,,2021,New,$40 m deal,8,32,32',
      'Armenia,Russia,2018,?,2,?,Tor-M1,mobile SAM system,2,,2019,New,Tor-M2KM version\r',
      ',12.5,25,25',
      'Armenia,Russia,2015,,6,?,Smerch,multiple rocket launcher,6,,2016; 20x7,New,,1.2,7.2,7.2',
      'Armenia,Fr\u00e9nce,2023,,24,?,Bastion,APC,24,,2023,New,,0.16,3.84,lots',
      'Armenia,France,2023,!,24,?,Bastion,APC,24,,2023,New,,0.16,3.84,3.84',
    ], { latin1: true, end: '' });
    const [r] = await importJson(db, 'sipri-arms', file);
    assert.equal(r.preamble, 12);
    assert.equal(r.joined, 1);
    assert.equal(r.imported, 2);
    assert.deepEqual(r.rejects, [
      `${file}:16: Year(s) of delivery: "2016; 20x7" is not a list of years`,
      `${file}:17: tiv_delivered: "lots" is not a valid double`,
      `${file}:18: mark after Year of order: "!" is not ? or empty`,
    ]);
    const out = await runMain(['arms', 'ARM', '--json'], { db });
    const shares = JSON.parse(out.stdout) as { period: string; supplier: string; tiv: number; share: number }[];
    assert.deepEqual(shares.filter((s) => s.tiv > 0).map((s) => [s.period, s.supplier, s.tiv, s.share]), [['2019', 'RUS', 25, 1], ['2021', 'IND', 32, 1]]);
  });
});

describe('faultline import sipri-milex FILE and ucdp-acd FILE (broken copies)', () => {
  it('reports a share that is not a number, and a Gleditsch–Ward list that is not one, by line', async () => {
    const db = join(dir, 'milex.duckdb');
    const milex = write('milex.csv', ['Entity,Code,Year,Military expenditure (% of GDP),World region according to OWID', 'Armenia,ARM,2024,5.48,Asia', 'Armenia,ARM,2023,five,Asia', '"Bonaire, Sint Eustatius and Saba",,2024,0.1,', 'World,OWID_WRL,2024,2.5,'], { end: '' });
    const [m] = await importJson(db, 'sipri-milex', milex);
    assert.deepEqual(m.rejects, [`${milex}:3: share_gdp: "five" is not a valid double`]);
    assert.equal(m.imported, 3);
    const header = 'conflict_id;location;side_a;side_a_id;side_a_2nd;side_b;side_b_id;side_b_2nd;incompatibility;territory_name;year;intensity_level;cumulative_intensity;type_of_conflict;start_date;start_prec;start_date2;start_prec2;ep_end;ep_end_date;ep_end_prec;gwno_a;gwno_a_2nd;gwno_b;gwno_b_2nd;gwno_loc;region;version';
    const ucdp = write('ucdp.csv', [
      header,
      '388;Azerbaijan;Government of Azerbaijan;64;Government of Turkey;Republic of Artsakh;338;Government of Armenia;1;Artsakh (Nagorno-Karabakh);2020;2;1;4;29-12-1991;1;16-7-2020;1;0;;;373;640;;371;373;1;25.1',
      '',
      '388;Azerbaijan;Government of Azerbaijan;64;;Republic of Artsakh;338;Government of Armenia;1;Artsakh (Nagorno-Karabakh);2021;1;1;4;29-12-1991;1;16-7-2020;1;0;;;373;;;37x;373;1;25.1',
      '393;Georgia;Government of Georgia;63;;Republic of South Ossetia;343;Government of Russia (Soviet Union);1;South Ossetia;2008;1;0;4;12-5-1992;1;12-8-2008;2;1;9-11-2008;;372;;;365;372;1;25.1',
    ].map((l) => `${l}\r`));
    const [u] = await importJson(db, 'ucdp-acd', ucdp);
    assert.deepEqual(u.rejects, [`${ucdp}:4: gwno_b_2nd: "37x" is not a list of Gleditsch–Ward codes`]);
    assert.equal(u.blank, 1);
    assert.equal(u.imported, 2);
  });

  it('refuses event-filter options for a structural dataset', async () => {
    const r = await runMain(['import', 'sipri-milex', join(dir, 'milex.csv'), '--countries', 'ARM'], { db: join(dir, 'milex.duckdb') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--countries filters event datasets/);
  });
});
