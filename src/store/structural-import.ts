// SQL of the structural importers: a file staged by DuckDB's read_csv, the reader's rejects, the mapping into the structural tables, and the import records.
import type { CsvSpec, FileKind, StructuralDataset } from '../ingest/structural/format.js';
import type { SqlValue, Store } from './store.js';

const STAGE = 'structural_stage';
const EXTRA = 'structural_extra';
const MAPPED = 'structural_mapped';
const SKIP = 'structural_skip';
const REJECT_ERRORS = 'structural_reject_errors';
const REJECT_SCANS = 'structural_reject_scans';

/** DuckDB's memory limit while importing, so that the 870,000 votes stage within a few hundred megabytes. */
export const STRUCTURAL_MEMORY_LIMIT = '512MB';

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const name = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** One error DuckDB's reader logged: the byte position of the line (1-based, in the decoded text), the line as read, and what was wrong. */
export interface ReaderError {
  readonly position: number;
  readonly csvLine: string;
  readonly type: string;
  readonly column: string | null;
  readonly message: string;
}

function readCsvSql(path: string, csv: CsvSpec, skip: number): string {
  const columns = `{${csv.columns.map(([n, t]) => `${q(n)}: ${q(t)}`).join(', ')}}`;
  const options = [
    `columns = ${columns}`,
    `delim = ${q(csv.delim)}`,
    `quote = ${q(csv.quote)}`,
    `escape = ${q(csv.quote)}`,
    `encoding = ${q(csv.encoding)}`,
    `header = false`,
    `skip = ${skip}`,
    `nullstr = [${csv.nullstr.map(q).join(', ')}]`,
    `allow_quoted_nulls = false`,
    ...(csv.dateformat ? [`dateformat = ${q(csv.dateformat)}`] : []),
    `auto_detect = false`,
    `strict_mode = ${csv.strict}`,
    `null_padding = false`,
    `store_rejects = true`,
    `rejects_table = ${q(REJECT_ERRORS)}`,
    `rejects_scan = ${q(REJECT_SCANS)}`,
  ];
  return `read_csv(${q(path)}, ${options.join(', ')})`;
}

async function readerErrors(tx: Store): Promise<ReaderError[]> {
  const rows = await tx.all<{ position: string; csv_line: string | null; type: string; column: string | null; message: string }>(
    `SELECT line_byte_position::VARCHAR AS position, csv_line, error_type AS type, column_name AS column, error_message AS message
     FROM ${REJECT_ERRORS} ORDER BY line_byte_position, column_idx`,
  );
  return rows.map((r) => ({ position: Number(r.position), csvLine: r.csv_line ?? '', type: r.type, column: r.column, message: r.message }));
}

/**
 * Reads `path` into the temporary stage with every column typed as `csv` says, after `skip` lines; returns the
 * number of rows accepted and the reader's errors. The stage keeps every column (DuckDB 1.5 fails on projected
 * scans that reject rows) plus `_line`, known only for rows added by `appendToStage`.
 */
export async function stageFile(tx: Store, path: string, csv: CsvSpec, skip: number): Promise<{ staged: number; errors: ReaderError[] }> {
  for (const t of [REJECT_ERRORS, REJECT_SCANS]) await tx.run(`DROP TABLE IF EXISTS ${t}`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM ${readCsvSql(path, csv, skip)}`);
  await tx.run(`ALTER TABLE ${STAGE} ADD COLUMN _line BIGINT`);
  const [{ n }] = await tx.all<{ n: string }>(`SELECT count(*)::VARCHAR AS n FROM ${STAGE}`);
  return { staged: Number(n), errors: await readerErrors(tx) };
}

/** Adds the records of `path` (no header) to the stage, the k-th on line `lines[k]`; returns the reader's errors on that file. */
export async function appendToStage(tx: Store, path: string, csv: CsvSpec, lines: readonly number[]): Promise<ReaderError[]> {
  for (const t of [REJECT_ERRORS, REJECT_SCANS]) await tx.run(`DROP TABLE IF EXISTS ${t}`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${EXTRA} AS SELECT * FROM ${readCsvSql(path, csv, 0)}`);
  const errors = await readerErrors(tx);
  await tx.run(
    `INSERT INTO ${STAGE} SELECT e.*, ([${lines.map(Number).join(', ')}]::BIGINT[])[(e.rowid - (SELECT min(rowid) FROM ${EXTRA}) + 1)::INTEGER] FROM ${EXTRA} e`,
  );
  await tx.run(`DROP TABLE IF EXISTS ${EXTRA}`);
  return errors;
}

