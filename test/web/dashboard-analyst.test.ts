// The dashboard as an analyst works in it (Chromium): layout at 1600, 1280 and 800 px, the events behind a dyad bar, filters, map, actor page, review, scenario inputs, CSV.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkipReason } from './browser.js';
import { SHOTS, startDashboard, type DashboardRig } from './dashboard-rig.js';
import { overlap, titleCovered, type Box } from './layout.js';

const skip = browserSkipReason();
if (skip) process.stdout.write(`# ${skip}\n`);

const WIDTHS = [1600, 1280, 800] as const;
/** Endpoints other helpers are adding; until they land, the dashboard must say "not available" rather than fail. */
const HOOKS = /\/api\/(alignment|arms|review)\b/;

describe('dashboard for analysts (Chromium)', { skip: skip ?? false }, () => {
  let rig: DashboardRig;
  let server: DashboardRig['server'];
  let context: BrowserContext;
  let problems: string[];
  const api = (path: string) => rig.api(path);
  const open = (width: number): Promise<Page> => rig.open(width);

  before(async () => {
    rig = await startDashboard({ tolerate: HOOKS });
    ({ server, context, problems } = rig);
  });

  after(async () => {
    await rig?.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: no two elements of the top bar overlap and none leaves the screen`, async () => {
      const page = await open(width);
      const boxes: Box[] = await page.evaluate(() => {
        const sel = '.topbar .logo, .topbar .region, .topbar .meta, .topbar .nav a, .topbar .api-link, .scope-bar label, .scope-bar select, .scope-bar input[type="range"], .scope-bar legend, .scope-bar output';
        const els = [...document.querySelectorAll<HTMLElement>(sel)];
        // An element inside another of the set (a checkbox inside its label) is part of it, not beside it.
        return els
          .filter((e) => !els.some((o) => o !== e && o.contains(e)))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 24)}"`, x: r.x, y: r.y, w: r.width, h: r.height };
          });
      });
      assert.ok(boxes.length >= 20, `found ${boxes.length} top-bar elements`);
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        assert.ok(boxes[i].w > 0 && boxes[i].h > 0, `${boxes[i].what} is visible`);
        assert.ok(boxes[i].x >= 0 && boxes[i].x + boxes[i].w <= width + 0.5, `${boxes[i].what} stays within ${width} px (x ${boxes[i].x}, w ${boxes[i].w})`);
        for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j]) > 1) clashes.push(`${boxes[i].what} × ${boxes[j].what}`);
      }
      assert.deepEqual(clashes, []);
      await page.close();
    });

    it(`at ${width} px: panels do not overlap, stack below 1100 px, and no panel title is covered by the top bar`, async () => {
      const page = await open(width);
      const panels: Box[] = await page.$$eval('main.grid > .panel', (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { what: e.id, x: r.x, y: r.y + window.scrollY, w: r.width, h: r.height };
        }),
      );
      assert.ok(panels.length >= 13, `${panels.length} panels`);
      for (let i = 0; i < panels.length; i++) for (let j = i + 1; j < panels.length; j++) assert.equal(overlap(panels[i], panels[j]), 0, `${panels[i].what} overlaps ${panels[j].what}`);
      if (width < 1100) for (const p of panels) assert.equal(Math.round(p.x), Math.round(panels[0].x), `${p.what} is stacked in one column`);
      const ids = panels.map((p) => p.what);
      // Reached both ways an analyst does: scrolling a panel into view and following the panel links of the top bar.
      for (const how of ['scroll', 'link'] as const) {
        for (const id of ids) {
          if (how === 'scroll') await page.$eval(`#${id}`, (el) => el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior }));
          else {
            const link = page.locator(`.topbar .nav a[href="#${id}"]`);
            if ((await link.count()) === 0) continue;
            await link.click();
          }
          const covered = await titleCovered(page, `#${id} h2`);
          assert.equal(covered, null, `${how}: the title of #${id} is ${covered}`);
        }
      }
      // Nothing, not even a chart tooltip left open by the pointer, widens the page beyond the screen.
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'no horizontal overflow');
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      mkdirSync(SHOTS, { recursive: true });
      const file = join(SHOTS, `dashboard-${width}.png`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 50_000, 'the screenshot has content');
      process.stdout.write(`# screenshot ${width} px: ${file}\n`);
      await page.close();
    });
  }

  it('a click on a dyad bar lists exactly the events that bar counts, each with its source', async () => {
    const page = await open(1280);
    await page.locator('#p-dyad').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !!document.querySelector('#dyad-chart')?.getAttribute('data-bars'));
    const bars = JSON.parse((await page.getAttribute('#dyad-chart', 'data-bars'))!) as [string, number, number, number][];
    const dyad = await api('/api/dyad?a=ARM&b=AZE&by=year&region=south-caucasus&minConfidence=0.5');
    assert.deepEqual(bars.map(([p, n]) => [p, n]), dyad.series.map((s: { period: string; events: number }) => [s.period, s.events]), 'the chart draws the API series');
    // The 2022 bar holds curated events and imported ACLED rows.
    const bar = bars.find(([p]) => p === '2022')!;
    assert.ok(bar && bar[1] > 0 && bar[1] <= 100, `2022 has ${bar?.[1]} events`);
    const origin = await page.locator('#dyad-chart').boundingBox();
    await page.mouse.click(origin!.x + bar[2], origin!.y + bar[3]);
    await page.waitForSelector('#p-evidence[data-state="ready"]');
    assert.match((await page.textContent('#evidence-title')) ?? '', /Armenia – Azerbaijan, 2022/);
    const listed = await page.$$eval('#evidence-list li.event', (els) => els.map((e) => e.getAttribute('data-event')));
    assert.equal(listed.length, bar[1], 'as many events as the bar counts');
    const evidence = await api('/api/evidence?a=ARM&b=AZE&by=year&period=2022&region=south-caucasus&minConfidence=0.5&limit=500');
    assert.equal(evidence.evidence.events, bar[1]);
    assert.deepEqual(listed, evidence.events.map((e: { id: string }) => e.id));
    const kinds = await page.$$eval('#evidence-list li.event', (els) => [...new Set(els.map((e) => e.getAttribute('data-origin')))].sort());
    assert.deepEqual(kinds, ['acled', 'curated']);
    for (const li of await page.locator('#evidence-list li.event').all()) {
      const links = li.locator('.sources a[href^="http"]');
      const origin = await li.getAttribute('data-origin');
      if (origin === 'curated') assert.ok((await links.count()) > 0, 'a curated event links its sources');
      else assert.ok((await li.locator('.sources > *').count()) > 0, 'a dataset row says where it comes from');
    }
    assert.match((await page.textContent('#evidence-n')) ?? '', new RegExp(`^n = ${bar[1]} events, .* the bar counts ${bar[1]}`));
    await page.close();
  });

  it('the timeline pages through every origin and filters by quad class and event type, with n stated', async () => {
    const page = await open(1600);
    const p = await api('/api/events/page?region=south-caucasus&minConfidence=0.5&from=2021-01-01&to=2025-12-31&limit=1');
    assert.match((await page.textContent('#timeline-n')) ?? '', new RegExp(`^n = ${p.evidence.events} events, ${p.evidence.sources} sources`));
    assert.ok(p.evidence.origins.acled > 0 && p.evidence.origins.curated > 0);
    assert.equal(await page.locator('#event-list li.event').count(), Math.min(50, p.evidence.events));
    assert.ok((await page.locator('#event-list li.event[data-origin="acled"]').count()) + (await page.locator('#timeline-pager .page-next:not([disabled])').count()) > 0);
    await page.click('#timeline-pager .page-next');
    await page.waitForFunction(() => document.querySelector('#timeline-pager .page-info')?.textContent?.startsWith('51–'));
    // Only material conflict.
    for (const q of ['1', '2', '3']) await page.uncheck(`#timeline-quads input[value="${q}"]`);
    const q4 = await api('/api/events/page?region=south-caucasus&minConfidence=0.5&from=2021-01-01&to=2025-12-31&limit=1&quad=4');
    await page.waitForFunction((n) => document.querySelector('#timeline-n')?.textContent?.startsWith(`n = ${n} events`), q4.evidence.events);
    const quads = await page.$$eval('#event-list li.event .quad', (els) => [...new Set(els.map((e) => e.className))]);
    assert.deepEqual(quads, ['quad q4']);
    await page.selectOption('#timeline-cameo', '19');
    await page.waitForFunction(() => [...document.querySelectorAll('#event-list li.event')].every((e) => e.getAttribute('data-cameo')?.startsWith('19')));
    const cameos = await page.$$eval('#event-list li.event', (els) => els.map((e) => e.getAttribute('data-cameo')));
    assert.ok(cameos.length > 0 && cameos.every((c) => c?.startsWith('19')), cameos.join(','));
    // The scope bar is shared: curated only removes the dataset rows from the timeline.
    await page.uncheck('#scope-origins input[value="acled"]');
    await page.waitForSelector('body[data-ready="true"]');
    assert.doesNotMatch((await page.textContent('#timeline-n')) ?? '', /acled/);
    assert.equal(await page.locator('#event-list li.event[data-origin="acled"]').count(), 0);
    assert.doesNotMatch((await page.textContent('#dyad-n')) ?? '', /acled/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('downloads the timeline as CSV with one row per listed event', async () => {
    const page = await open(1600);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#timeline-csv button.csv')]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'id,day,end,origin,cameo,quad,goldstein,source,target,summary,status,confidence,location,sources,source_urls');
    assert.equal(lines.length - 1, await page.locator('#event-list li.event').count());
    await page.close();
  });

  it('draws the map from the shipped world map and lists a country’s events on click', async () => {
    const page = await open(1280);
    await page.waitForFunction(() => !!document.querySelector('#map-chart')?.getAttribute('data-countries'));
    const drawn = new Map(JSON.parse((await page.getAttribute('#map-chart', 'data-countries'))!) as [string, number][]);
    const m = await api('/api/map?region=south-caucasus&minConfidence=0.5&from=2021-01-01&to=2025-12-31');
    assert.equal(drawn.get('ARM'), m.countries.find((c: { country: string }) => c.country === 'ARM').involving);
    assert.ok(m.places.length > 0, 'ACLED rows bring places with coordinates');
    assert.ok((await page.locator('#map-chart canvas').count()) > 0);
    assert.match((await page.textContent('#map-n')) ?? '', /^n = \d+ events/);
    await page.close();
  });

  it('opens an actor page from the network with its events, relations by layer, claims and formats', async () => {
    const page = await open(1280);
    await page.selectOption('#actor-select', 'ARM');
    await page.waitForSelector('#p-actor[data-actor="ARM"] #actor-name');
    assert.equal(await page.textContent('#actor-name'), 'Armenia');
    await page.waitForSelector('#actor-body .actor-events li.event');
    const body = (await page.textContent('#actor-body')) ?? '';
    assert.match(body, /Relations \(\d+\)/);
    assert.match(body, /dependency/i);
    assert.match(body, /Formats and corridors \(\d+\)/);
    assert.match(body, /Claims \(\d+\)/);
    await page.waitForFunction(() => /UNGA agreement in \d{4}/.test(document.querySelector('#actor-body .actor-structural')?.textContent ?? ''));
    assert.match((await page.textContent('#actor-body .actor-structural')) ?? '', /Arms suppliers \d{4}-\d{4}: .*Russia/);
    await page.close();
  });

  it('draws UNGA agreement and arms suppliers, and a click on an arms bar lists the rows behind it with their source', async () => {
    const page = await open(1280);
    await page.locator('#p-structural').scrollIntoViewIfNeeded();
    await page.waitForSelector('#alignment-chart[data-state="ready"]');
    await page.waitForSelector('#arms-chart[data-state="ready"]');
    assert.match((await page.textContent('#alignment-n')) ?? '', /^n = \d+ recorded votes over \d+ years with ≥ 10 roll calls, votes to \d{4}/);
    assert.match((await page.textContent('#alignment-cite')) ?? '', /Voeten/);
    assert.match((await page.textContent('#arms-n')) ?? '', /^n = \d+ TIV \(millions, deliveries\) from \d+ suppliers/);
    assert.match((await page.textContent('#arms-cite')) ?? '', /SIPRI Arms Transfers Database/);
    // Ideal points run past the last votes: the other measure of the same panel.
    await page.selectOption('#alignment-measure', 'distance');
    assert.match((await page.textContent('#alignment-n')) ?? '', /^n = \d+ years of ideal points/);
    await page.waitForFunction(() => !!document.querySelector('#arms-chart')?.getAttribute('data-bars'));
    const bars = JSON.parse((await page.getAttribute('#arms-chart', 'data-bars'))!) as [string, string, number, number][];
    const [period, supplier, x, y] = bars[bars.length - 1];
    const box = await page.locator('#arms-chart').boundingBox();
    await page.mouse.click(box!.x + x, box!.y + y);
    await page.waitForSelector('#evidence-rows tbody tr');
    assert.equal(await page.textContent('#evidence-title'), `Arms suppliers of Armenia, ${period}`);
    const api5y = await api(`/api/arms?recipient=ARM&by=5y&from=${Number(period.slice(0, 4)) - 20}&until=2025`);
    const expected = api5y.shares.filter((s: { period: string; tiv: number }) => s.period === period && s.tiv > 0);
    assert.equal(await page.locator('#evidence-rows tbody tr').count(), expected.length);
    assert.ok(expected.some((s: { supplier: string }) => s.supplier === supplier));
    assert.match((await page.textContent('#evidence-body')) ?? '', /Sources: SIPRI Arms Transfers Database/);
    await page.close();
  });

  it('lists pending extractions for review and sends accept by id (reader contract), or says the review is not available', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const posted: unknown[] = [];
    await page.route('**/api/review', async (route) => {
      if (route.request().method() === 'POST') {
        posted.push(route.request().postDataJSON());
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ state: 'accepted', events: 1, claims: 0, unknown: [] }) });
      }
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ items: [{ kind: 'event', id: 'x-ev-1', origin: 'article:abc', review: 'pending', code: '043', actors: ['ARM'], others: ['AZE'], date: '2025-06-03', sentence: 'Armenia and <b>Azerbaijan</b> met in Tbilisi.' }] }),
      });
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#review-body li[data-review="x-ev-1"]');
    assert.equal(await page.textContent('#review-body .sentence'), 'Armenia and <b>Azerbaijan</b> met in Tbilisi.');
    assert.match((await page.textContent('#review-body .who')) ?? '', /Armenia → Azerbaijan/);
    await page.click('#review-body li[data-review="x-ev-1"] button.accept');
    await page.waitForSelector('#review-body li[data-decided="accepted"]');
    assert.deepEqual(posted, [{ action: 'accept', ids: ['x-ev-1'] }]);
    await page.close();

    const missing = await context.newPage();
    await missing.route('**/api/review', (route) => route.fulfill({ status: 501, contentType: 'application/json', body: JSON.stringify({ error: 'not-implemented', message: 'server: review is not built' }) }));
    await missing.goto(`${server.url}/`);
    await missing.waitForSelector('#p-review[data-state="unavailable"]');
    assert.match((await missing.textContent('#review-body')) ?? '', /not available/);
    await missing.close();
  });

  it('shows a scenario’s inputs before Run and flags a point estimate outside its own band', async () => {
    const page = await open(1280);
    await page.waitForSelector('#scenario-inputs-table tbody tr');
    const name = await page.$eval('#scenario-name', (s) => (s as HTMLSelectElement).value);
    const inputs = await api(`/api/scenario?name=${name}`);
    assert.equal(await page.locator('#scenario-inputs-table tbody tr').count(), inputs.actors.length);
    assert.equal(await page.locator('#scenario-table').count(), 0, 'nothing has run yet');
    // A scenario with a recorded outcome says what happened and how far each model was from it.
    const retro = (await api('/api/retrodict')) as { scenario: string; outcome: number; outcomeDate: string }[];
    assert.ok(retro.length > 0, 'the built-in region has scenarios with a recorded outcome');
    await page.selectOption('#scenario-name', retro[0].scenario);
    await page.waitForFunction((d) => document.querySelector('#scenario-retrodiction')?.textContent?.includes(`what happened by ${d}`), retro[0].outcomeDate);
    assert.match((await page.textContent('#scenario-retrodiction')) ?? '', new RegExp(`what happened by ${retro[0].outcomeDate}: ${retro[0].outcome}\\.`));
    // A result whose point estimate lies above its band, as an unstable model gives.
    await page.route('**/api/simulate', async (route) => {
      const res = await route.fetch();
      const r = (await res.json()) as any;
      const b = r.distribution.outcome[0];
      r.final.outcome[0] = Math.min(100, b.p90 + 10);
      delete b.pointInBand;
      delete b.point;
      return route.fulfill({ response: res, json: r });
    });
    await page.fill('#scenario-runs', '20');
    await page.click('#scenario-run');
    await page.waitForSelector('#scenario-table tbody tr');
    assert.equal(await page.locator('#scenario-table tr[data-outside="true"]').count() >= 1, true);
    assert.match((await page.textContent('#scenario-table')) ?? '', /outside its own band/);
    await page.close();
  });

  it('states n and scope on every panel that shows a figure', async () => {
    const page = await open(1600);
    for (const id of ['network-n', 'timeline-n', 'dyad-n', 'map-n']) {
      const text = (await page.textContent(`#${id}`)) ?? '';
      assert.match(text, /^n = \d+ events?, \d+ sources?/, `${id}: ${text}`);
      assert.match(text, /South Caucasus/, `${id} names the region`);
      assert.match(text, /confidence ≥ 0\.5/, `${id} names the confidence`);
    }
    assert.match((await page.textContent('#claims-count')) ?? '', /^n = \d+ claims/);
    assert.match((await page.textContent('#balance-stats')) ?? '', /grey: in no bloc/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reviews a real ingested article: its pending records are listed with their sentence, and an accepted event joins the evidence', async () => {
    const res = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Border commission meets', published: '2025-06-04', text: 'On 3 June 2025, Armenia and Azerbaijan signed a border agreement in Tbilisi.' }),
    });
    assert.equal(res.status, 200);
    const { origin } = (await res.json()) as { origin: string };
    const pending = ((await api('/api/review')).items as { id: string; kind: string; origin: string; review: string }[]).filter((i) => i.origin === origin && i.review === 'pending');
    assert.ok(pending.length > 0, 'an ingested article waits for review');
    const page = await open(1280);
    const item = page.locator(`#review-body li[data-origin="${origin}"]`).first();
    await item.waitFor();
    assert.match((await item.locator('.sentence').textContent()) ?? '', /Armenia and Azerbaijan signed a border agreement/);
    const id = await item.getAttribute('data-review');
    const before = (await api('/api/events/page?from=2025-06-03&to=2025-06-03&limit=50')).events as { id: string }[];
    assert.ok(!before.some((e) => e.id === id), 'a pending record is not evidence');
    await item.locator('button.accept').click();
    await page.waitForSelector(`#review-body li[data-review="${id}"][data-decided="accepted"]`);
    const left = ((await api('/api/review')).items as { id: string; review: string }[]).filter((i) => i.id === id && i.review === 'pending');
    assert.equal(left.length, 0);
    const kind = pending.find((p) => p.id === id)?.kind;
    if (kind === 'event') {
      const after = (await api('/api/events/page?from=2025-06-03&to=2025-06-03&limit=50')).events as { id: string }[];
      assert.ok(after.some((e) => e.id === id), 'the accepted event now counts');
    }
    await page.close();
  });
});
