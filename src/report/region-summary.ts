// The readable regional summary `npm start` prints: region, actors, latest events with citations, contested claims.
import type { Actor, Claim, Event, Region, Source } from '../model/index.js';
import type { Store } from '../store/store.js';
import { listActors, listClaims, listEvents, listRegions, listSources } from '../store/queries.js';

export interface SummaryOptions {
  /** How many of the latest events to show. */
  readonly latest?: number;
}

/** Reads a region from the store and formats its summary as plain text. */
export async function regionSummary(store: Store, regionId: string, options: SummaryOptions = {}): Promise<string> {
  const origin = `curated:${regionId}`;
  const [region] = (await listRegions(store, { origins: [origin] })) as Region[];
  if (!region) throw new Error(`report/summary: region ${regionId} is not loaded`);
  const actors = await listActors(store, { origins: [origin] });
  const events = await listEvents(store, { origins: [origin] });
  const claims = await listClaims(store, { origins: [origin] });
  const sources = await listSources(store);
  return formatSummary({ region, actors, events, claims, sources }, options);
}

/** Pure formatting of a summary from already-read records. */
export function formatSummary(
  data: { region: Region; actors: readonly Actor[]; events: readonly Event[]; claims: readonly Claim[]; sources: readonly Source[] },
  options: SummaryOptions = {},
): string {
  const latest = options.latest ?? 12;
  const names = new Map<string, string>(data.actors.map((a) => [a.id, a.name]));
  const name = (id: string) => names.get(id) ?? id;
  const sources = new Map<string, Source>(data.sources.map((s) => [s.id, s]));
  const cited: string[] = [];
  const cite = (ids: readonly string[]) =>
    ids
      .map((id) => {
        let n = cited.indexOf(id);
        if (n < 0) n = cited.push(id) - 1;
        return `[${n + 1}]`;
      })
      .join('');

  const out: string[] = [];
  out.push(`${data.region.name.toUpperCase()} — regional summary`, '', wrap(data.region.description, 96), '');
  out.push(`Actors (${data.actors.length})`);
  const byKind = new Map<string, string[]>();
  for (const a of data.actors) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a.name]);
  for (const [kind, list] of byKind) out.push(wrap(`  ${kind}: ${list.join(', ')}`, 96, '    '));
  out.push('');

  const dated = data.events.filter((e) => e.date).sort((a, b) => (a.date!.end < b.date!.end ? 1 : a.date!.end > b.date!.end ? -1 : 0));
  const undated = data.events.length - dated.length;
  // Undated events count in the total and are said to exist: `faultline events --include-undated` lists them under a date range.
  out.push(`Latest events (${Math.min(latest, dated.length)} of ${data.events.length}${undated ? `; ${undated} undated` : ''})`);
  for (const e of dated.slice(0, latest)) {
    const who = `${e.source.map(name).join(', ')}${e.target.length ? ` → ${e.target.map(name).join(', ')}` : ''}`;
    const when = e.date!.precision === 'day' ? e.date!.start : `${e.date!.start}…${e.date!.end}`;
    out.push(wrap(`  ${when}  ${who}: ${e.summary} (CAMEO ${e.cameo}, Goldstein ${e.goldstein}) ${cite(e.sources)}`, 96, '      '));
  }
  out.push('');

  const contested = data.claims.filter((c) => c.status === 'denied' || c.status === 'disputed');
  out.push(`Contested claims (${contested.length} of ${data.claims.length})`);
  for (const c of contested) {
    const denied = c.deniedBy.length ? `; denied by ${c.deniedBy.map(name).join(', ')}` : '';
    out.push(wrap(`  [${c.status}] ${c.claimant.map(name).join(', ')}: ${c.statement}${denied} ${cite(c.sources)}`, 96, '      '));
  }
  out.push('', 'Sources');
  cited.forEach((id, i) => {
    const s = sources.get(id);
    const text = s ? [s.outlet, s.title ? `“${s.title}”` : null, s.url, s.accessed ? `accessed ${s.accessed}` : null].filter(Boolean).join(', ') : id;
    out.push(wrap(`  [${i + 1}] ${text}`, 96, '      '));
  });
  return out.join('\n') + '\n';
}

function wrap(text: string, width: number, indent = ''): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lead = text.match(/^\s*/)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}
