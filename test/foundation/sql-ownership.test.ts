// Issue 10: src/store/ is the only module that writes SQL or touches the database connection.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';

const SRC = join(REPO_ROOT, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
// statements as they are written in template literals or strings (upper-case keywords followed by their object)
const SQL = /\b(?:SELECT\s+[\w*(]|INSERT\s+INTO\b|CREATE\s+(?:TABLE|VIEW|INDEX)\b|DELETE\s+FROM\b|UPDATE\s+\w+\s+SET\b|DROP\s+TABLE\b|COPY\s+\w+\s+(?:FROM|TO)\b)/;
const CONNECTION = /\.connection\b|\bstore\.(?:all|run)\s*\(/;

describe('SQL lives in src/store/ only', () => {
  const outside = files(SRC).filter((f) => !relative(SRC, f).startsWith('store'));
  it('finds the source files it checks', () => assert.ok(outside.length > 50, `${outside.length} files`));
  it('no file outside src/store/ writes an SQL statement', () => {
    const hits = outside.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((l, i) => [f, i + 1, l] as const).filter(([, , l]) => SQL.test(l)));
    assert.deepEqual(hits.map(([f, n, l]) => `${relative(REPO_ROOT, f)}:${n}: ${l.trim()}`), []);
  });
  it('no file outside src/store/ reaches the connection or runs a query on the store', () => {
    const hits = outside.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((l, i) => [f, i + 1, l] as const).filter(([, , l]) => CONNECTION.test(l)));
    assert.deepEqual(hits.map(([f, n, l]) => `${relative(REPO_ROOT, f)}:${n}: ${l.trim()}`), []);
  });
  it('would notice a statement if there were one', () => {
    assert.ok(SQL.test('const q = `SELECT count(*) FROM events`;'));
    assert.ok(SQL.test("await x('INSERT INTO events VALUES (1)')"));
    assert.ok(CONNECTION.test('store.connection.run(sql)'));
    assert.ok(!SQL.test('// select the events of the period'));
  });
});
