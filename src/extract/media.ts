// News outlets (data/extract/media.tsv): the outlet of a note by web domain or name, and media actors of the body.
import { listCell, once, readDictionary } from './data-file.js';

export interface Outlet {
  readonly name: string;
  /** ISO3 of the country whose media it is; null for platforms (Telegram, X). */
  readonly iso3: string | null;
  readonly aliases: readonly string[];
  readonly domains: readonly string[];
}

/** Every outlet the extractor knows. */
export const outlets = once((): readonly Outlet[] =>
  readDictionary('media.tsv', ['name', 'iso3', 'aliases', 'domains']).map(({ cells }) => ({
    name: cells.name,
    iso3: cells.iso3 === '-' || cells.iso3 === '' ? null : cells.iso3,
    aliases: listCell(cells.aliases),
    domains: listCell(cells.domains),
  })),
);

/** The outlet a URL belongs to, by host (subdomains included). */
export function outletByUrl(url: string): Outlet | undefined {
  let host: string;
  try {
    host = new URL(url.startsWith('http') ? url : `https://${url}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
  return outlets().find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// One pattern per outlet name, compiled once.
const namePatterns = once(() => outlets().flatMap((o) => [o.name, ...o.aliases].filter((n) => n.length > 2)
  .map((n) => ({ outlet: o, re: new RegExp(`(^|[^\\p{L}])${escape(n)}($|[^\\p{L}])`, 'u') }))));

/** The outlet of a note: its URL's domain, else a known outlet named in it, else the short segment before the URL. */
export function outletOf(note: string, url: string | null, title: string | null): string | null {
  const byUrl = url ? outletByUrl(url) : undefined;
  if (byUrl) return byUrl.name;
  const rest = title ? note.replace(title, ' ') : note;
  for (const { outlet, re } of namePatterns()) if (re.test(rest)) return outlet.name;
  if (!url) return null;
  const before = note.slice(0, note.indexOf(url.slice(0, 20)));
  const segments = before.split(/[,;]/).map((s) => s.replace(/[“”"«»]/g, '').trim()).filter(Boolean);
  const last = segments[segments.length - 1];
  if (last && last !== title && /^\p{Lu}/u.test(last) && last.split(/\s+/).length <= 6 && !/\d{4}/.test(last)) return last;
  return null;
}
