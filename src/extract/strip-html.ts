// Turns an HTML page into plain text: scripts, styles and comments dropped, blocks become lines, entities decoded.

/** Text of the page, its <title> and a declared publication date (meta article:published_time, <time datetime>). */
export interface StrippedPage {
  readonly text: string;
  readonly title: string | null;
  readonly published: string | null;
}

const DROP = /<(script|style|noscript|template|svg|iframe|object|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /^(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|dd|dt|dl|aside|nav|figure|figcaption|main)$/i;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', shy: '', copy: '©', eacute: 'é', uuml: 'ü', ouml: 'ö',
};

/** Decodes named and numeric character references; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Strips markup; footnote links in <sup> become bracketed markers ("[3]") so that notes stay linked to sentences. */
export function stripHtml(html: string): StrippedPage {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? decodeEntities(titleMatch[1].replace(/\s+/g, ' ').trim()) || null : null;
  const published = declaredDate(html);
  let s = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(DROP, ' ');
  // <sup><a href="#fn1">1</a></sup> → [1]
  s = s.replace(/<sup\b[^>]*>\s*(?:<a\b[^>]*>)?\s*\[?([0-9]{1,3}|[ivxlc]{1,6})\]?\s*(?:<\/a\s*>)?\s*<\/sup\s*>/gi, '[$1]');
  // ordered lists keep their numbers ("1. …"), so that a list of notes stays a numbered list
  s = s.replace(/<ol\b[^>]*>([\s\S]*?)<\/ol\s*>/gi, (_m, body: string) => {
    let n = 0;
    return body.replace(/<li\b[^>]*>/gi, () => `\n${++n}. `);
  });
  s = s.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_m, tag: string) => (BLOCK.test(tag) ? '\n' : ''));
  s = s.replace(/<[^>]*>/g, '');
  s = decodeEntities(s);
  const lines = s.split('\n').map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim());
  const text = lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== '')).join('\n').trim();
  return { text, title, published };
}

function declaredDate(html: string): string | null {
  const meta = /<meta\b[^>]*(?:property|name)=["'](?:article:published_time|date|dc\.date|pubdate)["'][^>]*content=["'](\d{4}-\d{2}-\d{2})/i.exec(html)
    ?? /<meta\b[^>]*content=["'](\d{4}-\d{2}-\d{2})[^"']*["'][^>]*(?:property|name)=["'](?:article:published_time|date)["']/i.exec(html)
    ?? /<time\b[^>]*datetime=["'](\d{4}-\d{2}-\d{2})/i.exec(html);
  return meta ? meta[1] : null;
}
