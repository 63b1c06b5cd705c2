// Coverage of the built-in South Caucasus record, 2020–2025: every country in every year, Georgia's turn from the EU, sourced sources.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRegionDir } from '../../src/ingest/curated/read-region.js';
import { dyadCountry, listEvents, loadKnowledgeBase, openStore } from '../../src/store/index.js';
import type { Actor, Event, KnowledgeBase } from '../../src/model/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const REGION = join(REPO_ROOT, 'data', 'regions', 'south-caucasus');
const COUNTRIES = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN'] as const;
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

/** The 27 member states of the European Union (ISO 3166-1 alpha-3), 2020–2025. */
const EU_MEMBERS = new Set([
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
]);
const EU_CODE = 'IGOEUREEC';

const overlapsYear = (e: Event, y: number) => !!e.date && e.date.start <= `${y}-12-31` && e.date.end >= `${y}-01-01`;

/**
 * The countries an event counts for, as the store derives them (`dyadCountry` of each source and target
 * actor; third parties do not count). Only reported events count: alleged and denied ones are left out
 * of measures by default, so they cannot fill a cell either.
 */
function eventCountries(e: Event, actors: Map<string, Actor>): Set<string> {
  const out = new Set<string>();
  for (const id of [...e.source, ...e.target]) {
    const c = dyadCountry(actors.get(id));
    if (c) out.add(c);
  }
  return out;
}

/** Every (country, year) cell with no reported event, as "ISO3 year". */
function emptyCells(kb: Pick<KnowledgeBase, 'actors' | 'events'>): string[] {
  const actors = new Map(kb.actors.map((a) => [a.id as string, a]));
  const missing: string[] = [];
  for (const c of COUNTRIES) {
    for (const y of YEARS) {
      const hit = kb.events.some((e) => e.status === 'reported' && overlapsYear(e, y) && eventCountries(e, actors).has(c));
      if (!hit) missing.push(`${c} ${y}`);
    }
  }
  return missing;
}

/**
 * The rule for an event that moves Georgia away from the EU: reported, dated within 2023–2025, coded
 * verbal or material conflict (quad class 3 or 4), with a Georgian actor (country GEO) on one side and
 * the EU or an EU member state on the other — a Georgian step against the EU or an EU measure against
 * Georgia. Cooperation (the December 2023 candidacy) and third-party measures (US sanctions) do not count.
 */
function georgiaAwayFromEu(kb: Pick<KnowledgeBase, 'actors' | 'events'>): { georgianSteps: Event[]; euMeasures: Event[] } {
  const actors = new Map(kb.actors.map((a) => [a.id as string, a]));
  const georgian = (id: string) => actors.get(id)?.country === 'GEO';
  const eu = (id: string) => {
    const a = actors.get(id);
    return !!a && (dyadCountry(a) === EU_CODE || (!!a.country && EU_MEMBERS.has(a.country)));
  };
  const inWindow = (e: Event) => !!e.date && e.date.start >= '2023-01-01' && e.date.start <= '2025-12-31';
  const conflict = (e: Event) => e.status === 'reported' && inWindow(e) && (e.quad === 3 || e.quad === 4);
  const evs = kb.events.filter(conflict);
  return {
    georgianSteps: evs.filter((e) => e.source.some(georgian) && e.target.some(eu)),
    euMeasures: evs.filter((e) => e.source.some(eu) && e.target.some(georgian)),
  };
}

describe('the South Caucasus record, 2020–2025', () => {
  let kb: KnowledgeBase;
  before(() => {
    const r = readRegionDir(REGION);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.message}`).join('\n'));
    kb = r.kb;
  });

  it('has reported events for each of Armenia, Azerbaijan, Georgia, Russia, Türkiye and Iran in each year 2020–2025', () => {
    assert.deepEqual(emptyCells(kb), []);
  });

  it('the coverage check reports a cell that has been emptied (so it can fail)', () => {
    const actors = new Map(kb.actors.map((a) => [a.id as string, a]));
    const without = kb.events.filter((e) => !(overlapsYear(e, 2022) && eventCountries(e, actors).has('TUR')));
    assert.deepEqual(emptyCells({ actors: kb.actors, events: without }), ['TUR 2022']);
    // An alleged event alone does not fill a cell.
    const alleged = without.concat(kb.events.filter((e) => overlapsYear(e, 2022) && eventCountries(e, actors).has('TUR')).slice(0, 1).map((e) => ({ ...e, status: 'alleged' as const })));
    assert.deepEqual(emptyCells({ actors: kb.actors, events: alleged }), ['TUR 2022']);
  });

  it('has at least 5 events in 2023–2025 that move Georgia away from the EU, both Georgian steps and EU measures', () => {
    const { georgianSteps, euMeasures } = georgiaAwayFromEu(kb);
    const all = [...georgianSteps, ...euMeasures];
    assert.ok(all.length >= 5, `only ${all.length}: ${all.map((e) => e.id).join(', ')}`);
    assert.ok(georgianSteps.length >= 1, 'no Georgian step against the EU');
    assert.ok(euMeasures.length >= 1, 'no EU or member-state measure against Georgia');
    // The November 2024 halt to accession talks is among them, coded as halting negotiations.
    const halt = georgianSteps.find((e) => e.id === 'kobakhidze-halts-eu-accession-bid-2024');
    assert.ok(halt, 'the 28 November 2024 halt is counted');
    assert.equal(halt.cameo, '164');
  });

  it('the Georgia rule ignores cooperation and non-EU measures', () => {
    const { georgianSteps, euMeasures } = georgiaAwayFromEu(kb);
    const ids = new Set([...georgianSteps, ...euMeasures].map((e) => e.id as string));
    assert.ok(!ids.has('eu-grants-georgia-candidate-status-2023'), 'candidate status is cooperation');
    assert.ok(!ids.has('us-sanctions-ivanishvili-2024'), 'the United States is not an EU member');
    assert.ok(kb.events.some((e) => e.id === 'eu-grants-georgia-candidate-status-2023' && e.quad <= 2));
  });

  it('every source has a URL or a note saying why not', () => {
    const bad = kb.sources.filter((s) => !s.url && !s.note?.trim()).map((s) => s.id);
    assert.deepEqual(bad, []);
  });

  it('loaded into a store, every one of the six countries has 2025 events found by country', async () => {
    const store = await openStore(':memory:');
    try {
      await loadKnowledgeBase(store, kb, 'coverage-test');
      for (const c of COUNTRIES) {
        const found = await listEvents(store, { actor: c, from: '2025-01-01', to: '2025-12-31' });
        assert.ok(found.length > 0, `${c} has events in 2025 in the store`);
      }
      const geo = await listEvents(store, { actor: 'GEO', from: '2023-01-01', to: '2025-12-31' });
      assert.ok(geo.some((e) => e.id === 'eu-suspends-visa-free-for-georgian-officials-2025'));
    } finally {
      store.close();
    }
  });
});