/** Distinct staged values a file's mapping looks up in the codebook, with how many rows carry each. */
const DISTINCT: Partial<Record<FileKind, string>> = {
  'unga-idealpoints': `SELECT countryname AS v, NULL AS w, count(*) AS n FROM ${STAGE} WHERE nullif(iso3c, '') IS NULL AND nullif(countryname, '') IS NOT NULL GROUP BY 1`,
  'unga-votes': `SELECT country AS v, country_code AS w, count(*) AS n FROM ${STAGE} WHERE country IS NOT NULL GROUP BY 1, 2`,
  'sipri-arms': `SELECT v, NULL AS w, count(*) AS n FROM (SELECT recipient AS v FROM ${STAGE} UNION ALL SELECT supplier FROM ${STAGE}) WHERE v IS NOT NULL GROUP BY 1`,
  'ucdp-acd': `SELECT trim(x) AS v, NULL AS w, count(*) AS n FROM (
      SELECT unnest(string_split(concat_ws(',', gwno_a, gwno_a_2nd, gwno_b, gwno_b_2nd, gwno_loc), ',')) AS x FROM ${STAGE}
    ) WHERE trim(x) <> '' GROUP BY 1`,
};

/** The distinct values (and second key, e.g. a country's code beside its name) the mapping of `kind` needs looked up. */
export async function stagedValues(tx: Store, kind: FileKind): Promise<{ value: string; second: string | null; rows: number }[]> {
  const sql = DISTINCT[kind];
  if (!sql) return [];
  const rows = await tx.all<{ v: string; w: string | null; n: string }>(`SELECT v::VARCHAR AS v, w::VARCHAR AS w, n::VARCHAR AS n FROM (${sql}) ORDER BY n DESC, v`);
  return rows.map((r) => ({ value: r.v, second: r.w, rows: Number(r.n) }));
}

