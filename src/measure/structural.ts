// The structural measures over the store, as the CLI and the API call them: reads from src/store/structural-reads.ts, then the pure measures, with the data's provenance.
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { capability, nmcTable } from './capability.js';
import { listRegions } from '../store/queries.js';
import {
  armsCoverage, readAgreement, readArmsFlows, readConflictYears, readIdealPoints, readMilex, readSupplierTotals, structuralProvenance,
  ucdpSpan, voteYears, type ProvenanceRow,
} from '../store/structural-reads.js';
import { alignment, type AlignmentRow } from './alignment.js';
import { armedConflict, type ConflictSummary, type ConflictYear } from './armed-conflict.js';
import { armsBySupplier, armsSupply, type ArmsPeriod, type ArmsPeriodUnit, type RecipientShare, type SupplierShare } from './arms-supply.js';
import { militaryBurden, type MilitaryBurden } from './military-burden.js';
import { evaluateStructuralIndicator, type StructuralData, type StructuralEvaluation } from './structural-indicators.js';
import type { StructuralIndicator } from '../model/structural-indicator.js';

/** Where the figures come from: the citation, and the files the store's rows were read from. */
export interface DataSource {
  readonly citation: string;
  /** Last year the data cover, as the source is released. */
  readonly coverage: string;
  readonly files: readonly { readonly file: string; readonly kind: string; readonly imported_at: string }[];
}

const CITATIONS = {
  idealpoints: 'Bailey, Strezhnev & Voeten (2017), UNGA ideal points (idealpointfp), Voeten, United Nations General Assembly Voting Data (Harvard Dataverse), July 2025 release',
  votes: "Voeten, United Nations General Assembly Voting Data, individual votes via the unvotes package; agreement = (same + ½·one abstention) / roll calls both voted on",
  arms: 'SIPRI Arms Transfers Database, trade register (export of 13 March 2025); TIV in millions, deliveries split evenly over their years',
  milex: 'SIPRI Military Expenditure Database, military expenditure as % of GDP, processed by Our World in Data',
  ucdp: 'UCDP/PRIO Armed Conflict Dataset v25.1 (Gleditsch et al. 2002; Davies et al. 2025)',
} as const;

async function source(store: Store, citation: string, coverage: string, kinds: readonly string[]): Promise<DataSource> {
  const rows: ProvenanceRow[] = await structuralProvenance(store, kinds);
  const seen = new Set<string>();
  const files = rows.filter((r) => (seen.has(r.file) ? false : (seen.add(r.file), true))).map((r) => ({ file: r.file, kind: r.kind, imported_at: r.imported_at }));
  return { citation, coverage, files };
}

export interface AlignmentQuery {
  readonly a: string;
  readonly to: readonly string[];
  readonly from?: number;
  readonly until?: number;
}

/** `alignment A --to B,C`: per reference state and year, ideal-point distance, vote agreement and who moved. */
export async function alignmentOf(store: Store, q: AlignmentQuery): Promise<{ rows: AlignmentRow[]; sources: DataSource[]; votesThrough: number | null }> {
  const ideal = await readIdealPoints(store, [q.a, ...q.to]);
  const agreement = await readAgreement(store, q.a, q.to, { from: q.from, to: q.until });
  const rows = alignment(ideal, agreement, { a: q.a, bs: q.to, from: q.from, to: q.until });
  const vy = await voteYears(store);
  const sources = [
    await source(store, CITATIONS.idealpoints, 'idealpointfp to 2024', ['unga-idealpoints', 'builtin-unga-idealpoints']),
    await source(store, CITATIONS.votes, 'individual votes 1946–2019', ['unga-votes', 'unga-roll-calls', 'unga-roll-call-issues', 'builtin-unga-agreement']),
  ];
  return { rows, sources, votesThrough: vy.last };
}

export interface ArmsQueryOptions {
  readonly recipient?: string;
  readonly supplier?: string;
  readonly by?: ArmsPeriodUnit;
  readonly basis?: 'deliveries' | 'orders';
  readonly from?: number;
  readonly until?: number;
  readonly topSystems?: number;
}

export type ArmsResult =
  | { readonly view: 'recipient'; readonly recipient: string; readonly by: ArmsPeriodUnit; readonly basis: string; readonly shares: SupplierShare[]; readonly periods: ArmsPeriod[]; readonly coverage: string; readonly sources: DataSource[] }
  | { readonly view: 'supplier'; readonly supplier: string; readonly by: ArmsPeriodUnit; readonly basis: string; readonly recipients: RecipientShare[]; readonly coverage: string; readonly sources: DataSource[] };

