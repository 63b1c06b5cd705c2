// Regenerates data/structural/*.csv from the full files in ../shared/data with Faultline's own importers: `tsx scripts/build-structural-tables.ts [SHARED_DATA_DIR]`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { hashFile } from '../src/ingest/file-hash.js';
import { BUILTIN_TABLES, STRUCTURAL_DIR, importStructuralFile, SIPRI_ARMS, SIPRI_MILEX, UCDP_ACD, UNGA_IDEALPOINTS, UNGA_ROLL_CALLS, UNGA_ROLL_CALL_ISSUES, UNGA_VOTES, type FileFormat } from '../src/ingest/structural/index.js';
import { builtinRegionDir } from '../src/ingest/curated/builtin.js';
import { openStore } from '../src/store/duckdb-store.js';
import { exportStructuralRows, readAgreement } from '../src/store/structural-reads.js';

const SHARED = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data'));
const ACCESSED = '2026-12-01';

const FILES: readonly (readonly [FileFormat, string])[] = [
  [UNGA_IDEALPOINTS, 'unga/idealpoints-july2025.csv'],
  [UNGA_ROLL_CALLS, 'unga/un_roll_calls.csv.gz'],
  [UNGA_ROLL_CALL_ISSUES, 'unga/un_roll_call_issues.csv'],
  [UNGA_VOTES, 'unga/un_votes.csv.gz'],
  [SIPRI_ARMS, 'sipri/arms-trade-register-2025-03-13.csv'],
  [SIPRI_MILEX, 'sipri/milex-share-of-gdp-owid.csv'],
  [UCDP_ACD, 'ucdp/UcdpPrioConflict_v25_1.csv'],
];

/** The region's states and the states its groups name (IGO codes such as IGOEUREEC are not states and are left out). */
function regionStates(): { states: string[]; powers: string[] } {
  const region = parse(readFileSync(join(builtinRegionDir(), 'region.yaml'), 'utf8')) as { countries: string[]; groups: Record<string, string[]> };
  const iso = (c: string) => /^[A-Z]{3}$/.test(c);
  const states = region.countries.filter(iso);
  const powers = [...new Set(Object.values(region.groups).flat())].filter((c) => iso(c) && !states.includes(c));
  return { states, powers };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return cell(v.join('; '));
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeTable(file: string, header: readonly string[], comments: readonly string[], rows: readonly Record<string, unknown>[]): void {
  // DuckDB's `skip` follows quotes across lines, so the comment lines must hold none.
  const lines = [...comments.map((c) => `# ${c.replaceAll('"', "'")}`), header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))];
  writeFileSync(join(STRUCTURAL_DIR, file), lines.join('\n') + '\n');
  console.log(`${file}: ${rows.length} rows`);
}

const columnsOf = (file: string) => BUILTIN_TABLES.find((t) => t.file === file)!.format.header;

