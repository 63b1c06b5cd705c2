// One way to show an event anywhere in the dashboard (timeline, evidence, actor page): date, class, who, summary, origin and source links.
import type { EventRow } from './api.js';
import { QUADS, type DashboardContext } from './context.js';
import { externalLink, h } from './dom.js';

const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;

/** "Armenia → Azerbaijan": actor names, or the parties when a dataset row names no actor. */
export function who(ctx: DashboardContext, e: EventRow): string {
  const side = (actors: string[], parties: string[]) => (actors.length ? actors : parties).map(ctx.name).join(', ');
  const src = side(e.source, e.sourceParties);
  const tgt = side(e.target, e.targetParties);
  return tgt ? `${src} → ${tgt}` : src;
}

/** The links to an event's sources: curated and article sources by their records, a dataset row by the article it was coded from. */
export function sourceLinks(ctx: DashboardContext, e: EventRow): HTMLElement[] {
  const links = e.sources.map((id, i) => {
    const s = ctx.sources.get(id);
    return externalLink(s?.url, `[${i + 1}] ${s?.outlet ?? s?.title ?? id}`, s?.title ?? id);
  });
  if (e.url) links.push(externalLink(e.url, `${e.kind.toUpperCase()} source article`, e.url));
  if (!links.length) links.push(h('span', { class: 'nolink' }, `${e.kind.toUpperCase()} row ${e.id} (the dataset names no article)`));
  return links;
}

/** An event as a list item; `data-event` carries its id. */
export function eventItem(ctx: DashboardContext, e: EventRow): HTMLElement {
  const q = QUADS[e.quad - 1];
  const day = e.precision === 'day' || !e.end || e.end === e.day ? e.day : `${e.day} … ${e.end}`;
  return h(
    'li',
    { class: 'event', attrs: { 'data-event': e.id, 'data-origin': e.kind, 'data-origin-id': e.origin, 'data-cameo': e.cameo } },
    h(
      'div',
      { class: 'event-head' },
      h('time', null, day),
      h('span', { class: `quad q${e.quad}`, attrs: { title: q?.label ?? '' } }, q?.short ?? String(e.quad)),
      h('span', { class: `gold ${e.goldstein < 0 ? 'neg' : 'pos'}`, attrs: { title: 'Goldstein weight' } }, signed(e.goldstein)),
      h('span', { class: `origin o-${e.kind}`, attrs: { title: `origin: ${e.origin}` } }, e.kind),
      e.status !== 'reported' ? h('span', { class: 'status s-denied' }, e.status) : null,
      h('span', { class: 'who' }, who(ctx, e)),
    ),
    h('p', { class: 'summary' }, e.summary),
    h('div', { class: 'sources' }, ...sourceLinks(ctx, e), e.location ? h('span', { class: 'muted' }, `· ${e.location}`) : null),
  );
}

export const EVENT_CSV_HEADER = ['id', 'day', 'end', 'origin', 'cameo', 'quad', 'goldstein', 'source', 'target', 'summary', 'status', 'confidence', 'location', 'sources', 'source_urls'] as const;

/** An event as a CSV row matching EVENT_CSV_HEADER, with names and the URLs of its sources. */
export function eventCsvRow(ctx: DashboardContext, e: EventRow): (string | number)[] {
  const urls = e.sources.map((id) => ctx.sources.get(id)?.url ?? '').filter(Boolean);
  if (e.url) urls.push(e.url);
  return [
    e.id, e.day, e.end ?? '', e.origin, e.cameo, e.quad, e.goldstein,
    (e.source.length ? e.source : e.sourceParties).map(ctx.name).join('; '),
    (e.target.length ? e.target : e.targetParties).map(ctx.name).join('; '),
    e.summary, e.status, e.confidence, e.location ?? '', e.sources.join('; '), urls.join(' '),
  ];
}

/** Previous / next buttons and "51–100 of 239" for a list of `total` items shown `size` at a time from `offset`. */
export function pagerNodes(o: { offset: number; shown: number; total: number; size: number; go: (offset: number) => void; labels?: readonly [string, string] }): HTMLElement[] {
  const [prev, next] = o.labels ?? ['‹ newer', 'older ›'];
  const last = Math.min(o.total, o.offset + o.shown);
  return [
    h('button', { class: 'page-prev', attrs: { type: 'button', ...(o.offset === 0 ? { disabled: '' } : {}) }, on: { click: () => o.go(Math.max(0, o.offset - o.size)) } }, prev),
    h('span', { class: 'page-info' }, o.total ? `${o.offset + 1}–${last} of ${o.total}` : '0 of 0'),
    h('button', { class: 'page-next', attrs: { type: 'button', ...(last >= o.total ? { disabled: '' } : {}) }, on: { click: () => o.go(o.offset + o.size) } }, next),
  ];
}
