// Tests of the country codebook: codes, lookups by name, demonym and capital, and the spellings in GDELT and ICEWS data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { countries, countryByCameo, countryByIso2, countryByIso3, findCountry, regionByCameo } from '../../src/codebook/index.js';
import { SHARED_DATA, skipWithoutShared } from './shared-data.js';

describe('countries()', () => {
  it('lists all 249 ISO 3166-1 entries plus Kosovo and historic states', () => {
    const current = countries().filter((c) => c.iso2 !== null && c.iso3 !== 'XKX');
    assert.equal(current.length, 249);
    assert.equal(countryByCameo('KSV')?.name, 'Kosovo');
    assert.equal(countryByCameo('SUN')?.historic, true);
    assert.equal(countryByIso3('GEO')?.historic, false);
  });

  it('looks up ISO and CAMEO codes case-insensitively, including older CAMEO forms', () => {
    assert.equal(countryByIso3('arm')?.name, 'Armenia');
    assert.equal(countryByIso2('AZ')?.iso3, 'AZE');
    assert.equal(countryByCameo('ROM')?.iso3, 'ROU');
    assert.equal(countryByCameo('TMP')?.iso3, 'TLS');
    assert.equal(countryByCameo('EUR'), undefined);
  });
});

describe('findCountry(nameOrDemonymOrCapital)', () => {
  const cases: Array<[string, string]> = [
    ['Azerbaijani', 'AZE'],
    ['Azeri', 'AZE'],
    ['Yerevan', 'ARM'],
    ['Tbilisi', 'GEO'],
    ['Tiflis', 'GEO'],
    ['Georgian', 'GEO'],
    ['the United States', 'USA'],
    ['  U.S. ', 'USA'],
    ['American', 'USA'],
    ['Türkiye', 'TUR'],
    ['Turkiye', 'TUR'],
    ['TURKEY', 'TUR'],
    ['Russian Federation', 'RUS'],
    ['Iranian', 'IRN'],
    ['Persian', 'IRN'],
    ['DPRK', 'PRK'],
    ["Democratic People's Republic of Korea", 'PRK'],
    ['State of Palestine', 'PSE'],
    ['Côte d’Ivoire', 'CIV'],
    ["N'Djamena", 'TCD'],
    ['Kyiv', 'UKR'],
    ['Kiev', 'UKR'],
    ['Soviet', 'SUN'],
  ];
  for (const [query, iso3] of cases) {
    it(`finds ${JSON.stringify(query)} → ${iso3}`, () => assert.equal(findCountry(query)?.iso3, iso3));
  }

  it('does not take places and institutions that are not countries for countries', () => {
    for (const q of ['Kremlin', 'Abkhazia', 'Caucasus', 'NATO', '', '   ']) assert.equal(findCountry(q), undefined, q);
  });

  it('prefers a country name over a capital of the same spelling', () => {
    assert.equal(findCountry('Djibouti')?.iso3, 'DJI');
    assert.equal(findCountry('Singapore')?.iso3, 'SGP');
  });
});

describe('country spellings in the reference data', { skip: skipWithoutShared }, () => {
  it('resolves every ICEWS "Source Country", "Target Country" and "Country" value', () => {
    const lines = readFileSync(path.join(SHARED_DATA, 'icews', 'events.2018.sample.tab'), 'utf8').split(/\r?\n/);
    const header = lines[0].split('\t');
    const columns = ['Source Country', 'Target Country', 'Country'].map((c) => header.indexOf(c));
    assert.ok(columns.every((k) => k >= 0));
    const spellings = new Set<string>();
    for (const line of lines.slice(1)) {
      if (line.trim() === '') continue;
      const cells = line.split('\t');
      for (const k of columns) if (cells[k] && cells[k] !== 'NA') spellings.add(cells[k]);
    }
    assert.ok(spellings.size > 100);
    const missing = [...spellings].filter((s) => !findCountry(s));
    assert.deepEqual(missing, []);
  });

  it('knows every 3-letter actor country code in the GDELT Georgia events as a country or a CAMEO region', () => {
    const dir = path.join(SHARED_DATA, 'gdelt', 'v1-georgia-2011-2013');
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
      const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
      const columns = ['Actor1CountryCode', 'Actor2CountryCode'].map((c) => header.indexOf(c));
      for (const line of lines.slice(1)) {
        // Country codes are quoted three-letter fields; any comma inside an earlier quoted name shifts the split,
        // so only cells that look like codes are taken.
        const cells = line.split(',');
        for (const k of columns) {
          const cell = (cells[k] ?? '').replace(/"/g, '');
          if (/^[A-Z]{3}$/.test(cell)) codes.add(cell);
        }
      }
    }
    assert.ok(codes.size > 100);
    const unknown = [...codes].filter((c) => !countryByCameo(c) && !regionByCameo(c));
    assert.deepEqual(unknown, []);
  });
});
