import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SHARED_DIR, SKIP_NO_SHARED } from '../helpers/paths.js';

const RUN = 12;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.faultline', 'out']);

/** Lower-cased word tokens, with typographic quotes and dashes folded so that re-typed copies still match. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

function* repoFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) yield* repoFiles(path);
    else if (st.size < 20 * 1024 * 1024) yield path;
  }
}

describe('the repository contains no text of the seed paper', () => {
  it(`has no run of ${RUN} consecutive words of south-caucasus-2025.txt in any file`, { skip: SKIP_NO_SHARED }, () => {
    // The body only: footnotes are bibliographic records (titles, URLs) that sources must carry exactly.
    const text = readFileSync(join(SHARED_DIR, 'corpus', 'south-caucasus-2025.txt'), 'utf8');
    const notes = text.search(/^\[1\] /m);
    assert.ok(notes > 1000, 'the footnotes start after the body');
    const paper = words(text.slice(0, notes));
    const grams = new Set<string>();
    for (let i = 0; i + RUN <= paper.length; i++) grams.add(paper.slice(i, i + RUN).join(' '));
    assert.ok(grams.size > 1000, 'the paper was read');
    const hits: string[] = [];
    let scanned = 0;
    for (const file of repoFiles(REPO_ROOT)) {
      const buf = readFileSync(file);
      if (buf.includes(0)) continue;
      scanned++;
      const w = words(buf.toString('utf8'));
      for (let i = 0; i + RUN <= w.length; i++) {
        const g = w.slice(i, i + RUN).join(' ');
        if (grams.has(g)) {
          hits.push(`${relative(REPO_ROOT, file)}: "${g}"`);
          break;
        }
      }
    }
    assert.ok(scanned > 10, 'the repository was scanned');
    assert.deepEqual(hits, []);
  });

  it('the detector finds a copied run even with changed quotes and case', () => {
    const paper = 'The quick brown fox’s friend jumps over the lazy dog near the old river bank today.';
    const copy = "THE QUICK BROWN FOX'S FRIEND JUMPS OVER THE LAZY DOG NEAR THE OLD";
    const p = words(paper);
    const c = words(copy).join(' ');
    assert.ok(p.slice(0, 12).join(' ') === words(copy).slice(0, 12).join(' '), c);
  });
});
