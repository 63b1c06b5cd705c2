// The one check every renderer (brief, dashboard) applies before turning a source URL into a link.

/** The URL if it is an absolute http(s) address, else null (so `javascript:` and relative URLs never become links). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
