// Event timeline panel: every event in scope (curated, article, dataset), paged newest first, filterable by quad class and CAMEO type, over a monthly histogram.
import { api, failureText, type EventPage } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import { QUADS, type DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, h, notice, replace } from '../dom.js';
import { EVENT_CSV_HEADER, eventCsvRow, eventItem, pagerNodes } from '../event-list.js';
import { evidenceText, scopeText } from '../scope.js';

export const PAGE_SIZE = 50;

export function mountTimeline(ctx: DashboardContext): { refresh(): Promise<void>; focus(actor: string | null): Promise<void> } {
  const list = byId('event-list');
  const caption = byId('timeline-caption');
  const nLine = byId('timeline-n');
  const pager = byId('timeline-pager');
  const actorTag = byId('timeline-actor');
  const quads = byId('timeline-quads');
  const cameo = byId<HTMLSelectElement>('timeline-cameo');
  const chart = chartIn(byId('timeline-chart'));
  let actor: string | null = null;
  let offset = 0;
  let seq = 0;
  let page: EventPage | null = null;

  byId('timeline-csv').append(
    csvButton(() => `faultline-events-${ctx.period.current.label}.csv`, EVENT_CSV_HEADER, () => (page?.events ?? []).map((e) => eventCsvRow(ctx, e))),
  );
  quads.addEventListener('change', () => restart());
  cameo.addEventListener('change', () => restart());
  void api.cameo().then(
    (roots) => cameo.append(...roots.map((r) => h('option', { attrs: { value: r.code } }, `${r.code} ${r.name}`))),
    () => undefined,
  );

  const restart = () => {
    offset = 0;
    void refresh();
  };

  function filters(): { quad?: string; cameo?: string } {
    const on = [...quads.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    return { ...(on.length < 4 ? { quad: on.join(',') || '0' } : {}), ...(cameo.value ? { cameo: cameo.value } : {}) };
  }

  async function refresh(): Promise<void> {
    const p = ctx.period.current;
    const mine = ++seq;
    caption.textContent = p.label;
    replace(actorTag, actor ? h('span', { class: 'chip' }, ctx.name(actor), h('button', { class: 'chip-x', attrs: { type: 'button', title: 'Show every actor' }, on: { click: () => void focus(null) } }, '×')) : null);
    const f = filters();
    if (f.quad === '0') {
      page = null;
      chart.clear();
      nLine.textContent = 'n = 0 events: no quad class chosen';
      replace(list, notice('Choose at least one quad class.'));
      replace(pager);
      return;
    }
    let data: EventPage;
    try {
      data = await api.eventPage({ ...ctx.scope.periodParams(), ...f, actor: actor ?? undefined, offset, limit: PAGE_SIZE, by: ctx.period.windowYears > 10 ? 'year' : 'month' });
    } catch (err) {
      if (mine === seq) replace(list, notice(failureText(err), 'error'));
      return;
    }
    if (mine !== seq) return;
    page = data;
    nLine.textContent = `${evidenceText(data.evidence)} · ${scopeText(data.scope, (id) => ctx.scope.regionName(id), p.label)}`;
    drawHistogram(data);
    replace(list, ...(data.events.length ? data.events.map((e) => eventItem(ctx, e)) : [notice('No events in scope for this period and filter.')]));
    drawPager(data);
  }

  function drawPager(d: EventPage): void {
    const go = (o: number) => {
      offset = o;
      void refresh();
    };
    replace(pager, ...pagerNodes({ offset: d.offset, shown: d.events.length, total: d.evidence.events, size: PAGE_SIZE, go }));
  }

  function drawHistogram(d: EventPage): void {
    const periods = [...new Set(d.histogram.map((x) => x.period))].sort();
    const counts = new Map(d.histogram.map((x) => [`${x.period}|${x.quad}`, x.n]));
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        grid: { left: 36, right: 12, top: 10, bottom: 22 },
        xAxis: { type: 'category', data: periods, ...AXIS_STYLE },
        yAxis: { type: 'value', minInterval: 1, ...AXIS_STYLE },
        tooltip: {
          confine: true,
          trigger: 'axis',
          formatter: (items: { dataIndex: number }[]) => {
            const period = periods[items[0]?.dataIndex ?? 0];
            return tooltipNode(period, QUADS.map((q) => [q.label, String(counts.get(`${period}|${q.quad}`) ?? 0)] as [string, string]));
          },
        },
        series: QUADS.map((q) => ({
          name: q.label,
          type: 'bar',
          stack: 'q',
          itemStyle: { color: q.color },
          data: periods.map((p) => counts.get(`${p}|${q.quad}`) ?? 0),
        })),
      },
      { notMerge: true },
    );
    chart.off('click');
    chart.on('click', (p: { dataIndex: number }) => {
      const period = periods[p.dataIndex];
      if (!period) return;
      const from = period.length === 4 ? `${period}-01-01` : `${period}-01`;
      const to = period.length === 4 ? `${period}-12-31` : `${period}-${new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate()}`;
      ctx.showEvidence({ kind: 'events', title: `${period}${actor ? ` · ${ctx.name(actor)}` : ''}`, actor: actor ?? undefined, from, to, ...filters() });
    });
  }

  async function focus(a: string | null): Promise<void> {
    actor = a;
    offset = 0;
    await refresh();
  }

  return { refresh: () => ((offset = 0), refresh()), focus };
}
