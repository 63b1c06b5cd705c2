// Event timeline panel: the period's events as a Goldstein-over-time strip and a list, each with links to its sources.
import type { Event } from '../../model/index.js';
import { api, failureText } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import { QUADS, type DashboardContext } from '../context.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';

const LIMIT = 400;

export function mountTimeline(ctx: DashboardContext): { refresh(): Promise<void>; focus(actor: string | null): Promise<void> } {
  const list = byId('event-list');
  const caption = byId('timeline-caption');
  const chart = chartIn(byId('timeline-chart'));
  let actor: string | null = null;
  let seq = 0;
  // The events behind each scatter series, so that a tooltip can name the event under the pointer.
  let byQuad: Event[][] = [[], [], [], []];

  async function refresh(): Promise<void> {
    const p = ctx.period.current;
    const mine = ++seq;
    caption.textContent = `${p.label}${actor ? ` · ${ctx.name(actor)}` : ''}`;
    let events: Event[];
    try {
      events = await api.events({ from: p.from, to: p.to, actor: actor ?? undefined, limit: LIMIT });
    } catch (err) {
      if (mine === seq) replace(list, notice(failureText(err), 'error'));
      return;
    }
    if (mine !== seq) return;
    const dated = events.filter((e) => e.date).reverse();
    drawStrip(dated);
    replace(list, ...(dated.length ? dated.map(item) : [notice('No events in this period.')]));
    if (events.length === LIMIT) list.append(notice(`Showing the first ${LIMIT} events of the period; narrow the period to see the rest.`));
  }

  function who(e: Event): string {
    const src = e.source.map(ctx.name).join(', ');
    return e.target.length ? `${src} → ${e.target.map(ctx.name).join(', ')}` : src;
  }

  function item(e: Event): HTMLElement {
    const q = QUADS[e.quad - 1];
    const day = e.date!.precision === 'day' ? e.date!.start : `${e.date!.start} … ${e.date!.end}`;
    const links = e.sources.map((id, i) => {
      const s = ctx.sources.get(id);
      const label = s?.outlet ?? s?.title ?? id;
      return externalLink(s?.url, `[${i + 1}] ${label}`, s?.title ?? id);
    });
    return h(
      'li',
      { class: 'event', attrs: { 'data-event': e.id } },
      h('div', { class: 'event-head' }, h('time', null, day), h('span', { class: `quad q${e.quad}`, attrs: { title: q.label } }, q.short), h('span', { class: `gold ${e.goldstein < 0 ? 'neg' : 'pos'}` }, signed(e.goldstein)), h('span', { class: 'who' }, who(e))),
      h('p', { class: 'summary' }, e.summary),
      h('div', { class: 'sources' }, ...links),
    );
  }

  function drawStrip(events: Event[]): void {
    byQuad = QUADS.map((q) => events.filter((e) => e.quad === q.quad));
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        grid: { left: 36, right: 12, top: 10, bottom: 22 },
        xAxis: { type: 'time', ...AXIS_STYLE, splitLine: { show: false } },
        yAxis: { type: 'value', min: -10, max: 10, interval: 5, ...AXIS_STYLE },
        tooltip: {
          trigger: 'item',
          formatter: (p: { dataIndex: number; seriesIndex: number }) => {
            const e = byQuad[p.seriesIndex][p.dataIndex];
            return tooltipNode(e.date!.start, [
              ['', who(e)],
              ['Goldstein', signed(e.goldstein)],
            ]);
          },
        },
        series: QUADS.map((q, i) => ({
          name: q.label,
          type: 'scatter',
          symbolSize: 7,
          itemStyle: { color: q.color, opacity: 0.8 },
          data: byQuad[i].map((e) => [e.date!.start, e.goldstein]),
        })),
      },
      { notMerge: true },
    );
  }
  return {
    refresh,
    focus: async (a) => {
      actor = a;
      await refresh();
    },
  };
}

const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
