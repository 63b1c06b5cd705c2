// Actor page: who the actor is, its events in scope (paged), relations by layer, claims, formats and corridors, and (for states) UNGA alignment and arms suppliers.
import { api, failureText, isMissingEndpoint, type ActorPage, type EventPage } from '../api.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';
import { EVENT_CSV_HEADER, eventCsvRow, eventItem, pagerNodes } from '../event-list.js';
import { evidenceText, scopeText } from '../scope.js';

const PAGE = 20;

export function mountActor(ctx: DashboardContext): { open(id: string | null): Promise<void>; refresh(): Promise<void> } {
  const select = byId<HTMLSelectElement>('actor-select');
  const body = byId('actor-body');
  const panel = byId('p-actor');
  let current: string | null = null;
  let seq = 0;
  const kinds = ['state', 'igo', 'person', 'organization', 'party', 'military', 'media', 'location'];
  const sorted = [...ctx.actors].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.name.localeCompare(b.name));
  replace(select, h('option', { attrs: { value: '' } }, 'choose an actor…'), ...sorted.map((a) => h('option', { attrs: { value: a.id } }, `${a.name} (${a.kind})`)));
  select.addEventListener('change', () => void open(select.value || null, true));

  const cite = (ids: readonly string[]) => ids.map((id, i) => externalLink(ctx.sources.get(id)?.url, `[${i + 1}]`, ctx.sources.get(id)?.title ?? id));

  async function open(id: string | null, fromSelect = false): Promise<void> {
    current = id;
    if (!fromSelect && id) {
      const known = ctx.actors.find((a) => a.id === id) ?? ctx.actors.find((a) => a.kind === 'state' && a.country === id) ?? ctx.actors.find((a) => a.kind === 'igo' && a.code === id);
      select.value = known?.id ?? '';
    }
    await refresh();
  }

  async function refresh(): Promise<void> {
    const id = current;
    if (!id) {
      replace(body, notice('Choose an actor, or click one in the network.'));
      return;
    }
    const mine = ++seq;
    replace(body, notice('Loading…'));
    let page: ActorPage;
    try {
      page = await api.actor(id);
    } catch (err) {
      if (mine === seq) replace(body, notice(failureText(err), 'error'));
      return;
    }
    if (mine !== seq) return;
    const a = page.actor;
    panel.dataset.actor = a.id;
    const eventsBox = h('div', { class: 'actor-events' });
    const alignBox = h('div', { class: 'actor-structural' });
    const relRows = () => page.relations.map((r) => [r.layer, r.type, r.fromName, r.toName, r.start ?? '', r.end ?? '', r.strength, r.sources.join('; ')]);
    replace(
      body,
      h('div', { class: 'actor-head' }, h('h3', { attrs: { id: 'actor-name' } }, a.name), h('span', { class: 'muted' }, [a.kind, page.party ? `party ${ctx.name(page.party)}` : null, a.aliases.length ? `also ${a.aliases.slice(0, 4).join(', ')}` : null].filter(Boolean).join(' · '))),
      a.description ? h('p', { class: 'about' }, a.description) : null,
      page.partOf.length ? h('p', { class: 'muted small' }, 'Linked: ', page.partOf.map((p) => p.name).join(', ')) : null,
      h('h3', null, 'Events in scope'),
      eventsBox,
      h('h3', null, `Relations (${page.relations.length})`, ' ', csvButton(() => `faultline-${a.id}-relations.csv`, ['layer', 'type', 'from', 'to', 'start', 'end', 'strength', 'sources'], relRows)),
      page.relations.length
        ? h(
            'table',
            { class: 'grid-table' },
            h('thead', null, h('tr', null, h('th', null, 'Layer'), h('th', null, 'Relation'), h('th', null, 'Held'), h('th', null, 'Sources'))),
            h(
              'tbody',
              null,
              ...page.relations.map((r) =>
                h('tr', { attrs: { 'data-relation': r.id } }, h('td', null, h('span', { class: `layer-tag l-${r.layer}` }, r.layer)), h('td', null, `${r.fromName} → ${r.toName}: ${r.type.replace(/-/g, ' ')}`), h('td', { class: 'nowrap' }, `${r.start ?? '…'} – ${r.end ?? 'now'}`), h('td', { class: 'sources' }, ...cite(r.sources))),
              ),
            ),
          )
        : notice('No standing relations recorded.'),
      h('h3', null, `Claims (${page.claims.length})`, ' ', csvButton(() => `faultline-${a.id}-claims.csv`, ['date', 'claim', 'status', 'claimant', 'denied_by', 'sources'], () => page.claims.map((c) => [c.date?.start ?? '', c.statement, c.status, c.claimant.map(ctx.name).join('; '), c.deniedBy.map(ctx.name).join('; '), c.sources.join('; ')]))),
      page.claims.length
        ? h('ul', { class: 'plain' }, ...page.claims.map((c) => h('li', null, h('span', { class: `status s-${c.status}` }, c.status), ' ', c.date?.start ? `${c.date.start}: ` : '', c.statement, ' ', ...cite(c.sources))))
        : notice('No claims by or about this actor.'),
      h('h3', null, `Formats and corridors (${page.formats.length})`),
      page.formats.length
        ? h('ul', { class: 'plain' }, ...page.formats.map((f) => h('li', null, `${f.name} (${f.kind}): ${f.role}`, f.from || f.to ? ` ${f.from ?? '…'} – ${f.to ?? 'now'}` : '', ' ', ...cite(f.sources))))
        : notice('Takes part in no recorded format or corridor.'),
      a.kind === 'state' && a.country ? h('h3', null, 'Alignment and arms suppliers') : null,
      a.kind === 'state' && a.country ? alignBox : null,
    );
    void events(a.id, eventsBox, 0);
    if (a.kind === 'state' && a.country) void structural(a.country, alignBox);
  }

  async function events(id: string, box: HTMLElement, offset: number): Promise<void> {
    let p: EventPage;
    try {
      p = await api.eventPage({ ...ctx.scope.periodParams(), actor: id, offset, limit: PAGE });
    } catch (err) {
      replace(box, notice(failureText(err), 'error'));
      return;
    }
    const total = p.evidence.events;
    replace(
      box,
      h('p', { class: 'n-line' }, `${evidenceText(p.evidence)} · ${scopeText(p.scope, (r) => ctx.scope.regionName(r), ctx.period.current.label)} `, csvButton(() => `faultline-${id}-events.csv`, EVENT_CSV_HEADER, () => p.events.map((e) => eventCsvRow(ctx, e)))),
      p.events.length ? h('ol', { class: 'events compact' }, ...p.events.map((e) => eventItem(ctx, e))) : notice('No events in scope for this period.'),
      total > PAGE ? h('div', { class: 'pager' }, ...pagerNodes({ offset, shown: p.events.length, total, size: PAGE, go: (o) => void events(id, box, o) })) : null,
    );
  }

  /** Hook for the structural indicators: shows alignment and supplier summaries when /api/alignment and /api/arms exist. */
  async function structural(iso3: string, box: HTMLElement): Promise<void> {
    const parts: HTMLElement[] = [];
    try {
      const al = await api.alignment({ a: iso3 });
      const lastYear = Math.max(...al.rows.map((r) => r.year));
      const latest = al.rows.filter((r) => r.year === lastYear);
      parts.push(h('p', null, `UNGA agreement in ${lastYear}: `, latest.map((r) => `${ctx.name(r.b)} ${r.agreement === null ? '—' : `${Math.round(r.agreement * 100)}%`} (${r.votes} votes)`).join(', ') || '—'));
    } catch (err) {
      parts.push(notice(isMissingEndpoint(err) ? 'UNGA alignment: not available in this build (needs /api/alignment).' : failureText(err), isMissingEndpoint(err) ? 'info' : 'error'));
    }
    try {
      const ar = await api.arms({ recipient: iso3, by: '5y' });
      const periods = [...new Set((ar.shares ?? []).map((s) => s.period))].sort();
      const lastP = periods[periods.length - 1];
      const top = (ar.shares ?? []).filter((s) => s.period === lastP).sort((x, y) => y.share - x.share).slice(0, 4);
      parts.push(h('p', null, lastP ? `Arms suppliers ${lastP}: ${top.map((s) => `${ctx.name(s.supplier)} ${Math.round(s.share * 100)}%`).join(', ')}` : 'No arms transfers recorded.'));
    } catch (err) {
      parts.push(notice(isMissingEndpoint(err) ? 'Arms suppliers: not available in this build (needs /api/arms).' : failureText(err), isMissingEndpoint(err) ? 'info' : 'error'));
    }
    const sel = document.getElementById('structural-state') as HTMLSelectElement | null;
    if (sel && [...sel.options].some((o) => o.value === iso3)) {
      const show = () => {
        sel.value = iso3;
        sel.dispatchEvent(new Event('change'));
        document.getElementById('p-structural')?.scrollIntoView({ block: 'start' });
      };
      parts.push(h('button', { class: 'csv', attrs: { type: 'button', id: 'actor-structural-link' }, on: { click: show } }, 'Alignment and arms suppliers over time →'));
    }
    replace(box, ...parts);
  }

  return { open: (id) => open(id), refresh };
}
