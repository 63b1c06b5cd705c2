// Hostile article input: every stage bounded on 1 MB of any shape (issue 20 item 5), NUL anywhere refused (item 11).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SENTENCE_CHARS, articleFromBytes, extractArticle, Extraction } from '../../src/extract/index.js';
import { UserError } from '../../src/model/errors.js';
import { runMain } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';

const MB = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
// Seeded generator (mulberry32), so every run reads the same text.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function capitalised(): string {
  const r = rng(7);
  const words: string[] = [];
  let n = 0;
  while (n < MB) {
    const w = String.fromCharCode(65 + Math.floor(r() * 26)) + 'abcdefghij'.slice(0, 2 + Math.floor(r() * 8));
    words.push(w);
    n += w.length + 1;
  }
  return words.join(' ').slice(0, MB);
}

const SHAPES: Record<string, () => string> = {
  'capitalised words': capitalised,
  'unpunctuated text': () => fill('russia attacked georgia and armenia met azerbaijan while turkey said nothing about iran or the talks '),
  dates: () => fill('12 March 2024 3 April 2023 the next day 05.06.2021 in 2019 since the 1990s the following week '),
  quotations: () => fill('“Russia attacked” ‘Georgia’ "said" «Iran» “Turkey warned Armenia” '),
};

describe('issue 20 item 5: extraction is bounded on 1 MB of any shape', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`${shape}: the output is produced, valid and bounded by the stage caps`, () => {
      const text = make();
      const sha256 = createHash('sha256').update(text).digest('hex');
      const t0 = performance.now();
      const x = Extraction.parse(extractArticle({ kind: 'article-input', file: shape, format: 'text', sha256, text, title: null, published: '2025-01-01' }, { published: '2025-01-01' }));
      const ms = performance.now() - t0;
      const stats = x.stats!;
      assert.ok(stats, 'work counters are reported');
      assert.equal(stats.maxSentenceChars, MAX_SENTENCE_CHARS);
      // no sentence reached the coders longer than the cap: every span of an event or action is within it
      for (const e of [...x.events, ...x.actions]) assert.ok(e.sentence.end - e.sentence.start <= MAX_SENTENCE_CHARS);
      assert.ok(stats.sentences >= Math.floor(text.length / MAX_SENTENCE_CHARS), 'a page without full stops is cut into capped pieces');
      assert.ok(stats.candidateSentences <= 400, 'compromise reads at most its sentence budget');
      assert.ok(x.candidates.length <= 2000, 'candidate names are capped');
      assert.ok(x.events.length <= stats.sentences * 8 && x.actions.length <= stats.sentences * 8, 'output grows at most linearly');
      // a generous guard against a super-linear stage (the audit saw minutes): not a timing target
      assert.ok(ms < 120_000, `${shape}: ${ms.toFixed(0)} ms`);
    });
  }
});

describe('issue 20 item 11: a NUL byte anywhere in an article is refused', () => {
  it('refuses a NUL after the first 64 KB, naming its offset', () => {
    const bytes = new TextEncoder().encode(`${'Peace talks continued. '.repeat(5000)}\u0000 tail`);
    assert.ok(bytes.indexOf(0) > 64 * 1024);
    assert.throws(() => articleFromBytes(bytes, 'late-nul.txt'), (e: unknown) => e instanceof UserError && /NUL byte at offset \d+/.test(e.message));
  });

  it('answers the CLI with one line and exit 2', async () => {
    const file = join(tempDir(), 'late-nul.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Armenia met Azerbaijan. '.repeat(4000)), Buffer.from([0]), Buffer.from(' end')]));
    const r = await runMain(['extract', file, '--json', '--no-kb']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.trim(), /^extract: .*NUL byte at offset \d+/);
  });
});