/** (Re)creates a temporary lookup table of VARCHAR or INTEGER columns from rows, in one statement. */
export async function createLookup(tx: Store, table: string, columns: Readonly<Record<string, 'VARCHAR' | 'INTEGER'>>, rows: ReadonlyArray<Readonly<Record<string, SqlValue>>>): Promise<void> {
  const names = Object.keys(columns);
  const struct = `{${names.map((c) => `"${c}": "${columns[c]}"`).join(', ')}}`;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((c) => [c, r[c] ?? null]))));
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${name(table)} AS SELECT ${names.map((c) => `e.${name(c)}`).join(', ')}
     FROM (SELECT unnest(from_json($1::JSON, '[${struct}]')) AS e)`,
    [json],
  );
}

/** A comma- or semicolon-separated cell as a list of integers (NULL items where a token is not one). */
const intList = (cell: string, sep: string) =>
  `list_transform(list_filter(string_split(coalesce(${cell}, ''), '${sep}'), x -> trim(x) <> ''), x -> TRY_CAST(trim(x) AS INTEGER))`;
const strList = (cell: string, sep: string) => `list_transform(list_filter(string_split(coalesce(${cell}, ''), '${sep}'), x -> trim(x) <> ''), x -> trim(x))`;
const badTokens = (cell: string, sep: string, pattern: string) =>
  `len(list_filter(string_split(coalesce(${cell}, ''), '${sep}'), x -> trim(x) <> '' AND NOT regexp_full_match(trim(x), '${pattern}'))) > 0`;
const gwIso = (list: string) => `list_filter(list_transform(${list}, x -> gw.m[x]), x -> x IS NOT NULL)`;
const mark = (col: string, label: string) => ({ when: `s.${col} IS NOT NULL AND s.${col} <> '?'`, reason: `'${label}: "' || s.${col} || '" is not ? or empty'` });
const empty = (col: string, label = col) => ({ when: `s.${name(col)} IS NULL`, reason: `'${label}: empty'` });

interface MapSpec {
  readonly table: string;
  readonly key: readonly string[];
  /** Target column → SQL over the stage row `s` and the joined lookups, in the table's column order (origin last, added here). */
  readonly columns: Readonly<Record<string, string>>;
  readonly joins?: string;
  readonly checks?: readonly { readonly when: string; readonly reason: string }[];
}

const direct = (cols: readonly string[]): Record<string, string> => Object.fromEntries(cols.map((c) => [c, `s.${name(c)}`]));

const SIPRI_RAW = [
  'recipient', 'supplier', 'order_year', 'order_year_mark', 'ordered', 'ordered_mark', 'designation', 'description', 'delivered',
  'delivered_mark', 'delivery_years', 'status', 'comments', 'tiv_unit', 'tiv_order', 'tiv_delivered',
];
const sipriDigest = `md5(concat_ws('|', ${SIPRI_RAW.map((c) => `coalesce(s.${c}::VARCHAR, '')`).join(', ')}))`;

const UCDP_SCALARS = [
  'conflict_id', 'year', 'location', 'side_a', 'side_a_id', 'side_a_2nd', 'side_b', 'side_b_id', 'side_b_2nd', 'incompatibility',
  'territory_name', 'intensity_level', 'cumulative_intensity', 'type_of_conflict', 'start_date', 'start_prec', 'start_date2',
  'start_prec2', 'ep_end', 'ep_end_date', 'ep_end_prec',
];
const GW_LISTS = ['gwno_a', 'gwno_a_2nd', 'gwno_b', 'gwno_b_2nd', 'gwno_loc'] as const;
const GW_JOIN = `CROSS JOIN (SELECT map(list(gwno), list(iso3)) AS m FROM lk_gw WHERE iso3 IS NOT NULL) gw`;

const MAPS: Record<FileKind, MapSpec> = {
  'unga-idealpoints': {
    table: 'unga_idealpoints',
    key: ['ccode', 'year'],
    joins: 'LEFT JOIN lk_names n ON n.name = s.countryname',
    // A few rows carry only the legacy estimate and no names (""): they take the codes of the state's other rows.
    columns: {
      ccode: 's.ccode',
      iso3: "coalesce(nullif(s.iso3c, ''), n.iso3, max(coalesce(nullif(s.iso3c, ''), n.iso3)) OVER (PARTITION BY s.ccode))",
      country: "coalesce(nullif(s.countryname, ''), max(nullif(s.countryname, '')) OVER (PARTITION BY s.ccode))",
      year: 's.year', idealpointfp: 's.idealpointfp',
      idealpointall: 's.idealpointall', idealpointlegacy: 's.idealpointlegacy', nvotesfp: 's.nvotesfp', nvotesall: 's.nvotesall',
    },
    checks: [empty('ccode'), empty('year')],
  },
  'builtin-unga-idealpoints': {
    table: 'unga_idealpoints',
    key: ['ccode', 'year'],
    columns: direct(['ccode', 'iso3', 'country', 'year', 'idealpointfp', 'idealpointall', 'idealpointlegacy', 'nvotesfp', 'nvotesall']),
    checks: [empty('ccode'), empty('year'), empty('country')],
  },
  'unga-votes': {
    table: 'unga_votes',
    key: ['rcid', 'country'],
    joins: 'LEFT JOIN lk_voters n ON n.country = s.country AND n.code IS NOT DISTINCT FROM s.country_code',
    columns: { rcid: 's.rcid', country: 's.country', country_code: 's.country_code', iso3: 'n.iso3', vote: 's.vote::VARCHAR' },
    checks: [empty('rcid'), empty('country'), empty('vote')],
  },
  'unga-roll-calls': {
    table: 'unga_roll_calls',
    key: ['rcid'],
    columns: { rcid: 's.rcid', session: 's.session', important: 's.importantvote = 1', date: 's.date', unres: 's.unres', short: 's.short', descr: 's.descr' },
    checks: [empty('rcid'), empty('date')],
  },
  'unga-roll-call-issues': {
    table: 'unga_roll_call_issues',
    key: ['rcid', 'issue'],
    columns: { rcid: 's.rcid', issue: 's.short_name', issue_name: 's.issue' },
    checks: [empty('rcid'), empty('short_name')],
  },
  'builtin-unga-agreement': {
    table: 'unga_agreement',
    key: ['a', 'b', 'year', 'issue'],
    columns: direct(['a', 'b', 'year', 'issue', 'votes', 'same', 'half', 'opposite']),
    checks: [empty('a'), empty('b'), empty('year'), empty('issue'), empty('votes'), empty('same'), empty('half'), empty('opposite')],
  },
  'sipri-arms': {
    table: 'sipri_arms',
    key: ['row_key'],
    joins: 'LEFT JOIN lk_parties r ON r.name = s.recipient LEFT JOIN lk_parties p ON p.name = s.supplier',
    columns: {
      row_key: `${sipriDigest} || '-' || row_number() OVER (PARTITION BY ${sipriDigest} ORDER BY coalesce(s._line, 0), s.rowid)`,
      recipient: 's.recipient', recipient_code: 'r.code', supplier: 's.supplier', supplier_code: 'p.code', order_year: 's.order_year',
      order_year_uncertain: "coalesce(s.order_year_mark = '?', false)", ordered: 's.ordered', ordered_uncertain: "coalesce(s.ordered_mark = '?', false)",
      designation: 's.designation', description: 's.description', delivered: 's.delivered', delivered_uncertain: "coalesce(s.delivered_mark = '?', false)",
      delivery_years: intList('s.delivery_years', ';'), status: 's.status', comments: 's.comments', tiv_unit: 's.tiv_unit',
      tiv_order: 's.tiv_order', tiv_delivered: 's.tiv_delivered',
    },
    checks: [
      empty('recipient', 'Recipient'),
      empty('supplier', 'Supplier'),
      mark('order_year_mark', 'mark after Year of order'),
      mark('ordered_mark', 'mark after Number ordered'),
      mark('delivered_mark', 'mark after Number delivered'),
      { when: badTokens('s.delivery_years', ';', '\\d{4}'), reason: `'Year(s) of delivery: "' || s.delivery_years || '" is not a list of years'` },
      { when: `coalesce(s.tiv_delivered, 0) > 0 AND len(${intList('s.delivery_years', ';')}) = 0`, reason: `'SIPRI TIV of delivered weapons: ' || s.tiv_delivered || ' delivered but no Year(s) of delivery'` },
    ],
  },
  'builtin-sipri-arms': {
    table: 'sipri_arms',
    key: ['row_key'],
    columns: {
      ...direct(['row_key', 'recipient', 'recipient_code', 'supplier', 'supplier_code', 'order_year', 'order_year_uncertain', 'ordered', 'ordered_uncertain', 'designation', 'description', 'delivered', 'delivered_uncertain']),
      delivery_years: intList('s.delivery_years', ';'),
      ...direct(['status', 'comments', 'tiv_unit', 'tiv_order', 'tiv_delivered']),
    },
    checks: [
      empty('row_key'), empty('recipient'), empty('supplier'), empty('order_year_uncertain'), empty('ordered_uncertain'), empty('delivered_uncertain'),
      { when: badTokens('s.delivery_years', ';', '\\d{4}'), reason: `'delivery_years: "' || s.delivery_years || '" is not a list of years'` },
    ],
  },
  'builtin-sipri-supplier-totals': {
    table: 'sipri_supplier_totals',
    key: ['supplier', 'year'],
    columns: direct(['supplier', 'year', 'tiv', 'deals']),
    checks: [empty('supplier'), empty('year'), empty('tiv'), empty('deals')],
  },
  'sipri-milex': {
    table: 'sipri_milex',
    key: ['entity', 'year'],
    columns: { entity: 's.entity', iso3: "CASE WHEN regexp_full_match(s.code, '[A-Z]{3}') THEN s.code END", year: 's.year', share_gdp: 's.share_gdp', owid_region: 's.owid_region' },
    checks: [empty('entity', 'Entity'), empty('year', 'Year'), empty('share_gdp', 'Military expenditure (% of GDP)')],
  },
  'builtin-sipri-milex': {
    table: 'sipri_milex',
    key: ['entity', 'year'],
    columns: direct(['entity', 'iso3', 'year', 'share_gdp', 'owid_region']),
    checks: [empty('entity'), empty('year'), empty('share_gdp')],
  },
  'ucdp-acd': {
    table: 'ucdp_conflicts',
    key: ['conflict_id', 'year'],
    joins: GW_JOIN,
    columns: {
      ...direct(UCDP_SCALARS),
      ...Object.fromEntries(GW_LISTS.map((c) => [c, intList(`s.${c}`, ',')])),
      ...Object.fromEntries(GW_LISTS.map((c) => [c.replace('gwno', 'iso3'), gwIso(intList(`s.${c}`, ','))])),
      region: 's.region',
      version: 's.version',
    },
    checks: [
      empty('conflict_id'), empty('year'), empty('location'), empty('side_a'), empty('side_b'), empty('intensity_level'), empty('type_of_conflict'),
      ...GW_LISTS.map((c) => ({ when: badTokens(`s.${c}`, ',', '\\d+'), reason: `'${c}: "' || s.${c} || '" is not a list of Gleditsch–Ward codes'` })),
    ],
  },
  'builtin-ucdp-acd': {
    table: 'ucdp_conflicts',
    key: ['conflict_id', 'year'],
    columns: {
      ...direct(UCDP_SCALARS),
      ...Object.fromEntries(GW_LISTS.map((c) => [c, intList(`s.${c}`, ';')])),
      ...Object.fromEntries(GW_LISTS.map((c) => [c.replace('gwno', 'iso3'), strList(`s.${c.replace('gwno', 'iso3')}`, ';')])),
      region: 's.region',
      version: 's.version',
    },
    checks: [
      empty('conflict_id'), empty('year'), empty('location'), empty('side_a'), empty('side_b'), empty('intensity_level'), empty('type_of_conflict'),
      ...GW_LISTS.map((c) => ({ when: badTokens(`s.${c}`, ';', '\\d+'), reason: `'${c}: "' || s.${c} || '" is not a list of Gleditsch–Ward codes'` })),
    ],
  },
};

/** Deletes the rows `origin` wrote into the table `kind` fills (a built-in table being replaced by its new release). */
export async function deleteOrigin(tx: Store, kind: FileKind, origin: string): Promise<void> {
  await tx.run(`DELETE FROM ${MAPS[kind].table} WHERE origin = $1`, [origin]);
}

/** A staged row the mapping refused: its ordinal among the reader's accepted rows, or its line when known. */
export interface RefusedRow {
  readonly ordinal: number | null;
  readonly line: number | null;
  readonly reason: string;
}

/**
 * Maps the staged rows of `kind` into their table: refused rows (failed checks) are returned, rows whose key
 * repeats within the file or is already stored are duplicates, the rest are inserted under `origin`.
 */
export async function mapStage(tx: Store, kind: FileKind, origin: string): Promise<{ imported: number; duplicates: number; refused: RefusedRow[] }> {
  const m = MAPS[kind];
  const reject = m.checks?.length ? `CASE ${m.checks.map((c) => `WHEN ${c.when} THEN ${c.reason}`).join(' ')} END` : 'NULL::VARCHAR';
  const cols = Object.keys(m.columns);
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${MAPPED} AS
     SELECT CASE WHEN s._line IS NULL THEN s.rowid - (SELECT min(rowid) FROM ${STAGE}) + 1 END AS _ord, s._line AS _line, s.rowid AS _rid,
       ${reject} AS _reject, ${cols.map((c) => `${m.columns[c]} AS ${name(c)}`).join(', ')}
     FROM ${STAGE} s ${m.joins ?? ''}`,
  );
  const refused = await tx.all<{ ord: string | null; line: string | null; reason: string }>(
    `SELECT _ord::VARCHAR AS ord, _line::VARCHAR AS line, _reject AS reason FROM ${MAPPED} WHERE _reject IS NOT NULL ORDER BY _rid`,
  );
  const key = m.key.map(name);
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${SKIP} AS
     SELECT _rid FROM (
       SELECT _rid, ${key.join(', ')}, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY _rid) AS k FROM ${MAPPED} WHERE _reject IS NULL
     ) x WHERE k > 1 OR EXISTS (SELECT 1 FROM ${m.table} t WHERE ${key.map((k) => `t.${k} = x.${k}`).join(' AND ')})`,
  );
  const [{ n: dup }] = await tx.all<{ n: string }>(`SELECT count(*)::VARCHAR AS n FROM ${SKIP}`);
  const [{ n: before }] = await tx.all<{ n: string }>(`SELECT count(*)::VARCHAR AS n FROM ${m.table}`);
  await tx.run(
    `INSERT INTO ${m.table} (${cols.map(name).join(', ')}, origin)
     SELECT ${cols.map(name).join(', ')}, ${q(origin)} FROM ${MAPPED}
     WHERE _reject IS NULL AND _rid NOT IN (SELECT _rid FROM ${SKIP})`,
  );
  const [{ n: after }] = await tx.all<{ n: string }>(`SELECT count(*)::VARCHAR AS n FROM ${m.table}`);
  return {
    imported: Number(after) - Number(before),
    duplicates: Number(dup),
    refused: refused.map((r) => ({ ordinal: r.ord === null ? null : Number(r.ord), line: r.line === null ? null : Number(r.line), reason: r.reason })),
  };
}

/**
 * Replaces the world delivery totals (summed compensated and rounded to 1e-9 million TIV, so that a parallel sum
 * gives the same figure on every run) of every supplier in the staged register (delivered TIV split evenly over
 * the years of delivery), from all its accepted rows. Only for a register that covers all suppliers and recipients.
 */
export async function writeSupplierTotals(tx: Store, origin: string): Promise<number> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE structural_totals AS
     SELECT coalesce(supplier_code, supplier) AS supplier, y AS year, round(fsum(tiv_delivered / len(delivery_years)), 9) AS tiv, count(*)::INTEGER AS deals
     FROM (SELECT supplier_code, supplier, tiv_delivered, delivery_years, unnest(delivery_years) AS y FROM ${MAPPED}
           WHERE _reject IS NULL AND coalesce(tiv_delivered, 0) > 0 AND len(delivery_years) > 0)
     GROUP BY 1, 2`,
  );
  await tx.run(`DELETE FROM sipri_supplier_totals WHERE (supplier, year) IN (SELECT (supplier, year) FROM structural_totals)`);
  await tx.run(`INSERT INTO sipri_supplier_totals SELECT supplier, year, tiv, deals, ${q(origin)} FROM structural_totals`);
  const [{ n }] = await tx.all<{ n: string }>(`SELECT count(*)::VARCHAR AS n FROM structural_totals`);
  await tx.run('DROP TABLE IF EXISTS structural_totals');
  return Number(n);
}