async function main(): Promise<void> {
  if (!existsSync(SHARED)) throw new Error(`no shared data at ${SHARED}`);
  const store = await openStore(':memory:');
  const digests: Record<string, string> = {};
  for (const [format, rel] of FILES) {
    const path = join(SHARED, rel);
    const r = await importStructuralFile(store, format, path);
    digests[rel] = await hashFile(path);
    console.log(`${rel}: ${r.imported} imported, ${r.malformed} malformed, ${r.joined} joined, ${r.unaccounted} unaccounted`);
  }
  const { states, powers } = regionStates();
  const all = [...states, ...powers];
  const made = (rel: string) => `Made by scripts/build-structural-tables.ts with Faultline's importer from ${rel} (sha256 ${digests[rel]}); figures as in the source.`;
  const scope = `Rows for the region's states (${states.join(', ')}) and the states its groups name (${powers.join(', ')}).`;

  writeTable('unga-idealpoints.csv', columnsOf('unga-idealpoints.csv'), [
    'UN General Assembly ideal points: Bailey, Michael A., Anton Strezhnev & Erik Voeten (2017), "Estimating Dynamic State Preferences',
    'from United Nations Voting Data", Journal of Conflict Resolution 61(2): 430-456, https://doi.org/10.1177/0022002715595700;',
    `data from Voeten's United Nations General Assembly Voting Data, https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379 (accessed ${ACCESSED}), CC0.`,
    'idealpointfp: estimate from full-period votes (filled to 2024); idealpointall: from all votes (to 2023); nvotes*: votes behind them.',
    'iso3: the file\'s iso3c; where it is NA, from the country name (data/codebook/countries.tsv) or the state\'s other rows.',
    scope,
    made('unga/idealpoints-july2025.csv'),
  ], await exportStructuralRows(store, 'unga_idealpoints', all));

  const agreement: Record<string, unknown>[] = [];
  for (const a of states) {
    const others = all.filter((b) => b !== a && !(states.includes(b) && states.indexOf(b) < states.indexOf(a)));
    agreement.push(...(await readAgreement(store, a, others)).map(({ source: _s, ...r }) => r));
  }
  writeTable('unga-agreement.csv', columnsOf('unga-agreement.csv'), [
    "UN General Assembly vote agreement, counted from Voeten's individual votes as packaged by the R package unvotes",
    `(https://github.com/dgrtwo/unvotes; Voeten, United Nations General Assembly Voting Data, https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379, accessed ${ACCESSED}), CC0.`,
    'Per pair of states (a, b), calendar year of the vote and issue (all, or the roll-call tags me, nu, di, hr, co, ec): votes = roll calls both voted on',
    '(yes, no or abstain; absence is not a vote), same = identical votes, half = one abstained and the other voted yes or no, opposite = yes against no.',
    `Pairs: each of ${states.join(', ')} with the others of ${all.join(', ')}. The vote file ends in 2019.`,
    made('unga/un_votes.csv.gz') + ` Roll calls from unga/un_roll_calls.csv.gz (sha256 ${digests['unga/un_roll_calls.csv.gz']}), issues from unga/un_roll_call_issues.csv (sha256 ${digests['unga/un_roll_call_issues.csv']}).`,
  ], agreement);

  // SIPRI's comments are its own sentences, not facts to carry over: the column is left empty (row_key still finds the row).
  const arms = (await exportStructuralRows(store, 'sipri_arms', states)).map((r): Record<string, unknown> => ({ ...r, comments: null }));
  writeTable('sipri-arms.csv', columnsOf('sipri-arms.csv'), [
    `SIPRI Arms Transfers Database, trade register export of 13 March 2025, https://www.sipri.org/databases/armstransfers (accessed ${ACCESSED}). Source: SIPRI Arms Transfers Database.`,
    'TIV: SIPRI trend-indicator values, millions. One row per deal with one of the region\'s states as recipient or supplier; recipient_code and supplier_code are ISO3',
    '(empty for non-state actors, marked * by SIPRI, organisations, marked **, and unknown parties). *_uncertain: SIPRI\'s "?" mark. delivery_years: "; "-separated.',
    'row_key: md5 of the register row as read, and its rank among identical rows, so that importing the full register finds these rows again.',
    "comments: left empty; SIPRI's notes on each deal are its own wording (see the register itself).",
    made('sipri/arms-trade-register-2025-03-13.csv'),
  ], arms);
  const suppliers = [...new Set([...all, ...arms.map((r) => String(r.supplier_code ?? r.supplier))])].sort();
  writeTable('sipri-supplier-totals.csv', columnsOf('sipri-supplier-totals.csv'), [
    'SIPRI Arms Transfers Database (register export of 13 March 2025; https://www.sipri.org/databases/armstransfers). Source: SIPRI Arms Transfers Database.',
    "Each supplier's delivered TIV (millions) to all recipients per year, a deal's delivered TIV split evenly over its years of delivery; deals: deals delivering that year.",
    'Suppliers: the region\'s states, the states its groups name, and every supplier of the region. supplier: ISO3, or SIPRI\'s name for parties without one.',
    made('sipri/arms-trade-register-2025-03-13.csv'),
  ], await exportStructuralRows(store, 'sipri_supplier_totals', suppliers));

  writeTable('sipri-milex.csv', columnsOf('sipri-milex.csv'), [
    'Military expenditure as a share of GDP (%): SIPRI Military Expenditure Database, processed by Our World in Data,',
    `https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri (accessed ${ACCESSED}), CC BY 4.0. Data to 2024.`,
    scope,
    made('sipri/milex-share-of-gdp-owid.csv'),
  ], await exportStructuralRows(store, 'sipri_milex', all));

  writeTable('ucdp-acd.csv', columnsOf('ucdp-acd.csv'), [
    'UCDP/PRIO Armed Conflict Dataset v25.1 (Gleditsch et al. 2002, "Armed Conflict 1946-2001: A New Dataset", Journal of Peace Research 39(5);',
    `Davies et al. 2025), https://ucdp.uu.se/downloads/ (accessed ${ACCESSED}), CC BY 4.0. One row per conflict and year with at least 25 battle-related deaths.`,
    'intensity_level: 1 = 25-999 battle-related deaths in the year, 2 = 1,000 or more (war). type_of_conflict: 1 extrasystemic, 2 interstate, 3 intrastate,',
    '4 internationalized intrastate. side_*_2nd: states supporting a side with troops (secondary parties). gwno_*: Gleditsch-Ward codes, "; "-separated;',
    'iso3_*: the same through data/codebook/gleditsch-ward.tsv. Days as YYYY-MM-DD.',
    `Conflict-years in which one of ${all.join(', ')} is a party (primary or secondary) or a location.`,
    made('ucdp/UcdpPrioConflict_v25_1.csv'),
  ], await exportStructuralRows(store, 'ucdp_conflicts', all));
  store.close();
}

await main();
