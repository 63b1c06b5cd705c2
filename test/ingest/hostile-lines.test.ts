// importFile(store, format, file) on hostile lines: every physical line is imported, a duplicate, filtered or rejected by its true line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACLED, GDELT, ICEWS, importFile, type DatasetFormat } from '../../src/ingest/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers/paths.js';
import {
  GDELT_CSV_HEADER, acledRow, gdeltCells, acledText, gdeltCsvLine, gdeltLine, icewsRow, icewsText, physicalLines, put, writeZip,
} from './hostile-files.js';

let store: Store;
let dir: string;
before(async () => {
  store = await openStore(':memory:');
  dir = tempDir();
});
after(() => store.close());

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The line numbers of a report's rejects. */
const lineNumbers = (rejects: readonly string[], file: string) => rejects.map((r) => Number(r.slice(file.length + 1).split(':')[0]));

describe('issue 20 item 1: very long rows', () => {
  it('issue 20 item 1: a 32 MB GDELT line is rejected with its true line number', async () => {
    const lines = range(6).map((i) => gdeltLine(i));
    lines[2] = gdeltLine(3, { Actor1Name: 'A'.repeat(32 * 1024 * 1024) });
    lines[4] = gdeltLine(5, { QuadClass: '7' });
    const file = put(dir, 'long.export.CSV', `${lines.join('\n')}\n`);
    const r = await importFile(store, GDELT, file);
    assert.deepEqual([r.lines, r.rows, r.imported, r.malformed], [6, 6, 4, 2]);
    assert.match(r.rejects[0], /:3: line is 33,55\d,\d{3} bytes long, over the limit of 1,048,576$/);
    // The line after it keeps its own number.
    assert.equal(r.rejects[1], `${file}:5: QuadClass: 7 is not 1, 2, 3 or 4`);
  });
});

describe('issue 20 item 1: very long first lines', () => {
  it('issue 20 item 1: a 33 MB first line of a native GDELT file is rejected and the file still recognised', async () => {
    const lines = [gdeltLine(50, { Actor1Name: 'C'.repeat(33 * 1024 * 1024) }), ...range(3).map((i) => gdeltLine(50 + i))];
    const file = put(dir, 'long-first.export.CSV', `${lines.join('\n')}\n`);
    const r = await importFile(store, GDELT, file);
    assert.deepEqual([r.variant, r.rows, r.imported, r.malformed], ['GDELT 2.0 export (61 columns, tab-separated)', 4, 3, 1]);
    assert.match(r.rejects[0], /:1: line is 34,603,\d{3} bytes long/);
  });
});

