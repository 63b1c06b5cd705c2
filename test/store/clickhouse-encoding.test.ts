// chLiteral(value) and encodeDay(day): the one escaping function of ClickHouse SQL text, and days stored as integers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chLiteral, chList } from '../../src/store/clickhouse/literal.js';
import { dayOfYmd, encodeDay } from '../../src/store/clickhouse/day.js';
import { duckDayNumSql, duckDayYmdSql } from '../../src/store/clickhouse/clickhouse-imports.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { UserError } from '../../src/model/errors.js';

describe('chLiteral(value)', () => {
  it('quotes strings and escapes quotes and backslashes with a backslash, as ClickHouse reads them', () => {
    assert.equal(chLiteral('GEO'), "'GEO'");
    assert.equal(chLiteral("O'Brien"), "'O\\'Brien'");
    assert.equal(chLiteral('a\\b'), "'a\\\\b'");
    // A trailing backslash must not escape the closing quote.
    assert.equal(chLiteral('x\\'), "'x\\\\'");
    assert.equal(chLiteral("\\'); DROP TABLE events; --"), "'\\\\\\'); DROP TABLE events; --'");
  });
  it('writes numbers, booleans and NULL as literals and refuses what has none', () => {
    assert.equal(chLiteral(0.5), '0.5');
    assert.equal(chLiteral(-3), '-3');
    assert.equal(chLiteral(12345678901234567890n), '12345678901234567890');
    assert.equal(chLiteral(true), '1');
    assert.equal(chLiteral(null), 'NULL');
    assert.throws(() => chLiteral(Number.NaN), /not a finite number/);
    assert.throws(() => chLiteral('a\u0000b'), (e: unknown) => e instanceof UserError && /NUL byte/.test(e.message));
    assert.equal(chList(['A', "B'"]), "'A', 'B\\''");
  });
});

describe('encodeDay(day)', () => {
  it('counts days from 1970-01-01, negative before it, and never turns an old day into zero', () => {
    assert.deepEqual(encodeDay('1970-01-01'), { num: 0, ymd: 19700101 });
    assert.deepEqual(encodeDay('1969-12-31'), { num: -1, ymd: 19691231 });
    assert.deepEqual(encodeDay('1946-03-05'), { num: -8703, ymd: 19460305 });
    assert.deepEqual(encodeDay('2012-08-15'), { num: 15567, ymd: 20120815 });
    assert.deepEqual(encodeDay('2106-01-01'), { num: 49673, ymd: 21060101 });
    assert.equal(dayOfYmd(19460305), '1946-03-05');
  });
  it('rejects what is not a calendar day, or a year outside 1000–9999, naming the field', () => {
    assert.throws(() => encodeDay('2013-02-29', 'date_start'), /date_start "2013-02-29" is not a day of the calendar/);
    assert.throws(() => encodeDay('0999-12-31'), /outside the years 1000–9999/);
    assert.throws(() => encodeDay('2012-8-1'), /YYYY-MM-DD/);
    assert.doesNotThrow(() => encodeDay('2012-02-29'));
  });
});

describe('duckDayNumSql(col), duckDayYmdSql(col): the staging store encodes days as encodeDay does', () => {
  let store: Store;
  before(async () => (store = await openStore(':memory:')));
  after(() => store?.close());
  it('agrees with encodeDay on every day of 1899–2107 sampled every 7 days, leap days and the epoch included', async () => {
    const rows = await store.all<{ d: string; num: number; ymd: number }>(
      `SELECT d::VARCHAR AS d, ${duckDayNumSql('d')} AS num, ${duckDayYmdSql('d')} AS ymd
       FROM (SELECT (DATE '1899-01-01' + (7 * i)::INTEGER) AS d FROM range(0, 10900) r(i)
             UNION ALL SELECT DATE '1970-01-01' UNION ALL SELECT DATE '1969-12-31' UNION ALL SELECT DATE '2000-02-29' UNION ALL SELECT DATE '1900-02-28')`,
    );
    assert.ok(rows.length > 10000);
    for (const r of rows) assert.deepEqual({ num: r.num, ymd: r.ymd }, encodeDay(r.d), r.d);
  });
});
