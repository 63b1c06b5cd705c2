// What counts as evidence: one definition, applied by every measure, the brief and the API alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, Event, Relation, Thesis } from '../../src/model/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { writeKnowledgeBase } from '../../src/store/load-knowledge-base.js';
import { resolveScope } from '../../src/store/evidence.js';
import { readMatchingEvents } from '../../src/store/evidence-reads.js';
import { dyadReport } from '../../src/measure/dyad-series.js';
import { signedNetwork } from '../../src/measure/signed-network.js';
import { mediation } from '../../src/measure/mediation.js';
import { influence } from '../../src/measure/influence.js';
import { alerts, alertWindows } from '../../src/measure/alerts.js';
import { evaluateTheses } from '../../src/measure/theses.js';
import { balance } from '../../src/measure/balance.js';
import { briefData } from '../../src/report/brief-data.js';
import { createApp } from '../../src/server/app.js';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

const state = (id: string): Actor => ({ id, kind: 'state', name: `State ${id}`, aliases: [], country: id, code: id, roles: [], sources: [] }) as unknown as Actor;

let n = 0;
function ev(day: string, cameo: string, quad: 1 | 2 | 3 | 4, goldstein: number, source: string[], target: string[], extra: Partial<Event> = {}): Event {
  n++;
  return {
    id: `ev${String(n).padStart(3, '0')}`, date: { start: day, end: day, precision: 'day' }, cameo, quad, goldstein, plover: null,
    source, target, third: [], location: null, summary: `event ${n}`, sources: [`s${n % 7}`], confidence: 0.9,
    negated: false, hypothetical: false, status: 'reported', review: 'accepted', origin: { dataset: 'curated:ev', row: null }, ...extra,
  } as unknown as Event;
}

/** ARM–AZE: three events a year 2015–2024, the Goldstein weight falling year by year; then every kind of non-evidence. */
const COUNTED: Event[] = [];
for (let y = 2015; y <= 2024; y++) {
  for (const m of ['02', '06', '10']) COUNTED.push(ev(`${y}-${m}-10`, y < 2020 ? '036' : '111', y < 2020 ? 1 : 3, y < 2020 ? 4 - (y - 2015) * 0.5 : -2 - (y - 2020) * 0.5, ['ARM'], ['AZE']));
}
const EXCLUDED: Event[] = [
  ev('2024-11-01', '190', 4, -10, ['AZE'], ['ARM'], { negated: true }),
  ev('2024-11-02', '057', 2, 8, ['ARM'], ['AZE'], { hypothetical: true }),
  ev('2024-11-03', '190', 4, -10, ['AZE'], ['ARM'], { status: 'alleged', confidence: 0.6 }),
  ev('2024-11-04', '190', 4, -10, ['AZE'], ['ARM'], { status: 'denied', confidence: 0.6 }),
  ev('2024-11-05', '190', 4, -10, ['AZE'], ['ARM'], { review: 'pending', origin: { dataset: 'article:abc', row: '1' } }),
  ev('2024-11-06', '190', 4, -10, ['AZE'], ['ARM'], { review: 'rejected', origin: { dataset: 'article:abc', row: '2' } }),
  ev('2024-11-07', '190', 4, -10, ['AZE'], ['ARM'], { confidence: 0.3 }),
  { ...ev('2024-11-08', '190', 4, -10, ['AZE'], ['ARM']), date: null },
];
const ALLEGED = EXCLUDED.filter((e) => e.status !== 'reported').map((e) => e.id);

const RELATIONS = [
  // A dependency (membership) and a basing relation: reported as layers, never alignment.
  { id: 'arm-csto', type: 'membership', from: 'ARM', to: 'IGOCSTO', interval: { start: '1992-05-15', end: null }, sign: 1, strength: 1, sources: ['r1'] },
  { id: 'rus-arm-base', type: 'basing', from: 'RUS', to: 'ARM', interval: { start: '1995-03-16', end: null }, sign: 1, strength: 1, sources: ['r1'] },
  { id: 'rus-csto', type: 'alliance', from: 'RUS', to: 'IGOCSTO', interval: { start: '1992-05-15', end: null }, sign: 1, strength: 1, sources: ['r1'] },
  { id: 'arm-fra', type: 'defense-cooperation', from: 'ARM', to: 'FRA', interval: { start: '2023-01-01', end: null }, sign: 1, strength: 1, sources: ['r1'] },
] as unknown as Relation[];