/** What one structural file became, as recorded. */
export interface StructuralImportRecord {
  readonly dataset: string;
  readonly file: string;
  readonly hash: string;
  readonly lines: number;
  readonly preamble: number;
  readonly blank: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly joined: number;
  readonly warnings: readonly string[];
}

/** The last import of the same content as `dataset` (any file name), with its rejects; null if there was none. */
export async function priorStructuralImport(store: Store, dataset: string, hash: string): Promise<(StructuralImportRecord & { rejects: { line: number | null; reason: string }[] }) | null> {
  const [r] = await store.all<Record<string, string>>(
    `SELECT dataset, file, hash, lines::VARCHAR AS lines, preamble::VARCHAR AS preamble, blank::VARCHAR AS blank, imported::VARCHAR AS imported,
       duplicates::VARCHAR AS duplicates, malformed::VARCHAR AS malformed, joined::VARCHAR AS joined, warnings::VARCHAR AS warnings
     FROM structural_imports WHERE dataset = $1 AND hash = $2 ORDER BY imported_at DESC LIMIT 1`,
    [dataset, hash],
  );
  if (!r) return null;
  const rejects = await store.all<{ line: string | null; reason: string }>(
    'SELECT DISTINCT line::VARCHAR AS line, reason FROM structural_rejects WHERE dataset = $1 AND hash = $2 ORDER BY line', [dataset, hash]);
  return {
    dataset: r.dataset, file: r.file, hash: r.hash, lines: Number(r.lines), preamble: Number(r.preamble), blank: Number(r.blank),
    imported: Number(r.imported), duplicates: Number(r.duplicates), malformed: Number(r.malformed), joined: Number(r.joined),
    warnings: JSON.parse(r.warnings) as string[],
    rejects: rejects.map((x) => ({ line: x.line === null ? null : Number(x.line), reason: x.reason })),
  };
}

