// The built-in region's record of 2020–2025 (issue 11): each coding fix stays made, and the record holds the facts the theses need.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRegionDir } from '../../src/ingest/curated/index.js';
import { dyadCountry } from '../../src/store/load-knowledge-base.js';
import { openStore, loadKnowledgeBase } from '../../src/store/index.js';
import { dyadSeries } from '../../src/measure/dyad-series.js';
import type { Actor, Event, KnowledgeBase } from '../../src/model/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const REGION = join(REPO_ROOT, 'data', 'regions', 'south-caucasus');

let kb: KnowledgeBase;
let actors: Map<string, Actor>;

function event(id: string): Event {
  const e = kb.events.find((x) => x.id === id);
  assert.ok(e, `event ${id} exists`);
  return e;
}

/** The countries a side of an event stands for in dyads, derived exactly as the store derives them. */
function countries(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => dyadCountry(actors.get(id))).filter((c): c is string => !!c))];
}

/** Reported events (alleged and denied ones are left out of measures by default) of a year with `country` on either side. */
function eventsOf(country: string, year: number): Event[] {
  return kb.events.filter(
    (e) => e.status === 'reported' && e.date?.start.startsWith(String(year)) &&
      (countries(e.source).includes(country) || countries(e.target).includes(country)),
  );
}

/** Membership test for arrays of branded ids. */
const has = (xs: readonly string[] | undefined, x: string): boolean => !!xs && xs.includes(x);

const between = (e: Event, a: string, b: string) =>
  (countries(e.source).includes(a) && countries(e.target).includes(b)) || (countries(e.source).includes(b) && countries(e.target).includes(a));