const THESES = [
  {
    id: 't-talks', title: 'Armenia and Azerbaijan interact', statement: 'They do.', sources: ['s1'],
    indicators: [{ id: 'all', kind: 'event-count', description: 'ARM–AZE events', bearing: 'supports', source: ['ARM', 'AZE'], target: ['ARM', 'AZE'], quad: [], cameo: [], from: '2015-01-01', to: null, expect: 'at-least', value: 1 }],
  },
] as unknown as Thesis[];

const REGION = { id: 'ev', name: 'Evidence Region', description: 'test', countries: ['ARM', 'AZE'], groups: { russia: ['RUS'], west: ['FRA'] } };

async function load(store: Store): Promise<void> {
  const igo = { id: 'IGOCSTO', kind: 'igo', name: 'Collective Security Treaty Organization', aliases: ['CSTO'], country: null, code: 'IGOCSTO', roles: [], sources: [] } as unknown as Actor;
  await store.transaction((tx) =>
    writeKnowledgeBase(tx, {
      region: REGION as never, sources: [], actors: [...['ARM', 'AZE', 'RUS', 'FRA', 'IRN'].map(state), igo],
      events: [...COUNTED, ...EXCLUDED, ev('2024-03-01', '040', 1, 1, ['ARM'], ['IRN'])], relations: RELATIONS, claims: [], formats: [], theses: THESES,
    }, 'curated:ev'),
  );
}

/** A GDELT 2.0 export line shaped like the fixture's, with the fields a test sets. */
function gdeltLine(template: string, id: number, day: string, c1: string, c2: string, code: string, quad: number, goldstein: number): string {
  const f = template.split('\t');
  f[0] = String(id);
  f[1] = day.replace(/-/g, '');
  f[2] = f[1].slice(0, 6);
  f[3] = f[1].slice(0, 4);
  [f[5], f[6], f[7]] = [c1, c1, c1];
  [f[15], f[16], f[17]] = [c2, c2, c2];
  [f[26], f[27], f[28], f[29], f[30]] = [code, code, code.slice(0, 2), String(quad), String(goldstein)];
  f[f.length - 1] = `https://news.example.org/${id}`;
  return f.join('\t');
}

