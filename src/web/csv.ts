// CSV download of any table the dashboard shows: RFC 4180 quoting, a UTF-8 byte-order mark for spreadsheet programs.
import { h } from './dom.js';

type Cell = string | number | boolean | null | undefined;

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed so spreadsheets do not run it. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV text, header first, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Saves the rows as a CSV file through a temporary object URL. */
export function downloadCsv(filename: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  const blob = new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { attrs: { download: filename } });
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A "CSV" button that downloads whatever `rows()` returns at the time of the click. */
export function csvButton(filename: () => string, header: readonly string[], rows: () => readonly (readonly Cell[])[]): HTMLButtonElement {
  return h('button', { class: 'csv', attrs: { type: 'button', title: 'Download this table as CSV' }, on: { click: () => downloadCsv(filename(), header, rows()) } }, 'CSV');
}
