// Output of list and measure commands in the format asked for: an aligned table for people, JSON or CSV for programs.
import { Option, type Command } from 'commander';
import { UserError } from '../model/errors.js';
import { ioOf } from './context.js';
import { renderTable } from './table.js';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Adds `--format table|json|csv` and its shorthand `--json` to a command. */
export function withFormat(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS as unknown as string[]))
    .option('--json', 'JSON for programs (same as --format json)');
}

/** The format chosen by `--format` or `--json` (table when neither is given). */
export function formatOf(o: { format?: string; json?: boolean }): OutputFormat {
  if (o.format !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(o.format)) throw new UserError('cli', `"${o.format}" is not one of ${OUTPUT_FORMATS.join(', ')}`, { field: '--format' });
    return o.format as OutputFormat;
  }
  return o.json ? 'json' : 'table';
}

/** One CSV cell: quoted when it holds a comma, quote or line break; lists joined with "; ". */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text with a header line (RFC 4180 quoting). */
export function renderCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export interface Tabular {
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Writes a result in the chosen format: `json` prints `json` (the program-facing shape), `table` and `csv` the
 * tabular view. `lead` is printed before the table and `text` after it, for people only (a scope line, a trend).
 */
export function emit(
  cmd: Command,
  format: OutputFormat,
  view: Tabular & { readonly json: unknown; readonly lead?: string; readonly text?: string; readonly empty?: string },
): void {
  const out = ioOf(cmd).stdout;
  switch (format) {
    case 'json':
      out.write(`${JSON.stringify(view.json, null, 2)}\n`);
      return;
    case 'csv':
      out.write(renderCsv(view.header, view.rows));
      return;
    case 'table':
      if (view.lead) out.write(view.lead);
      // An empty result prints `empty` instead of a bare header ("" prints nothing).
      if (view.rows.length === 0 && view.empty !== undefined) out.write(view.empty ? `${view.empty}\n` : '');
      else out.write(renderTable(view.header, view.rows));
      if (view.text) out.write(view.text);
      return;
  }
}
