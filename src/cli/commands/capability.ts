// `capability [--year YYYY]`: CINC and component shares of the region's states (COW NMC v6.0, to 2016) beside their military burden (SIPRI, % of GDP, to 2024), each with its vintage.
import type { Command } from 'commander';
import { UserError } from '../../model/index.js';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { ensureStructural, yearArg } from '../structural-options.js';

/** States of the South Caucasus system when no region is loaded: the three states and the powers around them. */
const FALLBACK = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN'];

const NMC_VINTAGE = 'COW National Material Capabilities v6.0, data 1816–2016 (this table 1991–2016)';

export function defineCapability(program: Command): void {
  withFormat(
    program
      .command('capability')
      .description("CINC and component shares of the region's states (COW NMC v6.0, to 2016) with the HHI, beside military burden (SIPRI, % of GDP, to 2024)")
      .option('--year <yyyy>', 'year (default: the last year of the burden data; CINC is given for the last NMC year up to it)')
      .option('--countries <list>', 'comma-separated ISO3 codes (default: the loaded regions and their neighbours in the partner groups)'),
  ).action(async (o: { year?: string; countries?: string; format?: string; json?: boolean }, cmd: Command) => {
    const format = formatOf(o);
    const asked = yearArg(o.year, '--year');
    const { capability, nmcTable } = await import('../../measure/capability.js');
    const { burdenOf } = await import('../../measure/structural.js');
    await withStore(cmd, async (store) => {
      await ensureStructural(store, cmd);
      let countries = o.countries?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
      if (!countries) {
        const { listRegions } = await import('../../store/queries.js');
        const regions = await listRegions(store);
        const iso = (c: string) => /^[A-Z]{3}$/.test(c);
        const fromRegions = regions.flatMap((r) => [...r.countries, ...(r.groups?.regional ?? []), ...(r.groups?.russia ?? [])]).filter(iso);
        countries = fromRegions.length ? [...new Set(fromRegions)] : FALLBACK;
      }
      for (const c of countries) if (!/^[A-Z]{3}$/.test(c)) throw new UserError('cli/capability', `"${c}" is not an ISO3 country code such as ARM`, { field: '--countries' });

      const nmcYears = nmcTable().map((r) => r.year);
      const [first, last] = [Math.min(...nmcYears), Math.max(...nmcYears)];
      const probe = await burdenOf(store, { countries });
      const year = asked ?? probe.span.last ?? last;
      const burden = await burdenOf(store, { countries, year });
      const burdenCovers = burden.span.first !== null && year >= burden.span.first && year <= burden.span.last!;
      if ((year < first || year > last) && !burdenCovers) {
        throw new UserError('cli/capability', `no NMC data for ${year}: the table covers ${first}–${last}; military burden covers ${burden.span.first ?? '?'}–${burden.span.last ?? '?'}`, { field: '--year' });
      }
      const cincYear = year < first ? null : Math.min(year, last);
      const c = cincYear === null ? null : capability({ year: cincYear, countries });
      const byState = new Map(burden.states.map((s) => [s.iso3, s]));
      const order = c ? c.states.map((s) => s.iso3) : burden.states.map((s) => s.iso3);
      const states = [...order, ...countries.filter((x) => !order.includes(x))].map((iso3) => {
        const cs = c?.states.find((s) => s.iso3 === iso3);
        const b = byState.get(iso3);
        return {
          iso3,
          cinc: cs?.cinc ?? null,
          shares: cs?.shares ?? null,
          regionalCinc: cs?.regionalCinc ?? null,
          military_burden: b?.share_gdp ?? null,
          military_burden_change: b?.change ?? null,
        };
      });
      const burdenSource = `${burden.source.citation}; data ${burden.span.first ?? '?'}–${burden.span.last ?? '?'}`;
      const json = {
        year,
        states,
        hhi: c?.hhi ?? null,
        missing: c?.missing ?? countries,
        source: c?.source ?? 'Correlates of War, National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972; Greig & Enterline)',
        cinc: { year: cincYear, covers_year: cincYear === year, vintage: NMC_VINTAGE },
        burden: {
          year,
          unit: '% of GDP',
          vintage: burdenSource,
          files: burden.source.files.map((f) => f.file),
          missing: burden.missing,
          baseline_year: year - 5,
          states: burden.states,
        },
      };
      const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}`);
      const pp = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(2)}`);
      const cincLabel = cincYear === null ? 'no CINC (NMC starts 1991)' : cincYear === year ? `CINC ${cincYear}` : `CINC ${cincYear}, the last NMC year`;
      emit(cmd, format, {
        json,
        header: ['state', `burden % GDP ${year}`, `Δ since ${year - 5} (pp)`, `regional CINC % (${cincYear ?? '—'})`, 'world CINC', 'milex %', 'milper %', 'irst %', 'pec %', 'tpop %', 'upop %'],
        rows: states.map((s) => [
          s.iso3, s.military_burden === null ? '—' : s.military_burden.toFixed(2), pp(s.military_burden_change),
          pct(s.regionalCinc), s.cinc?.toFixed(5) ?? '—', pct(s.shares?.milex), pct(s.shares?.milper), pct(s.shares?.irst), pct(s.shares?.pec), pct(s.shares?.tpop), pct(s.shares?.upop),
        ]),
        text:
          `${year}: ${states.length} states; ${cincLabel}${c ? `, HHI ${c.hhi.toFixed(3)} (1/n = ${(1 / Math.max(1, c.states.length)).toFixed(3)})` : ''}` +
          `${c?.missing.length ? `; no NMC data for ${c.missing.join(', ')}` : ''}${burden.missing.length ? `; no burden figure for ${burden.missing.join(', ')} in ${year}` : ''}.\n` +
          `Military burden: ${burdenSource}.\nCINC: ${NMC_VINTAGE}; ${json.source}.\n`,
      });
    });
  });
}