describe('issue 20 item 7: no sniffing, bad lines rejected one by one', () => {
  const faults: Array<[string, (i: number) => string | Buffer, RegExp]> = [
    ['a wrong column count', (i) => gdeltCells(i).slice(0, 60).map((c) => `"${c}"`).join(','), /60 columns, expected 61/],
    ['invalid UTF-8', (i) => Buffer.concat([Buffer.from(gdeltCsvLine(i).slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(gdeltCsvLine(i).slice(40))]), /invalid UTF-8/],
    ['a stray quote', (i) => gdeltCsvLine(i, { Actor1Name: 'ARM"ENIA' }).replace('"ARM""ENIA"', '"ARM"ENIA"'), /text after a closing quote/],
    ['a NUL byte', (i) => gdeltCsvLine(i, { Actor1Name: 'ARM\0ENIA' }), /Actor1Name: NUL byte/],
    ['a blank line', () => '', /blank line/],
  ];
  for (const [what, bad, reason] of faults) {
    it(`issue 20 item 7: ${what} among the first 2,048 rows of a GDELT CSV export with a header is rejected alone`, async () => {
      const rows: Array<string | Buffer> = range(40).map((i) => gdeltCsvLine(i));
      rows[1] = bad(2);
      const file = put(dir, `early-${what.replaceAll(' ', '-')}.csv`, Buffer.concat([GDELT_CSV_HEADER, ...rows].flatMap((l) => [Buffer.from(l), Buffer.from('\n')])));
      const r = await importFile(store, GDELT, file, { force: true });
      assert.equal(r.malformed, 1, r.rejects.join('\n'));
      assert.equal(r.rows, 40);
      assert.equal(r.imported + r.duplicates, 39);
      assert.equal(lineNumbers(r.rejects, file)[0], 3);
      assert.match(r.rejects[0], reason);
    });
  }

  it('issue 20 item 7: a truncated last line of a GDELT CSV export is rejected alone', async () => {
    const rows = range(30).map((i) => gdeltCsvLine(100 + i));
    const file = put(dir, 'truncated.csv', `${GDELT_CSV_HEADER}\n${rows.join('\n')}\n${gdeltCsvLine(200).slice(0, 150)}`);
    const r = await importFile(store, GDELT, file);
    assert.deepEqual([r.rows, r.imported, r.malformed], [31, 30, 1]);
    assert.equal(lineNumbers(r.rejects, file)[0], 32);
  });

  it('issue 20 item 7: a bare CR inside a tab-separated field (native GDELT) rejects only its line', async () => {
    const lines = range(5).map((i) => gdeltLine(300 + i));
    lines[1] = gdeltLine(302, { Actor2Name: 'AZER\rBAIJAN' });
    const file = put(dir, 'cr.export.CSV', `${lines.join('\n')}\n`);
    const r = await importFile(store, GDELT, file);
    assert.deepEqual([r.rows, r.imported, r.malformed], [5, 4, 1]);
    assert.equal(r.rejects[0], `${file}:2: Actor2Name: carriage return inside the value`);
  });

  const bomCases: Array<[string, DatasetFormat, string]> = [
    ['a GDELT CSV export', GDELT, `${GDELT_CSV_HEADER}\n${range(3).map((i) => gdeltCsvLine(400 + i)).join('\n')}\n`],
    ['an ACLED export', ACLED, acledText(range(3).map((i) => acledRow(400 + i)))],
    ['an ICEWS file', ICEWS, icewsText(range(3).map((i) => icewsRow(400 + i)))],
  ];
  for (const [what, format, text] of bomCases) {
    it(`issue 20 item 7: a UTF-8 byte-order mark before the header of ${what} is accepted`, async () => {
      const file = put(dir, `bom-${format.origin}.csv`, `\uFEFF${text}`);
      const r = await importFile(store, format, file);
      assert.deepEqual([r.rows, r.imported, r.malformed], [3, 3, 0], r.rejects.join('\n'));
    });
  }
});

describe('issue 20 item 8: physical line numbers (ACLED)', () => {
  it('issue 20 item 8: physical line numbers after a quoted multi-line record and a line of only tabs (ACLED)', async () => {
    const csv = put(dir, 'multiline.csv', acledText([
      acledRow(1, { notes: '"first line\nsecond line\nthird, with a comma"' }),
      acledRow(2),
      acledRow(3, { date: '2022-13-40' }),
    ]));
    const r = await importFile(store, ACLED, csv);
    // Header 1, the multi-line record 2–4, ARM2 on 5, the bad date on 6.
    assert.deepEqual(r.rejects, [`${csv}:6: event_date: "2022-13-40" is not a date`]);
    assert.deepEqual([r.lines, r.rows, r.joinedLines, r.imported], [5, 3, 2, 2]);
    const [{ notes }] = await store.all<{ notes: string }>(`SELECT extra->>'notes' AS notes FROM events WHERE origin_row = 'ARM1'`);
    assert.equal(notes, 'first line\nsecond line\nthird, with a comma');

    const tab = put(dir, 'tabs.tsv', acledText([
      acledRow(11, { delim: '\t' }),
      '\t'.repeat(11),
      acledRow(12, { delim: '\t' }),
      acledRow(13, { delim: '\t', date: 'someday' }),
    ], '\t'));
    const t = await importFile(store, ACLED, tab);
    assert.deepEqual(t.rejects, [`${tab}:3: event_id_cnty: missing`, `${tab}:5: event_date: "someday" is not a date`]);
  });
});

describe('issue 20 item 9: bounded rejects', () => {
  it('issue 20 item 9: a reject stores a bounded excerpt, not the whole value', async () => {
    const lines = [gdeltLine(600), gdeltLine(601, { SQLDATE: '9'.repeat(900_000) }), gdeltLine(602, { Actor1Name: 'B'.repeat(20 * 1024 * 1024) })];
    const file = put(dir, 'huge-values.export.CSV', `${lines.join('\n')}\n`);
    const r = await importFile(store, GDELT, file);
    assert.deepEqual([r.rows, r.imported, r.malformed], [3, 1, 2]);
    assert.ok(r.rejects.every((x) => x.length < 400), 'reported reasons are short');
    const logged = await store.all<{ line: number; reason: number; excerpt: number }>(
      `SELECT line::INTEGER AS line, length(reason)::INTEGER AS reason, length(excerpt)::INTEGER AS excerpt FROM import_rejects WHERE file = $1 ORDER BY line`, [file]);
    assert.deepEqual(logged.map((l) => l.line), [2, 3]);
    for (const l of logged) assert.ok(l.reason < 300 && l.excerpt <= 201, `line ${l.line}: reason ${l.reason}, excerpt ${l.excerpt} characters`);
  });
});

describe('issue 20 item 4: zip bombs', () => {
  it('issue 20 item 4: a zip bomb is refused while streaming, with nothing expanded beyond the limit', async () => {
    const workDir = tempDir();
    const bomb = join(dir, 'bomb.export.CSV.zip');
    writeZip(bomb, 'bomb.export.CSV', Buffer.alloc(64 * 1024 * 1024, 0x41));
    assert.ok(statSync(bomb).size < 200_000);
    await assert.rejects(importFile(store, GDELT, bomb, { workDir }), (err: Error) => {
      assert.match(err.message, /^ingest\/gdelt: .*bomb\.export\.CSV\.zip: bomb\.export\.CSV expands to \d[\d,]*× its compressed size .* over the limit of 200×; refused as a possible zip bomb/);
      return true;
    });
    // A member within the ratio but over an absolute limit is cut off as it streams.
    const big = join(dir, 'big.export.CSV.zip');
    writeZip(big, 'big.export.CSV', Buffer.from(`${range(20_000).map((i) => gdeltLine(10_000 + i)).join('\n')}\n`));
    await assert.rejects(importFile(store, GDELT, big, { workDir, zip: { maxBytes: 1024 * 1024 } }), /expands to more than 1 MiB, the limit for one archive member/);
    // A member whose bytes do not match its CRC-32 is refused, not read as garbage rows.
    const good = Buffer.from(`${range(50).map((i) => gdeltLine(20_000 + i)).join('\n')}\n`);
    const damaged = join(dir, 'damaged.export.CSV.zip');
    writeZip(damaged, 'damaged.export.CSV', good);
    const bytes = readFileSync(damaged);
    bytes[60] ^= 0x01;
    writeFileSync(damaged, bytes);
    await assert.rejects(importFile(store, GDELT, damaged, { workDir }), /damaged\.export\.CSV is damaged \(its CRC-32 does not match\)|cannot extract/);
    assert.deepEqual(readdirSync(workDir), [], 'no temporary files are left');
    const [{ n }] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM events WHERE origin = 'gdelt' AND origin_row::BIGINT >= 10000`);
    assert.equal(n, 0, 'nothing of a refused archive is imported');
  });
});

describe('every importer accounts for every physical line', () => {
  const cases: Array<[string, DatasetFormat, string | Buffer, number]> = [
    ['GDELT native', GDELT, Buffer.concat([
      Buffer.from(`${range(8).map((i) => gdeltLine(700 + i)).join('\n')}\n\n${gdeltLine(701)}\n${gdeltLine(720).slice(0, 90)}\n`),
      Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(`${gdeltLine(721, { EventCode: '999' })}\n${gdeltLine(722, { SQLDATE: '2024' })}`),
    ]), 0],
    ['GDELT CSV export', GDELT, `${GDELT_CSV_HEADER}\n${range(5).map((i) => gdeltCsvLine(800 + i)).join('\n')}\n"800","x\n\n${gdeltCsvLine(820, { Actor1Name: 'two\nlines' })}\n`, 1],
    ['ICEWS', ICEWS, `${icewsText([icewsRow(1), icewsRow(2, { date: '2018-02-30' }), '', icewsRow(3, { cameo: 'xyz' }), icewsRow(1)])}${icewsRow(9).slice(0, 20)}`, 1],
    ['ACLED', ACLED, acledText([acledRow(901), acledRow(902, { notes: '"a\r\nb"' }), 'ARM903,"unterminated', acledRow(904), acledRow(901), ',,,', acledRow(905, { notes: 'say "hi"' })]), 1],
  ];
  for (const [what, format, content, header] of cases) {
    it(`every importer's report adds up to the file's physical line count minus the header (${what})`, async () => {
      const file = put(dir, `count-${what.replaceAll(' ', '-')}.txt`, content);
      const r = await importFile(store, format, file);
      const lines = physicalLines(file) - header;
      assert.equal(r.lines, lines);
      assert.equal(r.rows + r.joinedLines, lines);
      assert.equal(r.imported + r.duplicates + r.malformed + r.filtered, r.rows);
      assert.equal(r.rejects.length, r.malformed);
      assert.ok(r.malformed > 0 && r.imported > 0, `${what}: ${JSON.stringify(r)}`);
    });
  }
});
