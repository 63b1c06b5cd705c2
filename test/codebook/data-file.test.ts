// Tests of the codebook's data-file reader: broken files fail with file:line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDataFile } from '../../src/codebook/data-file.js';
import { normalizeName } from '../../src/codebook/index.js';

function withFile(text: string, run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'codebook-'));
  try {
    writeFileSync(path.join(dir, 'x.tsv'), text);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readDataFile(file, columns, dir)', () => {
  it('skips comments and returns rows with their line numbers', () => {
    withFile('# note\ncode\tname\n01\tA\n\n02\tB\n', (dir) => {
      const t = readDataFile('x.tsv', ['code', 'name'], dir);
      assert.deepEqual(t.rows.map((r) => [r.line, r.cells.code]), [[3, '01'], [5, '02']]);
    });
  });

  it('throws an Error naming file and line for a row with the wrong number of cells', () => {
    withFile('code\tname\n01\tA\n02\n', (dir) => {
      assert.throws(() => readDataFile('x.tsv', ['code', 'name'], dir), (e: Error) => /^codebook: .*x\.tsv:3: 1 cells, expected 2$/.test(e.message));
    });
  });

  it('throws when the header lacks a column', () => {
    withFile('code\n01\n', (dir) => {
      assert.throws(() => readDataFile('x.tsv', ['code', 'name'], dir), /x\.tsv:1: header lacks column\(s\) name/);
    });
  });
});

describe('normalizeName(name)', () => {
  it('folds case, diacritics, punctuation and a leading "the"', () => {
    assert.equal(normalizeName('  the Türkiye '), 'turkiye');
    assert.equal(normalizeName('Côte d’Ivoire'), 'cote divoire');
    assert.equal(normalizeName('U.S.'), 'us');
    assert.equal(normalizeName('Bosnia & Herzegovina'), 'bosnia and herzegovina');
    assert.equal(normalizeName('Tórshavn'), 'torshavn');
  });
});
