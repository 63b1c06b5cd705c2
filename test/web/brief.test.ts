// brief(store, format): sections, numbered citations that resolve, inline SVG, and markup from data that stays text (also in Chromium).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brief, briefData } from '../../src/report/brief.js';
import { builtinRegionDir } from '../../src/ingest/curated/index.js';
import { main } from '../../src/cli/main.js';
import type { Store } from '../../src/store/store.js';
import { HOSTILE_CLAIM, HOSTILE_TITLE, regionStore } from '../server/fixture.js';
import { browserSkipReason, launchBrowser } from './browser.js';

const scenarioDirs = [join(builtinRegionDir(), 'scenarios')];
let store: Store;
let html: string;
let md: string;

before(async () => {
  store = await regionStore({ hostile: true });
  html = await brief(store, 'html', { scenarioDirs, runs: 20, today: '2025-12-01' });
  md = await brief(store, 'md', { scenarioDirs, runs: 20, today: '2025-12-01' });
});
after(() => store.close());

describe('brief(store, "html")', () => {
  it('has every section, with charts', () => {
    for (const h of ['Key shifts', 'Contested claims', 'Thesis verdicts', 'Scenario outlooks', 'Sources']) assert.match(html, new RegExp(`<h2>${h}</h2>`));
    assert.ok((html.match(/<svg /g) ?? []).length >= 2, 'dyad and scenario charts are inline SVG');
  });

  it('numbers citations 1..n, and every citation mark points at an entry', () => {
    const entries = [...html.matchAll(/<li id="ref-(\d+)">/g)].map((m) => Number(m[1]));
    assert.ok(entries.length > 5);
    assert.deepEqual(entries, entries.map((_, i) => i + 1));
    const marks = new Set([...html.matchAll(/href="#ref-(\d+)"/g)].map((m) => Number(m[1])));
    for (const n of marks) assert.ok(entries.includes(n), `[${n}] has no entry`);
    for (const n of entries) assert.ok(marks.has(n), `entry ${n} is never cited`);
  });

  it('escapes markup from the data and forbids scripts by its own CSP', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.ok(html.includes('Border talks &lt;script&gt;window.__xss = &quot;title&quot;&lt;/script&gt; resume'));
    assert.ok(html.includes('&lt;script&gt;window.__xss = &quot;claim&quot;&lt;/script&gt;'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:">/);
  });
});

describe('brief(store, "md")', () => {
  it('keeps markup from the data inert', () => {
    assert.doesNotMatch(md, /<script/i);
    assert.ok(md.includes('&lt;script&gt;'));
  });

  it('cites the hostile article among the sources of a contested claim', async () => {
    const data = await briefData(store, { scenarioDirs, runs: 0 });
    const claim = data.claims.find((c) => c.statement === HOSTILE_CLAIM);
    assert.ok(claim, 'the disputed claim is in the register');
    const cited = data.citations.find((c) => c.n === claim.cites[0]);
    assert.equal(cited?.title, HOSTILE_TITLE);
    assert.equal(data.scenarios.every((s) => s.dimensions.every((d) => d.band === null)), true, 'runs: 0 gives no bands');
  });
});

describe('faultline brief', () => {
  it('writes the brief where --out says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-brief-'));
    const db = join(dir, 'kb.duckdb');
    assert.equal(await main(['node', 'faultline', '--db', db, 'load', builtinRegionDir()]), 0);
    const out = join(dir, 'brief.md');
    assert.equal(await main(['node', 'faultline', '--db', db, 'brief', '--format', 'md', '--out', out, '--runs', '5']), 0);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^# South Caucasus: regional brief/);
    assert.match(text, /## Scenario outlooks/);
    assert.equal(await main(['node', 'faultline', '--db', db, 'brief', '--format', 'pdf', '--out', out]), 2);
  });
});

const skip = browserSkipReason();
describe('the HTML brief in Chromium', { skip: skip ?? false }, () => {
  it('renders without running any markup or breaking its CSP', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-brief-')), 'brief.html');
    writeFileSync(file, html);
    const browser = await launchBrowser({ width: 900, height: 1200 });
    try {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`file://${file}`);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
      assert.equal(await page.locator('svg').count() >= 2, true);
      // The stylesheet applied: the CSP hash matches the <style> element.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h2')!).textTransform), 'uppercase');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
