// faultline brief on the built-in region with the real GDELT sample: a bottom line in ICD 203 words, one reference per URL, names not ids or codes, charts with scope and n, Markdown with chart files, PDF through Chromium; and the page in Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brief } from '../../src/report/brief.js';
import { ICD203_LIKELIHOOD } from '../../src/report/estimative.js';
import { builtinRegionDir } from '../../src/ingest/curated/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { runMain } from '../helpers/cli.js';
import { SHARED_DIR } from '../helpers/paths.js';
import { HOSTILE_CLAIM, HOSTILE_TITLE, regionStore } from '../server/fixture.js';
import { browserSkipReason, CHROMIUM, launchBrowser } from './browser.js';
import { codesIn, externalHrefs, htmlProse, idsIn, knowledgeBaseIds, markdownProse, referenceList } from '../report/brief-checks.js';

const GDELT_DIR = join(SHARED_DIR, 'data', 'gdelt', 'v1-georgia-2011-2013');
const WORDS = ICD203_LIKELIHOOD.map((t) => t.word);
const skipBrowser = browserSkipReason();

let dir: string;
let db: string;
let html: string;
let md: string;
let startOut: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-brief-'));
  db = join(dir, 'kb.duckdb');
  // What `npm start` does, in process: load the region and the structural tables, print the summary, write out/brief.html.
  const start = await runMain(['start'], { db, cwd: dir });
  assert.equal(start.code, 0, start.stderr);
  startOut = start.stdout;
  if (existsSync(GDELT_DIR)) {
    const files = readdirSync(GDELT_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(GDELT_DIR, f));
    const imp = await runMain(['import', 'gdelt', ...files], { db, cwd: dir });
    assert.equal(imp.code, 0, imp.stderr);
  } else {
    console.log(`# no GDELT sample at ${GDELT_DIR}: the brief is tested on the curated region alone`);
  }
  const h = await runMain(['brief', '--format', 'html', '--out', join(dir, 'brief.html'), '--runs', '20'], { db, cwd: dir });
  assert.equal(h.code, 0, h.stderr);
  html = readFileSync(join(dir, 'brief.html'), 'utf8');
  const m = await runMain(['brief', '--format', 'md', '--out', join(dir, 'md', 'brief.md'), '--runs', '20'], { db, cwd: dir });
  assert.equal(m.code, 0, m.stderr);
  md = readFileSync(join(dir, 'md', 'brief.md'), 'utf8');
});

/** The items of the bottom-line list. */
const blufItems = (page: string) => {
  const section = page.slice(page.indexOf('<section id="bluf">'), page.indexOf('</section>', page.indexOf('<section id="bluf">')));
  return [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => x[1]);
};

describe('npm start (the start hooks)', () => {
  it('still prints the summary and writes out/brief.html with a bottom line', () => {
    assert.match(startOut, /SOUTH CAUCASUS — regional summary/);
    assert.match(startOut, /Regional brief: .*out\/brief\.html/);
    const page = readFileSync(join(dir, 'out', 'brief.html'), 'utf8');
    assert.match(page, /<h2>Bottom line up front<\/h2>/);
  });
});

