// `capability [--year YYYY]`: CINC and component shares of the region's states (COW NMC v6.0, to 2016) beside their military burden (SIPRI, % of GDP, to 2024), each with its vintage.
import type { Command } from 'commander';
import { withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { ensureStructural, yearArg } from '../structural-options.js';

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
    const { capabilityReport, NMC_VINTAGE } = await import('../../measure/structural.js');
    await withStore(cmd, async (store) => {
      await ensureStructural(store, cmd);
      const countries = o.countries?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
      const { json, cincYear, cincLabel, hhiNote, burdenSource, c } = await capabilityReport(store, { year: asked, countries });
      const { year, states, burden } = json;
      const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}`);
      const pp = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(2)}`);
      emit(cmd, format, {
        json,
        header: ['state', `burden % GDP ${year}`, `Δ since ${year - 5} (pp)`, `regional CINC % (${cincYear ?? '—'})`, 'world CINC', 'milex %', 'milper %', 'irst %', 'pec %', 'tpop %', 'upop %'],
        rows: states.map((s) => [
          s.iso3, s.military_burden === null ? '—' : s.military_burden.toFixed(2), pp(s.military_burden_change),
          pct(s.regionalCinc), s.cinc?.toFixed(5) ?? '—', pct(s.shares?.milex), pct(s.shares?.milper), pct(s.shares?.irst), pct(s.shares?.pec), pct(s.shares?.tpop), pct(s.shares?.upop),
        ]),
        text:
          `${year}: ${states.length} states; ${cincLabel}${hhiNote}` +
          `${c?.missing.length ? `; no NMC data for ${c.missing.join(', ')}` : ''}${burden.missing.length ? `; no burden figure for ${burden.missing.join(', ')} in ${year}` : ''}.\n` +
          `Military burden: ${burdenSource}.\nCINC: ${NMC_VINTAGE}; ${json.source}.\n`,
      });
    });
  });
}