/** `arms A` (a recipient's suppliers) or `arms --supplier S` (a supplier's recipients). */
export async function armsOf(store: Store, q: ArmsQueryOptions): Promise<ArmsResult> {
  const by = q.by ?? 'year';
  const basis = q.basis ?? 'deliveries';
  const range = { from: q.from, to: q.until };
  const coverage = await armsCoverage(store);
  const sources = [await source(store, CITATIONS.arms, 'orders and deliveries to 2024', ['sipri-arms', 'builtin-sipri-arms', 'builtin-sipri-supplier-totals'])];
  const all = await readArmsFlows(store, { basis });
  const lastYear = Math.max(-Infinity, ...all.map((f) => f.year));
  if (q.supplier) {
    const flows = all.filter((f) => f.supplier === q.supplier && (range.from === undefined || f.year >= range.from) && (range.to === undefined || f.year <= range.to));
    const recipients = [...new Set(flows.map((f) => f.recipient))];
    const recipientFlows = all.filter((f) => recipients.includes(f.recipient));
    // Without the full register, only the region's imports are in the store whole (the built-in table holds every deal they received).
    const complete = coverage === 'world' ? ('all' as const) : new Set((await listRegions(store)).flatMap((r) => r.countries));
    const totals = basis === 'deliveries' ? await readSupplierTotals(store, [q.supplier], range) : [];
    return { view: 'supplier', supplier: q.supplier, by, basis, recipients: armsBySupplier(flows, totals, recipientFlows, { supplier: q.supplier, by, completeRecipients: complete }), coverage, sources };
  }
  const recipient = q.recipient!;
  const inRange = (f: { year: number }) => (range.from === undefined || f.year >= range.from) && (range.to === undefined || f.year <= range.to);
  const flows = all.filter((f) => f.recipient === recipient && inRange(f));
  const systems = (await readArmsFlows(store, { basis, recipients: [recipient], bySystem: true })).filter(inRange);
  const { shares, periods } = armsSupply(flows, systems, { recipient, by, topSystems: q.topSystems, lastYear: Number.isFinite(lastYear) ? lastYear : undefined });
  return { view: 'recipient', recipient, by, basis, shares, periods, coverage, sources };
}

/** Military burden of states in a year, with its source. */
export async function burdenOf(store: Store, q: { countries: readonly string[]; year?: number }): Promise<MilitaryBurden & { source: DataSource }> {
  const rows = await readMilex(store, q.countries);
  const b = militaryBurden(rows, { countries: q.countries, year: q.year });
  return { ...b, source: await source(store, CITATIONS.milex, `to ${b.span.last ?? '?'}`, ['sipri-milex', 'builtin-sipri-milex']) };
}

/** `conflict A [B]`: UCDP conflict-years involving A (and B). */
export async function conflictOf(store: Store, q: { a: string; b?: string; from?: number; until?: number }): Promise<{ years: ConflictYear[]; conflicts: ConflictSummary[]; sources: DataSource[] }> {
  const rows = await readConflictYears(store, [q.a]);
  const r = armedConflict(rows, { a: q.a, b: q.b, from: q.from, to: q.until });
  return { ...r, sources: [await source(store, CITATIONS.ucdp, 'conflict-years 1946–2024', ['ucdp-acd', 'builtin-ucdp-acd'])] };
}

/** States of the South Caucasus system when no region is loaded: the three states and the powers around them. */
const FALLBACK_SYSTEM = ['ARM', 'AZE', 'GEO', 'RUS', 'TUR', 'IRN'];

/** The vintage of the capability table. */
export const NMC_VINTAGE = 'COW National Material Capabilities v6.0, data 1816–2016 (this table 1991–2016)';

/**
 * `capability`: CINC shares (COW NMC v6.0) of the system's states beside their military burden. Years after the
 * NMC table take CINC from its last year, stated as such; a year neither table covers is refused.
 */
