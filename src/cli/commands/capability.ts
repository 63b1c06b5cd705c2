// `capability [--year YYYY]`: CINC and component shares of the region's states (COW NMC v6.0) and the concentration (HHI) of the system.
import type { Command } from 'commander';
import { UserError } from '../../model/index.js';
import { printJson, withStore } from '../context.js';
import { renderTable } from '../table.js';

/** States of the South Caucasus system when no region is loaded: the three states and the powers around them. */
const FALLBACK = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN'];

export function defineCapability(program: Command): void {
  program
    .command('capability')
    .description("CINC and component shares of the region's states (Correlates of War NMC v6.0) and the HHI concentration")
    .option('--year <yyyy>', 'year of the data (NMC v6.0 ends in 2016; default its last year)')
    .option('--countries <list>', 'comma-separated ISO3 codes (default: the loaded regions and their neighbours in the partner groups)')
    .option('--json', 'JSON for programs')
    .action(async (o: { year?: string; countries?: string; json?: boolean }, cmd: Command) => {
      const year = o.year === undefined ? undefined : Number(o.year);
      if (year !== undefined && !(Number.isInteger(year) && /^\d{4}$/.test(o.year!))) throw new UserError('cli/capability', `"${o.year}" is not a year YYYY`, { field: '--year' });
      const { capability } = await import('../../measure/capability.js');
      let countries = o.countries?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
      if (!countries) {
        const { listRegions } = await import('../../store/queries.js');
        const regions = await withStore(cmd, (store) => listRegions(store));
        const iso = (c: string) => /^[A-Z]{3}$/.test(c);
        const fromRegions = regions.flatMap((r) => [...r.countries, ...(r.groups?.regional ?? []), ...(r.groups?.russia ?? [])]).filter(iso);
        countries = fromRegions.length ? [...new Set(fromRegions)] : FALLBACK;
      }
      const c = capability({ year, countries });
      if (o.json) return printJson(c);
      const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}`);
      process.stdout.write(`${c.year}: ${c.states.length} states, HHI ${c.hhi.toFixed(3)} (1/n = ${(1 / Math.max(1, c.states.length)).toFixed(3)})${c.missing.length ? `; no data for ${c.missing.join(', ')}` : ''}\n`);
      process.stdout.write(
        renderTable(
          ['state', 'regional CINC %', 'world CINC', 'milex %', 'milper %', 'irst %', 'pec %', 'tpop %', 'upop %'],
          c.states.map((s) => [s.iso3, pct(s.regionalCinc), s.cinc?.toFixed(5) ?? '—', pct(s.shares.milex), pct(s.shares.milper), pct(s.shares.irst), pct(s.shares.pec), pct(s.shares.tpop), pct(s.shares.upop)]),
        ),
      );
      process.stdout.write(`Source: ${c.source}.\n`);
    });
}