before(() => {
  const r = readRegionDir(REGION);
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.message}`).join('\n'));
  kb = r.kb;
  actors = new Map(kb.actors.map((a) => [a.id, a]));
});

describe('coding fixes of issue 11', () => {
  it('osce-closes-minsk-process is coded as cooperation, not as a halt to mediation', () => {
    const e = event('osce-closes-minsk-process');
    assert.ok(e.quad === 1 || e.quad === 2, `quad ${e.quad}`);
    assert.notEqual(e.cameo, '165');
    assert.ok(e.goldstein > 0);
    assert.deepEqual(e.target, ['ARM', 'AZE']);
    // The request it grants is on record too.
    const appeal = event('joint-appeal-to-close-minsk-process-2025');
    assert.deepEqual(countries(appeal.source).sort(), ['ARM', 'AZE']);
    assert.equal(appeal.quad, 1);
  });

  it('russian-peacekeepers-withdraw-2024 is an agreed, cooperative drawdown towards Azerbaijan', () => {
    const e = event('russian-peacekeepers-withdraw-2024');
    assert.ok(e.quad === 1 || e.quad === 2, `quad ${e.quad}`);
    assert.notEqual(e.cameo, '166');
    assert.ok(countries(e.target).includes('AZE'));
    assert.ok(has(e.sources, 'bg-tass-peacekeepers-joint-decision'), 'cites the report of the joint decision');
  });

  it('russia-recognises-breakaway-regions-2008 is Russia–Abkhazia/South Ossetia cooperation, with a separate hostile act towards Georgia', () => {
    const e = event('russia-recognises-breakaway-regions-2008');
    assert.deepEqual(e.target, ['abkhazia-authorities', 'south-ossetia-authorities']);
    for (const id of e.target) {
      const a = actors.get(id);
      assert.ok(a && a.kind !== 'location', `${id} is an acting authority, not a place`);
      assert.equal(dyadCountry(a), null, `${id} must not count as Georgia`);
    }
    assert.ok(!has(e.third, 'GEO'));
    // No cooperative Russia → Georgia event on that day …
    const coopWithGeorgia = kb.events.filter((x) => x.date?.start === '2008-08-26' && x.quad <= 2 && between(x, 'RUS', 'GEO'));
    assert.deepEqual(coopWithGeorgia.map((x) => x.id), []);
    // … but a hostile one.
    const hostile = event('russia-recognition-defies-georgia-2008');
    assert.ok(hostile.quad >= 3);
    assert.deepEqual(countries(hostile.target), ['GEO']);
    assert.deepEqual(countries(hostile.source), ['RUS']);
  });

  it('russia-reinforces-gyumri-alleged is marked alleged and the allegation stays a denied claim', () => {
    assert.equal(event('russia-reinforces-gyumri-alleged').status, 'alleged');
    const claim = kb.claims.find((c) => c.id === 'gyumri-reinforcement-claim');
    assert.equal(claim?.status, 'denied');
    assert.ok(has(claim?.deniedBy, 'arm-mfa'));
  });

  it('georgia-skips-3plus3-* is at most one event towards the host of each meeting', () => {
    const hosts: Record<string, string> = {
      'georgia-skips-3plus3-2021': 'three-plus-three-moscow-2021',
      'georgia-skips-3plus3-2023': 'three-plus-three-tehran-2023',
      'georgia-skips-3plus3-2024': 'three-plus-three-istanbul-2024',
    };
    for (const [skip, meeting] of Object.entries(hosts)) {
      const e = event(skip);
      assert.deepEqual(e.target, event(meeting).source, `${skip} targets only the host of ${meeting}`);
      assert.equal(e.target.length, 1);
    }
  });

  it('rus-mediation-arm/-aze start with the Bishkek Protocol of 1994; usa-mediation-arm/-aze with the foreign-minister rounds of 2022', () => {
    for (const id of ['rus-mediation-arm', 'rus-mediation-aze']) {
      const r = kb.relations.find((x) => x.id === id);
      assert.equal(r?.interval.start, '1994-05-05', id);
      assert.ok(has(r?.sources, 'bg-pax-bishkek-1994'));
    }
    for (const id of ['usa-mediation-arm', 'usa-mediation-aze']) {
      const r = kb.relations.find((x) => x.id === id);
      assert.ok(r?.interval.start && r.interval.start >= '2022-01-01' && r.interval.start < '2023-01-01', `${id} starts ${r?.interval.start}`);
    }
    // The rounds that date the US role are events.
    for (const id of ['blinken-new-york-trilateral-2022', 'blair-house-talks-2022', 'arlington-talks-may-2023', 'arlington-talks-june-2023']) {
      assert.ok(countries(event(id).third).includes('USA'), `${id} has the US as broker`);
    }
  });

  it('azerbaijan-karabakh-offensive-2023 counts in the Armenia–Azerbaijan dyad', () => {
    const e = event('azerbaijan-karabakh-offensive-2023');
    assert.ok(countries(e.source).includes('AZE'));
    assert.ok(countries(e.target).includes('ARM'), `target countries ${countries(e.target)}`);
    assert.equal(e.quad, 4);
    assert.ok(!has(e.target, 'ARM'), 'Armenia itself was not attacked in September 2023');
  });
});

describe('doubtful codings reviewed (issue 11)', () => {
  it('the 2020 ceasefire is signed on 9 November and cites a source besides the oddly encoded official URL', () => {
    const e = event('karabakh-ceasefire-2020');
    assert.equal(e.date?.start, '2020-11-09');
    assert.equal(e.cameo, '057');
    const urls = e.sources.map((id) => kb.sources.find((s) => s.id === id)?.url).filter((u): u is string => !!u);
    assert.ok(urls.some((u) => !u.includes('%20')), 'at least one source URL without encoded spaces');
  });

  it("kremlin-seeks-clarification-csto-2024 is a request for an explanation, not a demand for material cooperation", () => {
    const e = event('kremlin-seeks-clarification-csto-2024');
    assert.equal(e.cameo, '020');
  });

  it('azal-flight-8243-downed is ground fire (190), not aerial weapons (195)', () => {
    const e = event('azal-flight-8243-downed');
    assert.equal(e.cameo, '190');
    assert.equal(e.quad, 4);
  });

  it('the Yekaterinburg raids target the people detained, not the Azerbaijani state', () => {
    for (const id of ['yekaterinburg-raids', 'yekaterinburg-deaths-in-custody']) {
      const e = event(id);
      assert.ok(!countries(e.target).includes('AZE'), `${id} targets ${e.target}`);
      assert.deepEqual(e.target, ['ethnic-azerbaijanis-yekaterinburg']);
    }
  });

  it('the AZAL bird-strike claim is denied by Aliyev and Baku, not by Putin', () => {
    const c = kb.claims.find((x) => x.id === 'azal-bird-strike-claim');
    assert.ok(c);
    assert.ok(has(c.deniedBy, 'ilham-aliyev'));
    assert.ok(!has(c.deniedBy, 'vladimir-putin'));
    assert.ok(has(c.sources, 'bg-jamnews-aliyev-bird-strike'));
  });

  it('aze-tur-alliance starts with the 2010 treaty and the Shusha Declaration deepens it in 2021', () => {
    const first = kb.relations.find((x) => x.id === 'aze-tur-alliance');
    const second = kb.relations.find((x) => x.id === 'aze-tur-alliance-shusha');
    assert.equal(first?.interval.start, '2010-08-16');
    assert.equal(first?.interval.end, '2021-06-14');
    assert.equal(second?.interval.start, '2021-06-15');
    assert.ok((second?.strength ?? 0) > (first?.strength ?? 1));
  });

  it("India's arms orders are dated as SIPRI dates them: the relation starts in 2020 and the Akash order is not called a 2022 one", () => {
    const r = kb.relations.find((x) => x.id === 'arm-ind-defense-cooperation');
    assert.equal(r?.interval.start, '2020-01-01');
    const akash = event('india-akash-delivery-2024');
    assert.doesNotMatch(akash.summary, /ordered in 2022/);
    assert.ok(has(akash.sources, 'bg-sipri-arms-register'));
    assert.equal(event('india-swathi-radar-order-2020').date?.start, '2020-01-01');
  });

  it('no source is a Wikipedia page, a Wikipedia mirror or a content-farm repost', () => {
    const weak = /wikipedia\.org|profilpelajar\.com|economylive\.org|wikimili\.com|encycloreader\.org/;
    const bad = kb.sources.filter((s) => s.url && weak.test(s.url)).map((s) => `${s.id} ${s.url}`);
    assert.deepEqual(bad, []);
    for (const id of ['russia-georgia-war-2008', 'georgia-cuts-ties-with-russia-2008', 'india-akash-delivery-2024']) {
      assert.ok(event(id).sources.every((s) => kb.sources.some((x) => x.id === s)), `${id} cites existing sources`);
    }
  });
});

describe('the record of 2020–2025 (kb-fix half of issue 11)', () => {
  it('the Armenia–Azerbaijan dyad has at least 15 reported material-conflict events in 2020–2023', () => {
    const q4 = kb.events.filter(
      (e) => e.status === 'reported' && e.quad === 4 && e.date && e.date.start >= '2020-01-01' && e.date.start <= '2023-12-31' && between(e, 'ARM', 'AZE'),
    );
    assert.ok(q4.length >= 15, `${q4.length} events: ${q4.map((e) => e.id).join(', ')}`);
    // Every year of the period has some: the count is not one war's burst.
    for (const year of [2020, 2021, 2022, 2023]) {
      assert.ok(q4.some((e) => e.date?.start.startsWith(String(year))), `material conflict in ${year}`);
    }
  });

  it('the store counts the same dyad the same way', async () => {
    const r = readRegionDir(REGION);
    assert.ok(r.ok);
    const store = await openStore(':memory:');
    try {
      await loadKnowledgeBase(store, r.kb, r.hash);
      const series = await dyadSeries(store, { a: 'ARM', b: 'AZE', by: 'year', from: '2020-01-01', to: '2023-12-31' });
      const q4 = series.reduce((n, p) => n + p.quad['4'], 0);
      assert.ok(q4 >= 15, `store: ${q4} material-conflict events`);
    } finally {
      store.close();
    }
  });

  it('Armenia, Azerbaijan and Russia have reported events in every year 2020–2025', () => {
    for (const country of ['ARM', 'AZE', 'RUS']) {
      for (let year = 2020; year <= 2025; year++) {
        assert.ok(eventsOf(country, year).length > 0, `${country} has no event in ${year}`);
      }
    }
  });

  it('the war of 2020 is recorded from its start to the handover of the districts', () => {
    const ids = ['azerbaijan-offensive-2020', 'moscow-humanitarian-truce-2020', 'paris-humanitarian-truce-2020', 'washington-humanitarian-truce-2020',
      'shusha-captured-2020', 'karabakh-ceasefire-2020', 'aghdam-handover-2020', 'kalbajar-handover-2020', 'lachin-district-handover-2020'];
    const days = ids.map((id) => event(id).date?.start ?? '');
    assert.deepEqual([...days].sort(), days, 'in date order');
    assert.ok(days[0] === '2020-09-27' && days.at(-1) === '2020-12-01');
  });

  it('the attack on Armenia proper in September 2022 and the CSTO’s refusal are recorded', () => {
    const attack = event('azerbaijan-attacks-armenia-2022');
    assert.ok(countries(attack.target).includes('ARM') && attack.quad === 4);
    const appeal = event('armenia-invokes-csto-2022');
    const refusal = event('csto-declines-military-help-2022');
    assert.deepEqual(appeal.target, ['csto']);
    assert.deepEqual(refusal.source, ['csto']);
    assert.ok(refusal.quad >= 3, 'the refusal is coded as conflictual');
    assert.equal(event('pashinyan-rejects-csto-declaration-2022').date?.start, '2022-11-23');
  });

  it('the blockade, the offensive, the exodus of more than 100,000 and the dissolution of the Karabakh authorities are recorded', () => {
    assert.equal(event('lachin-road-blockade-2022').cameo, '191');
    assert.match(event('armenia-takes-in-karabakh-refugees-2023').summary, /100,417/);
    const decree = event('karabakh-authorities-dissolution-decree-2023');
    assert.deepEqual(decree.source, ['samvel-shahramanyan']);
    assert.match(decree.summary, /1 January 2024/);
  });

  it('the EU track is recorded: Prague, EUMCAP, EUMA, the Brussels format, the Peace Facility and the accession law', () => {
    for (const id of ['prague-quadrilateral-statement-2022', 'eumcap-deployed-2022', 'eu-establishes-euma-2023', 'euma-launched-2023',
      'eu-peace-facility-armenia-2024', 'armenia-eu-accession-law-2025']) event(id);
    const brussels = kb.events.filter((e) => has(e.third, 'charles-michel') && e.location?.startsWith('Brussels'));
    assert.ok(brussels.length >= 5, `${brussels.length} Brussels-format meetings`);
    assert.ok(kb.relations.some((r) => r.id === 'eu-mediation-arm' && r.from === 'eu'));
  });

  it('the other brokers and formats are recorded: Washington rounds, Almaty, Berlin, Munich, the US charter and the Washington summit', () => {
    for (const id of ['almaty-foreign-ministers-talks-2024', 'berlin-foreign-ministers-talks-2024', 'munich-leaders-meeting-2024',
      'us-armenia-strategic-charter-2025', 'peace-treaty-initialled-2025', 'us-armenia-tripp-memorandum']) event(id);
    // Almaty was hosted, not mediated: no third party.
    assert.deepEqual(event('almaty-foreign-ministers-talks-2024').third, []);
  });

  it('every new record cites a source that has a URL or a footnote', () => {
    const byId = new Map(kb.sources.map((s) => [s.id, s]));
    for (const x of [...kb.events, ...kb.claims, ...kb.relations]) {
      assert.ok(x.sources.some((id) => byId.get(id)?.url || byId.get(id)?.citedIn), `${x.id} cites no source with a URL`);
    }
    for (const s of kb.sources) assert.ok(s.url || s.note, `${s.id} has neither URL nor note`);
  });
});
