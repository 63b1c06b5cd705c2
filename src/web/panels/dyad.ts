// Dyad panel: quad-class counts (stacked bars) and the Goldstein mean (line) per period for any pair of parties.
import { api, failureText, type DyadResult } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import { QUADS, type DashboardContext } from '../context.js';
import { byId, h, notice, replace } from '../dom.js';
import { evidenceText, scopeText } from '../scope.js';

export function mountDyad(ctx: DashboardContext): { refresh(): Promise<void> } {
  const a = byId<HTMLSelectElement>('dyad-a');
  const b = byId<HTMLSelectElement>('dyad-b');
  const by = byId<HTMLSelectElement>('dyad-by');
  const status = byId('dyad-status');
  const nLine = byId('dyad-n');
  const chartEl = byId('dyad-chart');
  const chart = chartIn(chartEl);
  let seq = 0;

  for (const sel of [a, b]) replace(sel, ...ctx.parties.map((p) => h('option', { attrs: { value: p.code } }, p.name)));
  const countries = ctx.region.regions[0]?.countries ?? [];
  const pick = (sel: HTMLSelectElement, code: string | undefined) => {
    if (code && ctx.parties.some((p) => p.code === code)) sel.value = code;
  };
  pick(a, countries[0]);
  pick(b, countries[1] ?? ctx.parties.find((p) => p.code !== a.value)?.code);
  for (const sel of [a, b, by]) sel.addEventListener('change', () => void refresh());

  async function refresh(): Promise<void> {
    const mine = ++seq;
    if (!a.value || !b.value) {
      replace(status, notice('Choose two parties.'));
      return;
    }
    let data: DyadResult;
    try {
      data = await api.dyad({ ...ctx.scope.params(), a: a.value, b: b.value, by: by.value });
    } catch (err) {
      if (mine === seq) {
        chart.clear();
        nLine.textContent = '';
        replace(status, notice(failureText(err), 'error'));
      }
      return;
    }
    if (mine !== seq) return;
    draw(data);
  }

  function draw(d: DyadResult): void {
    const total = d.series.reduce((s, p) => s + p.events, 0);
    const t = d.trend;
    nLine.textContent = `${evidenceText(d.evidence)} · ${scopeText(d.scope, (id) => ctx.scope.regionName(id))}`;
    const trendText =
      t.slope === null
        ? (t.reason ?? 'too few periods for a trend')
        : `${t.verdict ? `${t.verdict}: ` : ''}Theil–Sen slope ${t.slope >= 0 ? '+' : ''}${t.slope.toFixed(2)} per ${d.by}` + (t.mannKendall ? `, Mann–Kendall p = ${t.mannKendall.p.toFixed(3)}` : '');
    const breaks = t.changePoints.map((c) => `${c.period} (${c.before.toFixed(1)} → ${c.after.toFixed(1)})`).join(', ');
    replace(
      status,
      h('span', null, `${total} events in ${d.series.length} ${d.by === 'quarter' ? 'quarters' : `${d.by}s`}; ${trendText}`),
      breaks ? h('span', { class: 'breaks' }, ` · breaks: ${breaks}`) : null,
    );
    if (d.series.length === 0) {
      chart.clear();
      return;
    }
    const p = ctx.period.current;
    const labels = d.series.map((s) => s.period);
    // Every period is labelled (rotated when many) so that no year is skipped; months keep ECharts' spacing.
    const every = labels.length <= 40;
    const inPeriod = labels.filter((l) => l.slice(0, 4) >= p.from.slice(0, 4) && l.slice(0, 4) <= p.to.slice(0, 4));
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#52606d' } },
        grid: { left: 40, right: 40, top: 44, bottom: labels.length > 10 ? 48 : 28 },
        xAxis: { type: 'category', data: labels, ...AXIS_STYLE, axisLabel: { ...AXIS_STYLE.axisLabel, ...(every ? { interval: 0 } : {}), rotate: labels.length > 10 ? 45 : 0 } },
        yAxis: [
          { type: 'value', name: 'events', nameTextStyle: { fontSize: 10, color: '#7b8794' }, ...AXIS_STYLE },
          { type: 'value', name: 'Goldstein', min: -10, max: 10, interval: 5, nameTextStyle: { fontSize: 10, color: '#7b8794' }, ...AXIS_STYLE, splitLine: { show: false } },
        ],
        tooltip: {
          confine: true,
          trigger: 'axis',
          formatter: (items: { dataIndex: number }[]) => {
            const s = d.series[items[0].dataIndex];
            return tooltipNode(`${ctx.name(d.a)} – ${ctx.name(d.b)}, ${s.period}`, [
              ['Events', String(s.events)],
              ...QUADS.map((q) => [q.label, String(s.quad[String(q.quad) as '1'])] as [string, string]),
              ['Goldstein mean', s.goldstein_mean === null ? '—' : s.goldstein_mean.toFixed(2)],
              ['Sources', String(s.sources)],
              ['', 'click to list the events'],
            ]);
          },
        },
        series: [
          ...QUADS.map((q) => ({
            name: q.label,
            type: 'bar',
            stack: 'quad',
            barMaxWidth: 28,
            itemStyle: { color: q.color },
            data: d.series.map((s) => s.quad[String(q.quad) as '1']),
          })),
          {
            name: 'Goldstein mean',
            type: 'line',
            yAxisIndex: 1,
            symbolSize: 5,
            lineStyle: { width: 2, color: '#1d2733' },
            itemStyle: { color: '#1d2733' },
            data: d.series.map((s) => s.goldstein_mean),
            markLine: { silent: true, symbol: 'none', lineStyle: { color: '#9aa5b1', type: 'dotted' }, label: { show: false }, data: [{ yAxis: 0 }] },
            markArea: inPeriod.length
              ? { silent: true, itemStyle: { color: 'rgba(47, 93, 138, 0.07)' }, data: [[{ xAxis: inPeriod[0] }, { xAxis: inPeriod[inPeriod.length - 1] }]] }
              : undefined,
          },
        ],
      },
      { notMerge: true },
    );
    chart.off('click');
    chart.on('click', (p: { dataIndex: number }) => {
      const s = d.series[p.dataIndex];
      if (s) ctx.showEvidence({ kind: 'dyad', a: d.a, b: d.b, by: d.by, period: s.period, expected: s.events });
    });
    // The chart's own model of the bars, for tests and for anyone reading the page: period → events counted.
    // With the pixel centre of each stacked bar, so that a test can click the bar itself; kept current through resizes.
    const record = (): void => void (chartEl.dataset.bars = JSON.stringify(
      d.series.map((s) => {
        const [x, y] = (chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [s.period, s.events / 2]) as number[] | undefined) ?? [NaN, NaN];
        return [s.period, s.events, Math.round(x), Math.round(y)];
      }),
    ));
    chart.off('finished');
    chart.on('finished', record);
    record();
  }

  return { refresh };
}
