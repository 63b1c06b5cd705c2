// The dashboard's views of the other measures (Chromium): the ACH matrix, the theses board with rivals, balance over time, the models side by side; their layout at 1600, 1280 and 800 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSkipReason } from './browser.js';
import { SHOTS, startDashboard, type DashboardRig } from './dashboard-rig.js';
import { boxesOf, clashes, titleCovered } from './layout.js';

const skip = browserSkipReason();
if (skip) process.stdout.write(`# ${skip}\n`);

const WIDTHS = [1600, 1280, 800] as const;
/** The scope the dashboard starts in, as query fields. */
const SCOPE = 'region=south-caucasus&minConfidence=0.5';
const NEW_PANELS = ['p-balance', 'p-theses', 'p-ach', 'p-scenarios'] as const;

interface AchAnswer {
  hypotheses: { id: string; title: string; question: string; role: string }[];
  rule: string;
  evidence: { id: string; kind: string; diagnostic: boolean; cells: Record<string, string> }[];
  sensitivity: { thesis: string; verdict: string; changes: { item: string }[] }[];
}

describe('dashboard: hypotheses, balance over time, models side by side (Chromium)', { skip: skip ?? false }, () => {
  let rig: DashboardRig;
  let problems: string[];
  const api = (path: string, init?: RequestInit) => rig.api(path, init);

  before(async () => {
    rig = await startDashboard();
    problems = rig.problems;
  });

  after(async () => {
    await rig?.close();
  });

  /** The dashboard with the ACH matrix and the theses' sensitivity loaded. */
  async function open(width: number): Promise<Page> {
    const page = await rig.open(width);
    await page.waitForSelector('#p-ach[data-state="ready"]');
    await page.waitForSelector('#theses-board[data-sensitivity="ready"]');
    return page;
  }

  it('the ACH matrix has one cell per hypothesis on every row, as the API scores it, and the diagnostic toggle gives the API’s row counts', async () => {
    const ach = (await api(`/api/ach?${SCOPE}&sensitivity=true`)) as AchAnswer;
    const diagnostic = ach.evidence.filter((e) => e.diagnostic).length;
    assert.ok(ach.hypotheses.length >= 10 && ach.evidence.length > diagnostic && diagnostic > 0, `${ach.hypotheses.length} hypotheses, ${diagnostic} of ${ach.evidence.length} items diagnostic`);
    const page = await open(1280);
    assert.equal(await page.textContent('#ach-rule'), `Rule: ${ach.rule}`);
    const heads = await page.$$eval('#ach-table thead th.hyp', (els) => els.map((e) => e.getAttribute('data-hypothesis')));
    assert.deepEqual([...heads].sort(), ach.hypotheses.map((x) => x.id).sort(), 'a column per hypothesis');
    // Columns grouped by question: a question's hypotheses stand next to each other.
    const question = new Map(ach.hypotheses.map((x) => [x.id, x.question]));
    const runs = heads.map((id) => question.get(id!)).filter((q, i, qs) => i === 0 || qs[i - 1] !== q);
    assert.equal(runs.length, new Set(runs).size, `questions in one block each: ${runs.join(', ')}`);

    const rows = async () =>
      page.$$eval('#ach-table tbody tr', (trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-item')!,
          diagnostic: tr.getAttribute('data-diagnostic') === 'true',
          cells: [...tr.querySelectorAll('td.cell')].map((td) => [td.getAttribute('data-hypothesis')!, td.getAttribute('data-cell')!, td.textContent!] as const),
        })),
      );
    const byId = new Map(ach.evidence.map((e) => [e.id, e]));
    const check = (shown: Awaited<ReturnType<typeof rows>>) => {
      for (const r of shown) {
        const e = byId.get(r.id);
        assert.ok(e, `row ${r.id} is an item of the API`);
        assert.equal(r.cells.length, ach.hypotheses.length, `${r.id}: one cell per hypothesis`);
        assert.deepEqual(r.cells.map(([h]) => h), heads, `${r.id}: cells under their heads`);
        for (const [h, cell, text] of r.cells) {
          assert.equal(cell, e.cells[h], `${r.id} × ${h}`);
          assert.equal(text, cell);
        }
      }
    };
    const diag = await rows();
    assert.equal(diag.length, diagnostic, 'diagnostic only (the default): as many rows as the API has diagnostic items');
    assert.ok(diag.every((r) => r.diagnostic));
    check(diag);
    await page.uncheck('#ach-diagnostic');
    const all = await rows();
    assert.equal(all.length, ach.evidence.length, 'all items: as many rows as the API has');
    check(all);
    const firstNon = all.findIndex((r) => !r.diagnostic);
    assert.ok(firstNon === diagnostic && all.slice(firstNon).every((r) => !r.diagnostic), 'diagnostic items come first');
    assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'each item once');

    // CSV of the rows shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ach-csv button.csv')]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines.length - 1, ach.evidence.length);
    assert.deepEqual(lines[0].split(',').slice(4), heads);

    // The header row stays in view while the rows scroll under it.
    await page.locator('#p-ach').scrollIntoViewIfNeeded();
    await page.$eval('#ach-wrap', (el) => el.scrollTo(0, el.scrollHeight / 2));
    const stuck = await page.$eval('#ach-wrap', (wrap) => {
      const top = wrap.getBoundingClientRect().top;
      const th = wrap.querySelector('thead th.hyp')!;
      const r = th.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { offset: Math.abs(r.top - top), onTop: !!hit && th.contains(hit) };
    });
    assert.ok(stuck.offset <= 2, `the header row sits at the top of the scrolled box (${stuck.offset} px off)`);
    assert.ok(stuck.onTop, 'no row covers the header');

    // A click on an event row lists that event with its source links, as the timeline does.
    const event = ach.evidence.find((e) => e.kind === 'event' && e.diagnostic)!;
    await page.check('#ach-diagnostic');
    await page.fill('#ach-filter', event.id);
    await page.click(`#ach-table tr[data-item="${event.id}"] th.item`);
    await page.waitForSelector(`#ach-detail[data-state="ready"] li.event[data-event="${event.id}"]`);
    const one = await api(`/api/events/ids?ids=${encodeURIComponent(event.id)}`);
    assert.equal(await page.locator('#ach-detail li.event').count(), 1);
    const hrefs = await page.$$eval('#ach-detail li.event .sources a[href^="http"]', (as) => as.map((a) => a.getAttribute('href')));
    const sources = (await api('/api/sources')) as { id: string; url: string | null }[];
    const expected = one.events[0].sources.map((id: string) => sources.find((s) => s.id === id)?.url).filter(Boolean);
    assert.ok(expected.length > 0, 'a curated event cites sources');
    assert.deepEqual(hrefs, expected);
    assert.match((await page.textContent('#ach-detail')) ?? '', /diagnostic item of the ACH matrix/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the theses board shows each question with the paper’s thesis beside its rival, with verdict, score parts and what would change it', async () => {
    const theses = (await api(`/api/theses?${SCOPE}`)) as { id: string; verdict: { verdict: string; score: number; question: string; role: string; indicators: { id: string; contribution: number }[] } }[];
    const ach = (await api(`/api/ach?${SCOPE}&sensitivity=true`)) as AchAnswer;
    const questions = new Map<string, typeof theses>();
    for (const t of theses) questions.set(t.verdict.question, [...(questions.get(t.verdict.question) ?? []), t]);
    const page = await open(1280);
    assert.equal(await page.locator('#theses-board section.question').count(), questions.size);
    for (const [q, ts] of questions) {
      const section = page.locator(`#theses-board section.question[data-question="${q}"]`);
      const cards = await section.locator('article.thesis').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-thesis'), role: e.getAttribute('data-role'), verdict: e.getAttribute('data-verdict') })));
      assert.deepEqual(cards.map((c) => c.id).sort(), ts.map((t) => t.id).sort(), `${q}: its hypotheses`);
      assert.ok(cards.some((c) => c.role === 'paper') && cards.some((c) => c.role === 'rival'), `${q}: the paper's thesis and a rival`);
      assert.equal(cards[0].role, 'paper', `${q}: the paper's thesis first`);
      for (const t of ts) assert.equal(cards.find((c) => c.id === t.id)!.verdict, t.verdict.verdict, `${t.id}: the API's verdict`);
      // Beside: the first rival stands in the same row as the paper's thesis at 1280 px.
      const boxes = await boxesOf(page, `#theses-board section.question[data-question="${q}"] article.thesis`);
      assert.ok(Math.abs(boxes[0].y - boxes[1].y) < 1 && boxes[1].x > boxes[0].x, `${q}: rival beside the paper's thesis`);
    }
    for (const t of theses) {
      const card = page.locator(`article.thesis[data-thesis="${t.id}"]`);
      assert.equal(Number(await card.locator('.score').getAttribute('data-score')), t.verdict.score);
      const parts = await card.locator('li.part[data-indicator]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-indicator'), Number(e.getAttribute('data-contribution'))]));
      assert.deepEqual(parts, t.verdict.indicators.map((i) => [i.id, i.contribution]), `${t.id}: a bar per indicator contribution`);
      const widths = await card.locator('li.part[data-indicator] .fill').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      t.verdict.indicators.forEach((ind, k) => assert.equal(widths[k] > 0, ind.contribution !== 0, `${t.id}/${ind.id}: a bar only where it contributes`));
      const reason = (await card.locator('.reason').textContent()) ?? '';
      for (const ind of t.verdict.indicators) assert.ok(!reason.includes(ind.id), `${t.id}: no indicator id in the reason (${reason})`);
      const s = ach.sensitivity.find((x) => x.thesis === t.id)!;
      const changes = await card.locator('.change li[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
      assert.deepEqual(changes, s.changes.map((c) => c.item), `${t.id}: what would change the verdict`);
      if (!s.changes.length) assert.match((await card.locator('.change').textContent()) ?? '', /no single evidence item/);
    }
    assert.ok(theses.some((t) => ['contradicted', 'mixed'].includes(t.verdict.verdict)), 'some hypothesis does not come out supported');
    // An event that would change a verdict opens in the evidence panel with its sources.
    const kinds = new Map(ach.evidence.map((e) => [e.id, e.kind]));
    const pivot = ach.sensitivity.flatMap((s) => s.changes.map((c) => ({ thesis: s.thesis, item: c.item }))).find((c) => kinds.get(c.item) === 'event');
    assert.ok(pivot, 'some verdict turns on a single event');
    const button = page.locator(`article.thesis[data-thesis="${pivot.thesis}"] .change li[data-item="${pivot.item}"] button.linkish`);
    if (!(await button.isVisible())) await page.locator(`article.thesis[data-thesis="${pivot.thesis}"] .change details summary`).click();
    await button.click();
    await page.waitForSelector(`#p-evidence[data-state="ready"] #evidence-list li.event[data-event="${pivot.item}"]`);
    assert.equal(await page.locator('#evidence-list li.event').count(), 1);
    assert.ok((await page.locator('#evidence-list li.event .sources a[href^="http"]').count()) > 0, 'with its source links');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the balance chart has one point per year the API returns, lists every camp switch, and follows the scope bar', async () => {
    const points = (y: any) => y.periods.filter((p: any) => p.frustration.lineIndex !== null).map((p: any) => [p.period, p.frustration.lineIndex, p.frustration.exact]);
    const years = await api(`/api/balance/years?${SCOPE}`);
    assert.ok(points(years).length >= 5, `${points(years).length} years`);
    const page = await open(1280);
    await page.waitForSelector('#p-balance[data-state="ready"]');
    assert.deepEqual(JSON.parse((await page.getAttribute('#balance-chart', 'data-points'))!), points(years));
    const moved = years.periods.filter((p: any) => p.switched.length);
    assert.deepEqual(await page.$$eval('#balance-switch-list > li', (els) => els.map((e) => e.getAttribute('data-year'))), moved.map((p: any) => p.period));
    assert.deepEqual(
      await page.$$eval('#balance-switch-list .who-switched', (els) => els.map((e) => e.getAttribute('data-actor'))),
      moved.flatMap((p: any) => p.switched.map((s: any) => s.actor)),
    );
    assert.doesNotMatch((await page.textContent('#balance-switches')) ?? '', /\bIGO[A-Z]+\b/, 'names, not IGO codes');
    assert.match((await page.textContent('#balance-years-n')) ?? '', new RegExp(`^n = ${points(years).length} years with signed ties .* South Caucasus · confidence ≥ 0\\.5`));
    // The shared scope bar: a higher least confidence redraws the series the API gives for it.
    await page.selectOption('#scope-confidence', '0.9');
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#p-balance[data-state="ready"]');
    const strict = await api('/api/balance/years?region=south-caucasus&minConfidence=0.9');
    assert.deepEqual(JSON.parse((await page.getAttribute('#balance-chart', 'data-points'))!), points(strict));
    assert.match((await page.textContent('#balance-years-n')) ?? '', /confidence ≥ 0\.9/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the scenario panel shows the four models side by side, the words when they disagree, and the runs each side of the midpoint', async () => {
    const page = await open(1280);
    for (const scenario of ['russia-role', 'transit-route-2025']) {
      await page.selectOption('#scenario-name', scenario);
      await page.waitForSelector(`#scenario-inputs[data-scenario="${scenario}"] #scenario-inputs-table tbody tr`);
      await page.fill('#scenario-runs', '30');
      await page.click('#scenario-run');
      await page.waitForSelector(`#scenario-models`);
      const r = await api('/api/simulate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario, model: 'smp', runs: 30, perturb: 5, seed: '1' }) });
      const models = await page.$$eval('#scenario-models thead th[data-model]', (els) => els.map((e) => e.getAttribute('data-model')));
      assert.deepEqual(models, ['smp', 'eu', 'median', 'mean']);
      for (const d of r.comparison.dimensions) {
        const cells = await page.$$eval(`#scenario-models tr[data-dimension="${d.dimension}"] td[data-model]`, (els) => els.map((e) => [e.getAttribute('data-model'), e.textContent]));
        assert.deepEqual(cells, d.predictions.map((p: { model: string; prediction: number }) => [p.model, p.prediction.toFixed(1)]));
        assert.equal(await page.getAttribute(`#scenario-models tr[data-dimension="${d.dimension}"]`, 'data-disagree'), String(d.disagree));
      }
      const disagree = r.comparison.dimensions.filter((d: { disagree: boolean }) => d.disagree);
      const words = (await page.textContent('#scenario-comparison')) ?? '';
      if (disagree.length) {
        assert.equal(await page.locator('#scenario-comparison .disagreement').count(), 1, `${scenario}: the disagreement in words`);
        for (const d of disagree) assert.ok(words.includes(d.summary), `${scenario}: says ${d.summary}`);
      } else assert.match(words, /The 4 models agree on every dimension, within 20% of the scale/);
      const band = r.distribution.outcome[0];
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      assert.equal(await page.textContent('#scenario-table tbody tr td.sides'), `${pct(band.belowMidpoint)} below ${band.midpoint}${band.atMidpoint ? ` · ${pct(band.atMidpoint)} at` : ''} · ${pct(band.aboveMidpoint)} above`);
    }
    assert.equal(await page.locator('#scenario-comparison .disagreement').count(), 0, 'the transit route: the models agree within the threshold');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: the new panels hold their parts without overlap, titles uncovered, nothing wider than the screen`, async () => {
      const page = await open(width);
      await page.fill('#scenario-runs', '20');
      await page.click('#scenario-run');
      await page.waitForSelector('#scenario-models');
      for (const id of NEW_PANELS) {
        await page.$eval(`#${id}`, (el) => el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior }));
        assert.equal(await titleCovered(page, `#${id} h2`), null, `#${id} title`);
      }
      for (const q of await page.$$eval('#theses-board section.question', (els) => els.map((e) => e.getAttribute('data-question')))) {
        assert.deepEqual(clashes(await boxesOf(page, `section.question[data-question="${q}"] article.thesis`)), [], `${q}: cards`);
      }
      // The parts of a card: badge, bar, number and words side by side, none over another.
      for (const part of (await page.locator('#theses-board li.part').all()).slice(0, 12)) {
        const boxes = await part.evaluate((li) => [...li.children].map((c, i) => {
          const r = c.getBoundingClientRect();
          return { what: `${i}:${c.className}`, x: r.x, y: r.y, w: r.width, h: r.height };
        }));
        assert.deepEqual(clashes(boxes), []);
      }
      assert.deepEqual(clashes(await boxesOf(page, '#ach-table thead th')), [], 'ACH heads');
      assert.deepEqual(clashes(await boxesOf(page, '#p-ach > header, #ach-n, #ach-rule, #ach-wrap, #ach-detail')), [], 'ACH parts');
      assert.deepEqual(clashes(await boxesOf(page, '#p-balance > header, #balance-years-n, #balance-chart, #balance-switches')), [], 'balance parts');
      assert.deepEqual(clashes(await boxesOf(page, '#scenario-table, #scenario-comparison, #scenario-inputs, #scenario-chart')), [], 'scenario parts');
      // The matrix scrolls inside its box; the page itself never grows wider than the screen.
      const wrap = await page.$eval('#ach-wrap', (el) => ({ box: el.getBoundingClientRect().right, panel: el.closest('.panel')!.getBoundingClientRect().right }));
      assert.ok(wrap.box <= wrap.panel + 0.5, 'the matrix box stays in its panel');
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'no horizontal overflow');
      assert.ok((await page.$eval('#ach-table', (t) => t.querySelectorAll('tbody tr').length)) > 100, 'hundreds of rows drawn');
      mkdirSync(SHOTS, { recursive: true });
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      const file = join(SHOTS, `dashboard2-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 50_000);
      for (const id of NEW_PANELS) {
        await page.$eval(`#${id}`, (el) => el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior }));
        await page.locator(`#${id}`).screenshot({ path: join(SHOTS, `dashboard2-${id.slice(2)}-${width}.png`) });
      }
      process.stdout.write(`# screenshots ${width} px: ${file} and dashboard2-{balance,theses,ach,scenarios}-${width}.png\n`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
