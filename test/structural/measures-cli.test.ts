// faultline alignment | arms | capability | conflict on the built-in tables, against oracles computed straight from ../shared's files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, SKIP_NO_SHARED, tempDir } from '../helpers/paths.js';
import { FILES, csvRecords, idealPoints, rawAgreement, registerDeals, ucdpRows } from './raw.js';

const dir = tempDir('faultline-structural-cli-');
const db = join(dir, 'builtin.duckdb');
after(() => rmSync(dir, { recursive: true, force: true }));

async function json<T>(...args: string[]): Promise<T> {
  const r = await runMain([...args, '--json'], { db });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

before(async () => {
  // The built-in region, so that defaults (reference states, the capability system) come from it.
  const r = await runMain(['load', join(REPO_ROOT, 'data', 'regions', 'south-caucasus')], { db });
  assert.equal(r.code, 0, r.stderr);
});

interface AlignmentRow {
  year: number;
  a: string;
  b: string;
  distance: number | null;
  agreement: number | null;
  votes: number;
  same: number;
  half: number;
  moved: 'a' | 'b' | null;
  ideal_a: number | null;
  ideal_b: number | null;
}

describe('faultline alignment ARM --to RUS,USA --json', () => {
  let rows: AlignmentRow[];
  before(async () => {
    rows = await json<AlignmentRow[]>('alignment', 'ARM', '--to', 'RUS,USA');
  });

  it('gives one row per reference state and year 1992–2024', () => {
    for (const b of ['RUS', 'USA']) assert.deepEqual(rows.filter((r) => r.b === b).map((r) => r.year), Array.from({ length: 33 }, (_, i) => 1992 + i));
    assert.ok(rows.every((r) => r.a === 'ARM' && r.distance !== null));
  });

  it('has the distances of the ideal-point file, and names the side that moved more', { skip: SKIP_NO_SHARED }, () => {
    const ip = idealPoints();
    for (const r of rows) {
      assert.equal(r.distance, Math.abs(ip.get(`ARM:${r.year}`)! - ip.get(`${r.b}:${r.year}`)!), `${r.b} ${r.year}`);
      const da = Math.abs(ip.get(`ARM:${r.year}`)! - (ip.get(`ARM:${r.year - 1}`) ?? NaN));
      const db_ = Math.abs(ip.get(`${r.b}:${r.year}`)! - (ip.get(`${r.b}:${r.year - 1}`) ?? NaN));
      assert.equal(r.moved, Number.isNaN(da) || Number.isNaN(db_) ? null : da > db_ ? 'a' : 'b', `${r.b} ${r.year}`);
    }
    // The widening Armenia–Russia gap of 2022 is Russia's move, not Armenia's.
    assert.equal(rows.find((r) => r.b === 'RUS' && r.year === 2022)!.moved, 'b');
  });

  it('has the vote agreement of a direct count over the raw votes (abstention as half), none after the vote file ends', { skip: SKIP_NO_SHARED }, () => {
    for (const [b, iso2, year] of [['RUS', 'RU', 2019], ['USA', 'US', 2012]] as const) {
      const r = rows.find((x) => x.b === b && x.year === year)!;
      const d = rawAgreement('AM', iso2, year);
      assert.equal(r.votes, d.votes);
      assert.equal(r.agreement, (d.same + d.half / 2) / d.votes);
    }
    assert.ok(rows.filter((r) => r.year >= 2021).every((r) => r.agreement === null && r.votes === 0));
  });

  it('refuses a code that is not ISO3, with the field', async () => {
    const r = await runMain(['alignment', 'Armenia'], { db });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"Armenia" is not an ISO3 country code such as ARM/);
  });
});

interface Share {
  recipient: string;
  period: string;
  supplier: string;
  tiv: number;
  share: number;
}