describe('faultline brief --format html (region loaded, GDELT sample imported)', () => {
  it('opens with a bottom line of 3–5 judgements, each in an ICD 203 term with a separate confidence sentence, its evidence count, sources and what would change it', () => {
    assert.ok(html.indexOf('Bottom line up front') < html.indexOf('Competing hypotheses'), 'the bottom line comes first');
    const items = blufItems(html);
    assert.ok(items.length >= 3 && items.length <= 5, `${items.length} judgements`);
    for (const li of items) {
      const judgement = /<p class="judgement">([\s\S]*?)<\/p>/.exec(li)![1];
      const word = WORDS.find((w) => new RegExp(`\\b${w}\\b \\(\\d\\d–\\d\\d%\\)`).test(judgement));
      assert.ok(word, `no ICD 203 term in: ${judgement}`);
      // ICD 203 (D.6.e(2)(b)): a confidence level and a likelihood term never share a sentence.
      assert.doesNotMatch(judgement, /\b(low|moderate|high) confidence\b|confidence/i);
      const conf = /<p class="conf">([\s\S]*?)<\/p>/.exec(li)![1];
      assert.match(conf, /^Confidence in this judgement is (low|moderate|high): /);
      assert.ok(!WORDS.some((w) => new RegExp(`\\b${w}\\b`).test(conf.replace(/^Confidence in this judgement is \w+/, ''))), `likelihood term in the confidence sentence: ${conf}`);
      assert.match(li, /Evidence: n = \d+/);
      assert.match(li, /\d+ sources?\b/);
      assert.match(judgement, /href="#ref-\d+"/, 'each judgement cites its sources');
      assert.match(li, /<p class="change">What would change this judgement: \S/);
    }
  });

  it('lists every external href exactly once, in the reference list, every entry with an outlet, numbered in reading order', () => {
    const hrefs = externalHrefs(html);
    assert.ok(hrefs.length > 20);
    assert.equal(new Set(hrefs).size, hrefs.length, `repeated: ${hrefs.filter((h, i) => hrefs.indexOf(h) !== i).slice(0, 5).join(', ')}`);
    assert.deepEqual(externalHrefs(referenceList(html)), hrefs, 'no external link outside the reference list');
    const entries = [...referenceList(html).matchAll(/<li id="ref-(\d+)">([^<]*)/g)].map((m) => ({ n: Number(m[1]), text: m[2] }));
    assert.deepEqual(entries.map((e) => e.n), entries.map((_, i) => i + 1));
    for (const e of entries) assert.match(e.text, /^[^,\s][^,]*\S/, `entry ${e.n} has no outlet`);
    const marks = [...html.slice(0, html.indexOf('<section id="sources">')).matchAll(/href="#ref-(\d+)"/g)].map((m) => Number(m[1]));
    const first = [...new Set(marks)];
    assert.deepEqual(first, entries.map((e) => e.n), 'each entry is cited, and numbers run in the order a reader meets them');
  });

  it('names no knowledge-base id in its prose (actors, events, claims, relations, theses, sources)', async () => {
    const store = await openStore(db);
    try {
      const ids = await knowledgeBaseIds(store);
      assert.ok(ids.size > 500);
      assert.deepEqual(idsIn(htmlProse(html), ids), []);
      assert.deepEqual(idsIn(markdownProse(md), ids), []);
    } finally {
      store.close();
    }
  });

  it('writes no country or organisation code where the codebook knows a name', () => {
    assert.deepEqual(codesIn(htmlProse(html)), []);
    assert.deepEqual(codesIn(markdownProse(md)), []);
    assert.match(htmlProse(html), /the European Union|the United States/);
  });

  it('states scope, n and data vintage under every chart, with no text below 11 units on a chart no wider than A4 print width', () => {
    const figures = [...html.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
    assert.ok(figures.length >= 5, `${figures.length} charts`);
    for (const f of figures) {
      assert.match(f, /<figcaption>Scope: [^<]+\. n = \d[^<]*\. Data: [^<]+\.<\/figcaption>/);
      const width = Number(/<svg [^>]*viewBox="0 0 (\d+)/.exec(f)![1]);
      assert.ok(width <= 680, `chart ${width} wide`);
      const sizes = [...f.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      assert.ok(sizes.length > 0 && Math.min(...sizes) >= 11, `font sizes ${[...new Set(sizes)].join(', ')}`);
    }
    for (const s of ['id="structural"', 'id="balance"', 'id="scenarios"', 'Retrodiction']) assert.ok(html.includes(s), `${s} missing`);
  });
});

describe('faultline brief --format md', () => {
  it('writes its charts as .svg files beside the .md and links each one, with no inline SVG', () => {
    assert.doesNotMatch(md, /<svg/);
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => decodeURI(m[1]));
    assert.ok(links.length >= 5, `${links.length} chart links`);
    const files = readdirSync(join(dir, 'md')).filter((f) => f.endsWith('.svg')).sort();
    assert.deepEqual([...links].sort(), files, 'every written chart is linked, every link is written');
    for (const f of files) {
      const svg = readFileSync(join(dir, 'md', f), 'utf8');
      assert.match(svg, /^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    assert.match(md, /## Bottom line up front\n\n1\. \*\*(It is|There is) /);
  });
});

describe('faultline brief --format pdf', () => {
  it('says in one line that Chromium is needed when it is not there', async () => {
    const r = await runMain(['brief', '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--runs', '0'], { db, cwd: dir, env: { FAULTLINE_CHROMIUM: join(dir, 'no-chromium') } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^brief: --format pdf prints the HTML brief with Chromium, which was not found \(FAULTLINE_CHROMIUM=[^)]*\); install it/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(join(dir, 'x.pdf')), false);
  });

  it('prints the HTML brief to a PDF with the installed Chromium', { skip: skipBrowser ?? false }, async () => {
    const out = join(dir, 'brief.pdf');
    const r = await runMain(['brief', '--format', 'pdf', '--out', out, '--runs', '0'], { db, cwd: dir, env: { FAULTLINE_CHROMIUM: CHROMIUM } });
    assert.equal(r.code, 0, r.stderr);
    const pdf = readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 50_000, `${pdf.length} bytes`);
  });
});

describe('brief(store, "html") on data carrying markup', () => {
  let store: Store;
  let page: string;
  before(async () => {
    store = await regionStore({ hostile: true });
    page = (await brief(store, 'html', { scenarioDirs: [join(builtinRegionDir(), 'scenarios')], runs: 0, today: '2025-12-01' })).text;
  });
  after(() => store.close());

  it('escapes markup from the data and forbids scripts by its own CSP', () => {
    assert.doesNotMatch(page, /<script/i);
    assert.ok(page.includes('Border talks &lt;script&gt;window.__xss = &quot;title&quot;&lt;/script&gt; resume'));
    assert.ok(page.includes('&lt;script&gt;window.__xss = &quot;claim&quot;&lt;/script&gt;'));
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:">/);
  });

  it('cites the hostile article among the sources of its contested claim, with outlet and title', () => {
    const li = page.split('\n').find((l) => l.includes('Troops moved &lt;script&gt;'))!;
    const n = Number(/href="#ref-(\d+)"/.exec(li)![1]);
    const entry = new RegExp(`<li id="ref-${n}">([^<]*)`).exec(page)![1];
    assert.ok(entry.includes('The &lt;b&gt;Hostile&lt;/b&gt; Gazette'), entry);
    assert.ok(entry.includes(HOSTILE_TITLE.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')), entry);
    assert.ok(HOSTILE_CLAIM.length > 0);
  });

  it('renders in Chromium without running markup, with its stylesheet applied and chart text at least 11 px at A4 print width', { skip: skipBrowser ?? false }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'faultline-brief-'));
    writeFileSync(join(tmp, 'hostile.html'), page);
    writeFileSync(join(tmp, 'brief.html'), html);
    // 794 CSS px is the width of an A4 page at 96 px per inch.
    const browser = await launchBrowser({ width: 794, height: 1123 });
    try {
      const tab = await browser.context.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await tab.emulateMedia({ media: 'print' });
      await tab.goto(`file://${join(tmp, 'hostile.html')}`);
      assert.equal(await tab.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
      assert.equal(await tab.evaluate(() => getComputedStyle(document.querySelector('h2')!).textTransform), 'uppercase', 'the CSP hash matches the stylesheet');
      await tab.goto(`file://${join(tmp, 'brief.html')}`);
      const sizes = await tab.evaluate(() =>
        [...document.querySelectorAll('svg text')].map((t) => ((m) => Math.hypot(m.a, m.b))((t as SVGTextElement).getScreenCTM()!) * parseFloat(getComputedStyle(t).fontSize)),
      );
      assert.ok(sizes.length > 100, `${sizes.length} chart texts`);
      assert.ok(Math.min(...sizes) >= 11, `smallest chart text ${Math.min(...sizes).toFixed(2)} px`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