/** A small GDELT file: ARM–AZE material conflict in 2023 (in the region) and KOR–PRK (outside it). */
function gdeltFile(): string {
  const template = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-malformed', '20240105000000.export.CSV'), 'utf8').split('\n')[0];
  const lines: string[] = [];
  let id = 1000;
  for (let k = 0; k < 4; k++) lines.push(gdeltLine(template, id++, `2023-0${k + 1}-15`, 'AZE', 'ARM', '190', 4, -10));
  for (let k = 0; k < 6; k++) lines.push(gdeltLine(template, id++, `2023-0${k + 1}-20`, 'KOR', 'PRK', '190', 4, -10));
  const file = join(tempDir(), '20240301000000.export.CSV');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('the evidence scope: what counts', () => {
  let store: Store;
  let db: string;
  before(async () => {
    db = join(tempDir(), 'evidence.duckdb');
    store = await openStore(db);
    await load(store);
    store.close();
    const r = await runMain(['import', 'gdelt', gdeltFile(), '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    store = await openStore(db);
  });
  after(() => store.close());

  it('counts only dated, real, accepted, reported events at or above the minimum confidence', async () => {
    const s = await resolveScope(store, { region: 'ev', origins: ['curated', 'article'] });
    const found = await readMatchingEvents(store, s, { source: ['ARM', 'AZE'], target: ['ARM', 'AZE'] }, 1000);
    assert.deepEqual(new Set(found.ids), new Set(COUNTED.map((e) => e.id)));
    const alleged = await readMatchingEvents(store, { ...s, includeAlleged: true }, { source: ['ARM', 'AZE'], target: ['ARM', 'AZE'] }, 1000);
    assert.deepEqual(new Set(alleged.ids), new Set([...COUNTED.map((e) => e.id), ...ALLEGED]));
    const low = await readMatchingEvents(store, { ...s, minConfidence: 0.2 }, { source: ['ARM', 'AZE'], target: ['ARM', 'AZE'] }, 1000);
    assert.equal(low.count, COUNTED.length + 1, 'the 0.3-confidence event joins below a 0.2 minimum');
  });

  it('imports dataset rows as reported, accepted, real events (the invariant the dataset reads rely on)', async () => {
    const r = await runMain(['events', '--datasets', '--json', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as Event[]).filter((e) => e.origin.dataset === 'gdelt');
    assert.equal(rows.length, 10);
    assert.ok(rows.every((e) => e.status === 'reported' && e.review === 'accepted' && !e.negated && !e.hypothetical));
  });

  it('leaves a denied or alleged event out of the dyad by default and takes it in with --include-alleged', async () => {
    const plain = JSON.parse((await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--origin', 'curated', '--json', '--db', db])).stdout);
    const all = JSON.parse((await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--origin', 'curated', '--include-alleged', '--json', '--db', db])).stdout);
    const y2024 = (r: { series: { period: string; events: number; goldstein_mean: number }[] }) => r.series.find((p) => p.period === '2024')!;
    assert.equal(y2024(plain).events, 3);
    assert.equal(y2024(all).events, 5);
    assert.ok(y2024(all).goldstein_mean < y2024(plain).goldstein_mean, `${y2024(all).goldstein_mean} < ${y2024(plain).goldstein_mean}`);
    assert.equal(y2024(plain).goldstein_mean, -4);
    assert.equal(y2024(all).goldstein_mean, -6.4);
  });

  it('lists every year from the first to the last with explicit zeros, and picks origins with --origin', async () => {
    const r = await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--json', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const all = JSON.parse(r.stdout);
    assert.deepEqual(all.series.map((p: { period: string }) => p.period), ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    assert.equal(all.series.find((p: { period: string }) => p.period === '2023').events, 3 + 4);
    const gdelt = JSON.parse((await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--origin', 'gdelt', '--json', '--db', db])).stdout);
    assert.deepEqual(gdelt.series.map((p: { period: string; events: number }) => [p.period, p.events]), [['2023', 4]]);
    assert.deepEqual(gdelt.evidence.origins, { gdelt: 4 });
    const curated = JSON.parse((await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--origin', 'curated', '--json', '--db', db])).stdout);
    assert.equal(curated.evidence.events, COUNTED.length);
    assert.deepEqual(curated.evidence.origins, { curated: COUNTED.length });
    assert.ok(curated.evidence.sources > 0);
    // A gap is a gap: years without events are present with 0 events and a null mean.
    const gappy = JSON.parse((await runMain(['dyad', 'ARM', 'IRN', '--by', 'year', '--from', '2022', '--to', '2024', '--region', 'world', '--json', '--db', db])).stdout);
    assert.deepEqual(gappy.series.map((p: { period: string; events: number; goldstein_mean: number | null }) => [p.period, p.events, p.goldstein_mean]), [['2022', 0, null], ['2023', 0, null], ['2024', 1, 1]]);
  });

  it('keeps the network, alerts and influence to the region by default; --region world takes everything', async () => {
    const regional = await signedNetwork(store, {});
    assert.ok(!regional.nodes.includes('KOR') && !regional.nodes.includes('PRK') && !regional.nodes.includes('IRN'), regional.nodes.join(' '));
    const world = await signedNetwork(store, { scope: { region: 'world' } });
    assert.ok(world.nodes.includes('KOR') && world.nodes.includes('IRN'));
    const list = await alerts(store, { window: '30d', asOf: '2023-06-30', minBaseline: 1, baseline: 2, threshold: 0.5, minCount: 1 });
    assert.ok(list.every((a) => a.a !== 'KOR' && a.b !== 'PRK'), JSON.stringify(list.map((a) => `${a.a}-${a.b}`)));
    const wide = await alerts(store, { scope: { region: 'world' }, window: '30d', asOf: '2023-06-30', minBaseline: 1, baseline: 2, threshold: 0.5, minCount: 1 });
    assert.ok(wide.some((a) => a.a === 'KOR' && a.b === 'PRK'));
    const inf = await influence(store, { actor: 'ARM' });
    assert.ok(!inf.partners.some((p) => p.partner === 'IRN'));
    const r = await runMain(['balance', '--json', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!(JSON.parse(r.stdout).nodes as string[]).includes('KOR'));
    const w = await runMain(['balance', '--json', '--region', 'world', '--db', db]);
    assert.ok((JSON.parse(w.stdout).nodes as string[]).includes('KOR'));
  });

  it('refuses an unknown region, naming the loaded ones', async () => {
    const r = await runMain(['dyad', 'ARM', 'AZE', '--region', 'nowhere', '--db', db]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown region "nowhere"; loaded: ev, or "world"/);
  });

  it('gives every measure, the theses, the brief and the API the same event set', async () => {
    const scope = { region: 'ev' };
    const expected = new Set(COUNTED.map((e) => e.id));
    const dyad = await dyadReport(store, { scope, a: 'ARM', b: 'AZE', by: 'year' });
    const dyadIds = new Set(dyad.evidence.ids.filter((id) => !id.startsWith('gdelt:')));
    assert.equal(dyad.evidence.origins.gdelt, 4);
    const net = await signedNetwork(store, { scope });
    const edge = net.edges.find((e) => e.a === 'ARM' && e.b === 'AZE')!;
    const med = await mediation(store, { scope, a: 'ARM', b: 'AZE' });
    const inf = await influence(store, { scope, actor: 'ARM' });
    const windows = await alertWindows(store, { scope, window: '3650d', asOf: '2024-12-31' });
    const armAze = windows.get('ARM\u0000AZE')!;
    const alertIds = new Set([...armAze.byWindow.values()].flatMap((w) => w.ids));
    assert.equal([...armAze.byWindow.values()].reduce((k, w) => k + w.n, 0), COUNTED.length + 4);
    const theses = await evaluateTheses(store, { scope, maxEvents: 1000 });
    const thesisIds = new Set(theses.theses[0].indicators[0].evidence.events.filter((id) => !id.startsWith('gdelt:')));
    for (const [name, ids] of [['dyad', dyadIds], ['network', new Set(edge.eventIds)], ['mediation', new Set(med.eventIds)], ['influence', new Set(inf.eventIds.filter((id) => !COUNTED.every((e) => e.id !== id)))], ['alerts', alertIds], ['theses', thesisIds]] as const) {
      assert.deepEqual(ids, expected, name);
    }
    assert.equal(edge.origins.gdelt, 4);
    assert.equal(med.datasetEvents, 4);
    assert.equal(theses.theses[0].indicators[0].evidence.eventCount, COUNTED.length + 4);
    // The brief reports the ARM–AZE shift (30 events over ten years, falling) from exactly that evidence.
    const brief = await briefData(store, { scope, runs: 0 });
    const shift = brief.shifts.find((s) => [s.a, s.b].sort().join() === 'ARM,AZE')!;
    assert.ok(shift, brief.gaps.join(' '));
    assert.deepEqual(new Set(shift.evidence.ids.filter((id) => !id.startsWith('gdelt:'))), expected);
    assert.equal(brief.scope.region, 'ev');
    // The API answers from the same reads.
    const app = createApp({ store });
    const res = await app.request('/api/dyad?a=ARM&b=AZE&by=year');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { evidence: { ids: string[]; events: number } };
    assert.deepEqual(new Set(body.evidence.ids.filter((id) => !id.startsWith('gdelt:'))), expected);
    assert.equal(body.evidence.events, COUNTED.length + 4);
    const bad = await app.request('/api/dyad?a=ARM&b=AZE&origin=rumour');
    assert.equal(bad.status, 400);
  });

  it('never lets a dependency relation make two actors allies', async () => {
    const net = await signedNetwork(store, { scope: { region: 'ev', origins: ['curated'], from: '2025-01-01' } });
    // ARM–IGOCSTO (membership) and RUS–ARM (basing) are layers only; RUS–IGOCSTO (alliance) and ARM–FRA (defence cooperation) sign the network.
    assert.deepEqual(net.layers.map((l) => l.relation).sort(), ['arm-csto', 'rus-arm-base']);
    assert.ok(!net.edges.some((e) => (e.a === 'ARM' && e.b === 'IGOCSTO') || (e.a === 'ARM' && e.b === 'RUS')));
    const b = balance(net);
    const blocOf = (x: string) => b.blocs.findIndex((bl) => bl.includes(x));
    assert.notEqual(blocOf('ARM'), blocOf('RUS'));
    assert.notEqual(blocOf('ARM'), blocOf('IGOCSTO'));
    assert.equal(blocOf('RUS'), blocOf('IGOCSTO'));
    assert.equal(blocOf('ARM'), blocOf('FRA'));
  });
});
