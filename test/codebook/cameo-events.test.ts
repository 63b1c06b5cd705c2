// Tests of the CAMEO event codebook against the GDELT, ICEWS and PLOVER reference files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allCameoEvents, cameoEvent, cameoEventRow, goldsteinOf, ploverOf, quadClassOf, quadName } from '../../src/codebook/index.js';
import { SHARED_DATA, skipWithoutShared } from './shared-data.js';

function tsvColumn(file: string, column: number): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t')[column].trim());
}

describe('cameoEvent(code)', () => {
  it('036 is "meet or negotiate": Goldstein 4, verbal cooperation, PLOVER AGREE', () => {
    const e = cameoEvent('036');
    assert.ok(e);
    assert.equal(e.name, 'Express intent to meet or negotiate');
    assert.equal(e.goldstein, 4);
    assert.equal(e.quad, 1);
    assert.equal(e.root, '03');
    // CAMEO2PLOVER-2021 maps the 03x "intent" codes to AGREE; actual meetings (04x) are CONSULT.
    assert.equal(e.plover, 'AGREE');
    assert.equal(ploverOf('042'), 'CONSULT');
  });

  it('190 is material conflict with Goldstein -10 and PLOVER ASSAULT', () => {
    assert.deepEqual(cameoEvent('190'), { code: '190', name: 'Use conventional military force', goldstein: -10, quad: 4, plover: 'ASSAULT', root: '19' });
  });

  it('maps roots to quad classes 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4', () => {
    const expected: Record<string, number> = { '01': 1, '05': 1, '06': 2, '09': 2, '10': 3, '14': 3, '15': 4, '20': 4 };
    for (const [root, q] of Object.entries(expected)) assert.equal(quadClassOf(root), q, root);
    for (const e of allCameoEvents()) assert.equal(e.quad, quadClassOf(e.root), e.code);
  });

  it('falls back to the parent for a 4-digit code without its own row, keeping the code as given', () => {
    const e = cameoEvent('0369');
    assert.ok(e);
    assert.equal(e.code, '0369');
    assert.equal(e.goldstein, goldsteinOf('036'));
    assert.equal(e.plover, ploverOf('036'));
  });

  it('rejects codes without a CAMEO root and malformed codes', () => {
    for (const bad of ['00', '21', '215', '0', '1', '', 'abc', '03a', '12345']) {
      assert.equal(cameoEvent(bad), undefined, bad);
      assert.equal(quadClassOf(bad), undefined, bad);
      assert.equal(goldsteinOf(bad), undefined, bad);
      assert.equal(ploverOf(bad), null, bad);
    }
  });

  it('has no PLOVER type for statements and appeals (roots 01, 02)', () => {
    assert.equal(ploverOf('010'), null);
    assert.equal(ploverOf('0231'), null);
  });

  it('takes the ICEWS Goldstein score for 1213, which GDELT does not list', () => {
    assert.equal(cameoEventRow('1213')?.goldsteinSource, 'icews');
    assert.equal(goldsteinOf('1213'), -4);
  });

  it('uses the PLOVER row of codes that PLOVER moves to another type (163 COERCE, 1712 ASSAULT)', () => {
    assert.equal(ploverOf('163'), 'COERCE');
    assert.equal(ploverOf('1712'), 'ASSAULT');
    assert.equal(ploverOf('084'), 'RETREAT');
  });

  it('names quad classes', () => {
    assert.equal(quadName(1), 'verbal cooperation');
    assert.equal(quadName(4), 'material conflict');
  });
});

describe('allCameoEvents() against the reference files', { skip: skipWithoutShared }, () => {
  it('resolves every code in GDELT cameo-eventcodes.tsv with GDELT’s Goldstein weight', () => {
    const codes = tsvColumn(path.join(SHARED_DATA, 'gdelt', 'cameo-eventcodes.tsv'), 0);
    assert.ok(codes.length > 300);
    const weights = new Map(
      readFileSync(path.join(SHARED_DATA, 'gdelt', 'cameo-goldstein.tsv'), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => l.split('\t') as [string, string]),
    );
    for (const code of codes) {
      assert.ok(cameoEventRow(code), `${code} has its own row`);
      assert.equal(goldsteinOf(code), Number(weights.get(code)), code);
    }
  });

  it('resolves every code in the ICEWS CAMEO table', () => {
    const text = readFileSync(path.join(SHARED_DATA, 'icews', 'cameo-codes.csv'), 'latin1');
    const codes = [...text.matchAll(/^"\d+",\d+,"[^"]*","(\d{2,4})"/gm)].map((m) => m[1]);
    assert.ok(codes.length > 300);
    for (const code of codes) assert.ok(cameoEventRow(code), code);
  });

  it('agrees with CAMEO2PLOVER-2021 for every code that has its own PLOVER row', () => {
    const text = readFileSync(path.join(SHARED_DATA, 'plover', 'CAMEO2PLOVER-2021.txt'), 'utf8');
    const seen = new Set<string>();
    for (const m of text.matchAll(/^(\d{2,4}):\s*([A-Z]+)/gm)) {
      const [, code, type] = m;
      if (seen.has(code) || !cameoEventRow(code)) continue; // first row wins; 1214 is not a CAMEO code
      seen.add(code);
      assert.equal(ploverOf(code), type, code);
    }
    assert.ok(seen.size > 250);
  });
});
