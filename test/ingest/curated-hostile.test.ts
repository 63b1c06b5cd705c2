// faultline validate on hostile curated YAML: unknown fields warned, invalid UTF-8 and BOMs handled, bombs and deep nesting refused in one line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

const MINI = join(REPO_ROOT, 'test', 'fixtures', 'regions', 'mini');

/** A copy of the mini region in a fresh directory. */
function miniCopy(): string {
  const dir = join(tempDir(), 'mini');
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

describe('faultline validate DIR (hostile YAML)', () => {
  it('issue 20 item 10: validate reports unknown fields as warnings with file, line and field', async () => {
    const dir = miniCopy();
    const actors = join(dir, 'actors.yaml');
    writeFileSync(actors, readFileSync(actors, 'utf8').replace('  name: Azerbaijan\n', '  name: Azerbaijan\n  sorces: [mini-paper]\n'));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /valid/);
    const line = readFileSync(actors, 'utf8').split('\n').findIndex((l) => l.includes('sorces')) + 1;
    assert.equal(r.stderr.trim(), `warning: ${actors}:${line}: actors[1].sorces: unknown field, ignored; expected one of id, kind, name, aliases, country, code, partOf, roles, description, sources, shared`);
  });

  it('issue 20 item 10: an unknown key inside a flow mapping (a title with an unquoted comma) is reported at its own line', async () => {
    const dir = miniCopy();
    const actors = join(dir, 'actors.yaml');
    writeFileSync(actors, readFileSync(actors, 'utf8').replace('    - { title: Prime Minister,', '    - { title: Prime Minister, party leader,'));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 0, r.stderr);
    const line = readFileSync(actors, 'utf8').split('\n').findIndex((l) => l.includes('party leader')) + 1;
    assert.ok(line > 1);
    assert.match(r.stderr, new RegExp(`${actors.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: actors\\[\\d+\\]\\.roles\\[0\\]\\.party leader: unknown field`));
  });

  it('issue 20 item 10: validate reports invalid UTF-8 as an error with file and line', async () => {
    const dir = miniCopy();
    const actors = join(dir, 'actors.yaml');
    const text = readFileSync(actors);
    const at = text.indexOf('Azerbaijan');
    writeFileSync(actors, Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]));
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^${actors.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: \\(encoding\\): invalid UTF-8`, 'm'));
    assert.doesNotMatch(r.stderr, /internal error/);
  });

  it('issue 20 item 7: a UTF-8 byte-order mark before YAML is accepted', async () => {
    const dir = miniCopy();
    for (const f of ['region.yaml', 'actors.yaml']) writeFileSync(join(dir, f), `\uFEFF${readFileSync(join(dir, f), 'utf8')}`);
    const r = await runMain(['validate', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
  });

  const bomb = ['- &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `- &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
  const hostile: Array<[string, string, RegExp]> = [
    ['a YAML alias bomb', bomb, /:1: \(yaml\): aliases expand to more than 10,000 values \(a YAML alias bomb\?\)/],
    ['nesting too deep to parse', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /:1: \(yaml\): nested more than 64 levels deep/],
    ['nesting deeper than the limit', `- id: x\n  roles: ${'['.repeat(200)}${']'.repeat(200)}\n`, /:2: \(yaml\): nested more than 64 levels deep/],
  ];
  for (const [what, text, message] of hostile) {
    it(`issue 19: ${what} ends in a one-line message naming the file, never an internal error`, async () => {
      const dir = miniCopy();
      const actors = join(dir, 'actors.yaml');
      writeFileSync(actors, text);
      const r = await runMain(['validate', dir]);
      assert.equal(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      const mine = lines.filter((l) => l.startsWith(actors));
      assert.equal(mine.length, 1, r.stderr);
      assert.match(mine[0], message);
      assert.doesNotMatch(r.stderr, /internal error|please report/);
    });
  }
});
