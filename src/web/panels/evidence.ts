// Evidence panel: the events (or structural rows) behind whatever bar, point or country was clicked, each with its source link, paged, with CSV.
import { api, failureText, type EventRow } from '../api.js';
import type { DashboardContext, EvidenceRequest } from '../context.js';
import { downloadCsv } from '../csv.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';
import { EVENT_CSV_HEADER, eventCsvRow, eventItem, pagerNodes } from '../event-list.js';
import { evidenceText, scopeText } from '../scope.js';

const PAGE = 100;

export function mountEvidence(ctx: DashboardContext): { show(req: EvidenceRequest): Promise<void> } {
  const panel = byId('p-evidence');
  const title = byId('evidence-title');
  const nLine = byId('evidence-n');
  const body = byId('evidence-body');
  const pager = byId('evidence-pager');
  const csvSlot = byId('evidence-csv');
  let seq = 0;
  let rows: { header: readonly string[]; rows: () => readonly (readonly (string | number | null)[])[]; name: string } = { header: [], rows: () => [], name: 'evidence' };
  // The CSV button reads the current listing, whatever kind it is.
  csvSlot.append(h('button', { class: 'csv', attrs: { type: 'button', title: 'Download this list as CSV' }, on: { click: () => downloadCsv(`faultline-${rows.name}.csv`, rows.header, rows.rows()) } }, 'CSV'));

  async function show(req: EvidenceRequest, offset = 0): Promise<void> {
    const mine = ++seq;
    panel.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    replace(body, notice('Loading…'));
    replace(pager);
    panel.dataset.state = 'loading';
    if (req.kind === 'rows') {
      title.textContent = req.title;
      nLine.textContent = req.note;
      rows = { header: req.header, rows: () => req.rows, name: 'rows' };
      replace(
        body,
        h(
          'table',
          { class: 'grid-table', attrs: { id: 'evidence-rows' } },
          h('thead', null, h('tr', null, ...req.header.map((c) => h('th', null, c)))),
          h('tbody', null, ...req.rows.map((r) => h('tr', null, ...r.map((c) => h('td', { class: typeof c === 'number' ? 'num' : '' }, c === null ? '—' : String(c)))))),
        ),
        req.citations.length ? h('p', { class: 'muted small' }, 'Sources: ', ...req.citations.flatMap((c, i) => [i ? '; ' : '', /^https?:\/\//.test(c) ? externalLink(c, c) : c])) : null,
      );
      panel.dataset.state = 'ready';
      return;
    }
    let events: EventRow[];
    let total: number;
    try {
      if (req.kind === 'ids') {
        title.textContent = req.title;
        const r = await api.eventsById(req.ids);
        if (mine !== seq) return;
        events = r.events;
        total = r.events.length;
        nLine.textContent = `${req.note}${r.missing.length ? ` · ${r.missing.length} id${r.missing.length === 1 ? '' : 's'} name no stored event: ${r.missing.join(', ')}` : ''}`;
      } else if (req.kind === 'dyad') {
        title.textContent = `${ctx.name(req.a)} – ${ctx.name(req.b)}, ${req.period}`;
        const r = await api.evidence({ ...ctx.scope.params(), a: req.a, b: req.b, by: req.by, period: req.period, offset, limit: PAGE });
        if (mine !== seq) return;
        events = r.events;
        total = r.evidence.events;
        nLine.textContent = `${evidenceText(r.evidence)} · the bar counts ${req.expected} · ${scopeText(r.scope, (id) => ctx.scope.regionName(id), `${r.from} – ${r.to}`)}`;
      } else {
        title.textContent = req.title;
        const r = await api.eventPage({ ...ctx.scope.params(), from: req.from ?? ctx.period.current.from, to: req.to ?? ctx.period.current.to, actor: req.actor, party: req.party, located: req.located, quad: req.quad, cameo: req.cameo, offset, limit: PAGE });
        if (mine !== seq) return;
        events = r.events;
        total = r.evidence.events;
        nLine.textContent = `${evidenceText(r.evidence)} · ${scopeText(r.scope, (id) => ctx.scope.regionName(id))}`;
      }
    } catch (err) {
      if (mine === seq) {
        replace(body, notice(failureText(err), 'error'));
        panel.dataset.state = 'error';
      }
      return;
    }
    rows = { header: EVENT_CSV_HEADER, rows: () => events.map((e) => eventCsvRow(ctx, e)), name: req.kind === 'dyad' ? `${req.a}-${req.b}-${req.period}` : 'events' };
    replace(body, events.length ? h('ol', { class: 'events', attrs: { id: 'evidence-list' } }, ...events.map((e) => eventItem(ctx, e))) : notice('No events behind this element in the current scope.'));
    if (total > PAGE) {
      replace(pager, ...pagerNodes({ offset, shown: events.length, total, size: PAGE, go: (o) => void show(req, o), labels: ['‹ previous', 'next ›'] }));
    }
    panel.dataset.state = 'ready';
  }

  return { show: (req) => show(req) };
}
