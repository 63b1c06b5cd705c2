// Test-side writers of dataset files with hostile lines, and an independent count of their physical lines.
import { crc32, deflateRawSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GDELT_COLUMNS } from '../../src/ingest/gdelt/columns.js';

/** One valid GDELT 2.0 row (61 tab-separated cells) with event id 1000 + i, ARM → AZE; `set` replaces cells by column name. */
export function gdeltCells(i: number, set: Record<string, string> = {}): string[] {
  const geo = (name: string, cc: string) => ['4', name, cc, `${cc}01`, '', '41.7', '44.8', '-2330077'];
  const cells = [
    String(1000 + i), '20240105', '202401', '2024', '2024.0027', 'ARMGOV', 'ARMENIA', 'ARM', '', '', '', '', 'GOV', '', '',
    'AZEMIL', 'AZERBAIJAN', 'AZE', '', '', '', '', 'MIL', '', '', '1', '042', '042', '04', '1', '1.9', '6', '2', '6', '-1.2',
    ...geo('Tbilisi, Tbilisi, Georgia', 'GG'), ...geo('Yerevan, Yerevan, Armenia', 'AM'), ...geo('Baku, Baki, Azerbaijan', 'AJ'),
    '20240105120000', `https://news.example.org/${i}`,
  ];
  const names = GDELT_COLUMNS[61];
  for (const [k, v] of Object.entries(set)) {
    const at = names.indexOf(k as never);
    if (at < 0) throw new Error(`no GDELT column ${k}`);
    cells[at] = v;
  }
  return cells;
}

/** A native GDELT 2.0 line. */
export const gdeltLine = (i: number, set?: Record<string, string>) => gdeltCells(i, set).join('\t');

/** A GDELT CSV export line (BigQuery style: every cell double-quoted, comma-separated). */
export const gdeltCsvLine = (i: number, set?: Record<string, string>) => gdeltCells(i, set).map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** The header of a GDELT 2.0 CSV export. */
export const GDELT_CSV_HEADER = GDELT_COLUMNS[61].map((c) => `"${c}"`).join(',');

const ACLED_HEADER = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'location', 'notes', 'fatalities'];

/** An ACLED export (header plus `rows`), cells joined with `delim`. */
export function acledText(rows: readonly string[], delim = ','): string {
  return [ACLED_HEADER.join(delim), ...rows].join('\n') + '\n';
}

/** One valid ACLED row with id ARM<i>; `notes` is written as given (quote it yourself for commas or newlines). */
export function acledRow(i: number, o: { date?: string; notes?: string; delim?: string } = {}): string {
  const cells = [`ARM${i}`, o.date ?? '2022-09-13', '2022', '1', 'Battles', 'Armed clash', 'Military Forces of Azerbaijan (2003-)',
    'Military Forces of Armenia (2018-)', 'Armenia', 'Goris', o.notes ?? 'note', '2'];
  return cells.join(o.delim ?? ',');
}

const ICEWS_HEADER = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude'];

/** An ICEWS Dataverse file (header plus `rows`). */
export const icewsText = (rows: readonly string[]) => [ICEWS_HEADER.join('\t'), ...rows].join('\n') + '\n';

/** One valid ICEWS row with event id 5000 + i. */
export const icewsRow = (i: number, set: { date?: string; cameo?: string } = {}) =>
  [String(5000 + i), set.date ?? '2018-06-01', 'Government (Armenia)', 'Government', 'Armenia', 'Consult', set.cameo ?? '040', '1',
    'Government (Azerbaijan)', 'Government', 'Azerbaijan', '1', '1', 'Agency', 'Yerevan', 'NA', 'Yerevan', 'Armenia', '40.18', '44.51'].join('\t');

/** Physical lines of a file, counted independently of the importer: LF-terminated pieces, plus a last unterminated one. */
export function physicalLines(path: string): number {
  const b = readFileSync(path);
  let n = 0;
  for (const byte of b) if (byte === 10) n++;
  return b.length > 0 && b[b.length - 1] !== 10 ? n + 1 : n;
}

/** Writes a .zip holding one deflated member, by hand (local header, data, central directory). */
export function writeZip(path: string, member: string, data: Buffer): void {
  const name = Buffer.from(member);
  const packed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const dirOffset = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  writeFileSync(path, Buffer.concat([local, name, packed, central, name, end]));
}

/** Writes `text` (or bytes) to `dir/name` and returns the path. */
export function put(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