export async function capabilityReport(store: Store, q: { year?: number; countries?: readonly string[] }) {
  const asked = q.year;
  let countries = q.countries?.length ? [...q.countries] : undefined;
  if (!countries) {
    const regions = await listRegions(store);
    const iso = (c: string) => /^[A-Z]{3}$/.test(c);
    const fromRegions = regions.flatMap((r) => [...r.countries, ...(r.groups?.regional ?? []), ...(r.groups?.russia ?? [])]).filter(iso);
    countries = fromRegions.length ? [...new Set(fromRegions)] : FALLBACK_SYSTEM;
  }
  for (const c of countries) if (!/^[A-Z]{3}$/.test(c)) throw new UserError('measure/capability', `"${c}" is not an ISO3 country code such as ARM`, { field: 'countries' });
  const nmcYears = nmcTable().map((r) => r.year);
  const [first, last] = [Math.min(...nmcYears), Math.max(...nmcYears)];
  const probe = await burdenOf(store, { countries });
  const year = asked ?? probe.span.last ?? last;
  const burden = await burdenOf(store, { countries, year });
  const burdenCovers = burden.span.first !== null && year >= burden.span.first && year <= burden.span.last!;
  if ((year < first || year > last) && !burdenCovers) {
    throw new UserError('measure/capability', `no NMC data for ${year}: the table covers ${first}–${last}; military burden covers ${burden.span.first ?? '?'}–${burden.span.last ?? '?'}`, { field: 'year' });
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
  const cincLabel = cincYear === null ? 'no CINC (NMC starts 1991)' : cincYear === year ? `CINC ${cincYear}` : `CINC ${cincYear}, the last NMC year`;
  const hhiNote = c ? `, HHI ${c.hhi.toFixed(3)} (1/n = ${(1 / Math.max(1, c.states.length)).toFixed(3)})` : '';
  return { json, cincYear, cincLabel, hhiNote, burdenSource, c };
}

/** The ISO3 states of the loaded regions and the other states their partner groups name (default reference states). */
export async function regionPowers(store: Store): Promise<{ countries: string[]; powers: string[] }> {
  const regions = await listRegions(store);
  const iso = (c: string) => /^[A-Z]{3}$/.test(c);
  const countries = [...new Set(regions.flatMap((r) => r.countries))].filter(iso);
  const powers = [...new Set(regions.flatMap((r) => Object.values(r.groups ?? {}).flat()))].filter((c) => iso(c) && !countries.includes(c));
  return { countries, powers };
}

/** Reads what a structural indicator needs from the store and evaluates it (for the thesis evaluator). */
export async function structuralIndicatorOnStore(store: Store, ind: StructuralIndicator): Promise<StructuralEvaluation> {
  return evaluateStructuralIndicator(await structuralDataFor(store, ind), ind);
}

/** The rows a structural indicator reads, so that it can be evaluated again without some of them (thesis sensitivity). */
export async function structuralDataFor(store: Store, ind: StructuralIndicator): Promise<StructuralData> {
  switch (ind.kind) {
    case 'alignment-trend':
    case 'alignment-shift': {
      const ideal = await readIdealPoints(store, [ind.a, ind.b]);
      const agreement = await readAgreement(store, ind.a, [ind.b]);
      return { alignment: alignment(ideal, agreement, { a: ind.a, bs: [ind.b] }) };
    }
    case 'supplier-share':
      return { arms: await readArmsFlows(store, { recipients: [ind.recipient], basis: ind.basis }) };
    case 'military-burden':
      return { milex: await readMilex(store, [ind.country]) };
    case 'conflict-intensity':
      return { conflicts: await readConflictYears(store, [ind.a]), ucdpSpan: await ucdpSpan(store) };
  }
}

/** The data without the rows whose cited ids (as the evaluators cite them: unga:A-B:year, sipri:R<S:year, milex:X:year, ucdp:id:year) are excluded. */
export function withoutCited(data: StructuralData, exclude: ReadonlySet<string>): StructuralData {
  if (exclude.size === 0) return data;
  return {
    ...data,
    ...(data.alignment ? { alignment: data.alignment.filter((r) => !exclude.has(`unga:${r.a}-${r.b}:${r.year}`)) } : {}),
    ...(data.arms ? { arms: data.arms.filter((r) => !exclude.has(`sipri:${r.recipient}<${r.supplier}:${r.year}`)) } : {}),
    ...(data.milex ? { milex: data.milex.filter((r) => !exclude.has(`milex:${r.iso3}:${r.year}`)) } : {}),
    ...(data.conflicts ? { conflicts: data.conflicts.filter((r) => !exclude.has(`ucdp:${r.conflict_id}:${r.year}`)) } : {}),
  };
}