describe('faultline arms ARM --json', () => {
  for (const by of ['year', '5y'] as const) {
    it(`gives supplier shares per ${by === 'year' ? 'year' : 'five-year period'} that sum to 1, with Russia's share in every period`, async () => {
      const shares = await json<Share[]>('arms', 'ARM', '--by', by);
      const periods = [...new Set(shares.map((s) => s.period))];
      assert.ok(periods.length >= (by === 'year' ? 15 : 7));
      for (const p of periods) {
        const rows = shares.filter((s) => s.period === p);
        assert.ok(Math.abs(rows.reduce((s, r) => s + r.share, 0) - 1) < 1e-9, p);
        assert.equal(rows.filter((r) => r.supplier === 'RUS').length, 1, `Russia in ${p}`);
      }
      const india = shares.filter((s) => s.supplier === 'IND' && s.tiv > 0).map((s) => s.period);
      assert.ok(india.length > 0 && india.every((p) => Number(p.slice(0, 4)) >= 2020), `India from 2020 on: ${india}`);
      if (by === '5y') assert.ok(shares.find((s) => s.period === '2020-2024' && s.supplier === 'IND')!.share > 0.5);
    });
  }

  it('matches a direct sum over the register rows (delivered TIV split evenly over the years of delivery)', { skip: SKIP_NO_SHARED }, async () => {
    const shares = await json<Share[]>('arms', 'ARM');
    const direct = new Map<string, number>();
    const totals = new Map<number, number>();
    const code: Record<string, string> = { Russia: 'RUS', India: 'IND', France: 'FRA', China: 'CHN', Jordan: 'JOR', Slovakia: 'SVK', Ukraine: 'UKR', Belarus: 'BLR', Montenegro: 'MNE', Greece: 'GRC', Germany: 'DEU', 'United States': 'USA', Bulgaria: 'BGR' };
    for (const d of registerDeals('Armenia')) {
      for (const y of d.years) {
        const k = `${y}\t${code[d.supplier] ?? d.supplier}`;
        direct.set(k, (direct.get(k) ?? 0) + d.tiv / d.years.length);
        totals.set(y, (totals.get(y) ?? 0) + d.tiv / d.years.length);
      }
    }
    for (const [k, tiv] of direct) {
      if (tiv === 0) continue;
      const [year, supplier] = k.split('\t');
      const s = shares.find((x) => x.period === year && x.supplier === supplier);
      assert.ok(s, k);
      assert.ok(Math.abs(s.tiv - tiv) < 1e-9, k);
      assert.ok(Math.abs(s.share - tiv / totals.get(Number(year))!) < 1e-9, k);
    }
    assert.equal(shares.filter((s) => s.tiv > 0).length, [...direct.values()].filter((v) => v > 0).length);
  });

  it('shows the reverse view: whom Russia arms, each recipient\'s dependence equal to its own supplier share', async () => {
    const rec = await json<{ period: string; recipient: string; tiv: number; share_of_supplier: number | null; share_of_recipient: number | null }[]>('arms', '--supplier', 'RUS', '--by', '5y');
    const arm = await json<Share[]>('arms', 'ARM', '--by', '5y');
    for (const r of rec.filter((x) => x.recipient === 'ARM')) {
      assert.ok(Math.abs(r.share_of_recipient! - arm.find((s) => s.period === r.period && s.supplier === 'RUS')!.share) < 1e-12, r.period);
      assert.ok(r.share_of_supplier! > 0 && r.share_of_supplier! < 0.1, r.period);
    }
    assert.ok(rec.some((r) => r.recipient === 'AZE'));
  });

  it('counts orders in their year of order with --basis orders (India ordered from 2020)', async () => {
    const orders = await json<Share[]>('arms', 'ARM', '--basis', 'orders');
    const india = orders.filter((s) => s.supplier === 'IND' && s.tiv > 0).map((s) => Number(s.period));
    assert.equal(Math.min(...india), 2020);
  });
});

describe('faultline capability --year 2024 --json', () => {
  it("reports military burden for every regional state, with source and vintage, beside CINC's last year", async () => {
    const c = await json<{ year: number; states: { iso3: string; military_burden: number | null; cinc: number | null }[]; cinc: { year: number; covers_year: boolean; vintage: string }; burden: { vintage: string; missing: string[] } }>('capability', '--year', '2024');
    assert.equal(c.year, 2024);
    assert.deepEqual(c.states.map((s) => s.iso3).sort(), ['ARM', 'AZE', 'GEO', 'IRN', 'RUS', 'TUR']);
    assert.ok(c.states.every((s) => typeof s.military_burden === 'number' && s.cinc !== null));
    assert.deepEqual(c.burden.missing, []);
    assert.match(c.burden.vintage, /SIPRI.*data \d{4}–2024/);
    assert.deepEqual({ year: c.cinc.year, covers: c.cinc.covers_year }, { year: 2016, covers: false });
    assert.match(c.cinc.vintage, /v6\.0.*2016/);
  });

  it('has the figures of the OWID file', { skip: SKIP_NO_SHARED }, async () => {
    const c = await json<{ states: { iso3: string; military_burden: number }[] }>('capability', '--year', '2024');
    const direct = new Map(csvRecords(FILES.milex).filter((r) => r.Year === '2024').map((r) => [r.Code, Number(r['Military expenditure (% of GDP)'])]));
    for (const s of c.states) assert.equal(s.military_burden, direct.get(s.iso3), s.iso3);
  });

  it('refuses a year neither table covers', async () => {
    const r = await runMain(['capability', '--year', '2030'], { db });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no NMC data for 2030: the table covers 1991–2016; military burden covers \d{4}–2024/);
  });
});

interface ConflictYear {
  conflict_id: number;
  year: number;
  intensity: string;
  role: string;
  side: string | null;
  side_b: { primary: string; secondary_countries: string[] };
  b_role?: string;
  opposed?: boolean;
}

describe('faultline conflict AZE --json', () => {
  it('lists the Azerbaijan–Artsakh conflict with its 2020 war year and Armenia as secondary party', async () => {
    const years = await json<ConflictYear[]>('conflict', 'AZE');
    const y2020 = years.find((y) => y.conflict_id === 388 && y.year === 2020)!;
    assert.equal(y2020.intensity, 'war');
    assert.equal(y2020.role, 'primary');
    assert.equal(y2020.side, 'a');
    assert.equal(y2020.side_b.primary, 'Republic of Artsakh');
    assert.deepEqual(y2020.side_b.secondary_countries, ['ARM']);
    assert.deepEqual(years.filter((y) => y.conflict_id === 388 && y.intensity === 'war').map((y) => y.year), [1992, 1993, 1994, 2020]);
  });

  it('has every conflict-year of the UCDP file in which Azerbaijan (Gleditsch–Ward 373) appears', { skip: SKIP_NO_SHARED }, async () => {
    const years = await json<ConflictYear[]>('conflict', 'AZE');
    const direct = ucdpRows('373').map((r) => `${r.conflict_id}:${r.year}`).sort();
    assert.deepEqual(years.map((y) => `${y.conflict_id}:${y.year}`).sort(), direct);
  });

  it('with a second state, says whether the two fought on opposite sides (GEO RUS 2008)', async () => {
    const years = await json<ConflictYear[]>('conflict', 'GEO', 'RUS');
    const y = years.find((x) => x.conflict_id === 393 && x.year === 2008)!;
    assert.deepEqual({ role: y.role, b_role: y.b_role, opposed: y.opposed }, { role: 'primary', b_role: 'secondary', opposed: true });
  });
});