/** Records an import and its rejected lines (replacing rejects recorded for the same content). */
export async function recordStructuralImport(tx: Store, r: StructuralImportRecord, rejects: readonly { line: number | null; reason: string }[]): Promise<void> {
  await tx.run('DELETE FROM structural_rejects WHERE dataset = $1 AND hash = $2', [r.dataset, r.hash]);
  if (rejects.length > 0) {
    await tx.run(
      `INSERT INTO structural_rejects SELECT $1, $2, $3, x.line, x.reason
       FROM (SELECT unnest(from_json($4::JSON, '[{"line": "BIGINT", "reason": "VARCHAR"}]')) AS x)`,
      [r.dataset, r.file, r.hash, JSON.stringify(rejects)],
    );
  }
  await tx.run('INSERT INTO structural_imports VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9, $10, $11)', [
    r.dataset, r.file, r.hash, r.lines, r.preamble, r.blank, r.imported, r.duplicates, r.malformed, r.joined, JSON.stringify(r.warnings),
  ]);
}

/** Runs `work` with DuckDB's memory limit lowered (restored after), and drops the temporary tables of an import. */
export async function withImportMemory<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const [{ limit }] = await store.all<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`);
  await store.run(`SET memory_limit = ${q(STRUCTURAL_MEMORY_LIMIT)}`);
  try {
    return await work();
  } finally {
    await store.run(`SET memory_limit = ${q(limit)}`).catch(() => undefined);
    for (const t of [STAGE, EXTRA, MAPPED, SKIP, 'lk_names', 'lk_voters', 'lk_parties', 'lk_gw']) await store.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}

/** The store tables a structural dataset fills. */
export const DATASET_TABLES: Readonly<Record<StructuralDataset, readonly string[]>> = {
  'unga-idealpoints': ['unga_idealpoints'],
  'unga-votes': ['unga_votes', 'unga_roll_calls', 'unga_roll_call_issues', 'unga_agreement'],
  'sipri-arms': ['sipri_arms', 'sipri_supplier_totals'],
  'sipri-milex': ['sipri_milex'],
  'ucdp-acd': ['ucdp_conflicts'],
};
