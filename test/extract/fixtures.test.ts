import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { Extraction, codebookGazetteer, extractArticle, readArticleFile } from '../../src/extract/index.js';
import { GoldDocument } from '../../src/extract/evaluate/gold.js';
import { scoreExtraction } from '../../src/extract/evaluate/score.js';

// Our own short articles, never seen while the rules were written for the seed paper, each in another format.
const DIR = join(REPO_ROOT, 'test', 'fixtures', 'extract');

describe('extractArticle(input) on our own test articles (codebook gazetteer only)', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(`${name}: notes, countries, persons, events and claims meet the acceptance bar`, () => {
      const gold = GoldDocument.parse(JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')));
      const input = readArticleFile(join(DIR, name, gold.document));
      const x = Extraction.parse(extractArticle(input, { published: gold.published, gazetteer: codebookGazetteer() }));
      const s = scoreExtraction(input.text, x, gold);
      assert.equal(s.referenceRecall, 1, 'every note with marker, URL and access date');
      assert.ok(s.countryRecall >= 0.9, `country recall ${s.countryRecall}`);
      assert.ok(s.countryPrecision >= 0.75, `country precision ${s.countryPrecision}`);
      assert.ok(s.personRecall >= 0.8, `person recall ${s.personRecall}`);
      assert.ok(s.eventRecall >= 0.65, `core event recall ${s.eventRecall}`);
      assert.ok(s.eventPrecision >= 0.6, `event precision ${s.eventPrecision} (${s.predictions} predicted)`);
      assert.ok(s.dateAccuracy >= 0.5, `date accuracy ${s.dateAccuracy}`);
      assert.equal(s.claimsFound, s.claimsTotal, 'contested claims');
    });
  }

  it('keeps script text out of an HTML page and links <sup> markers to its numbered notes', () => {
    const input = readArticleFile(join(DIR, 'aegean-html', 'input.html'));
    assert.ok(!input.text.includes('invaded'), 'script content was dropped');
    assert.ok(!input.text.includes('color'), 'style content was dropped');
    const x = extractArticle(input, { gazetteer: codebookGazetteer() });
    assert.equal(x.document.published, '2023-12-08', 'the page declares its date');
    assert.equal(x.document.title, 'Athens and Ankara resume talks');
    assert.deepEqual(x.events.find((e) => e.trigger === 'met')?.refs, ['1']);
  });
});
