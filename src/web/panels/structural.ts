// Alignment and arms panel: UNGA vote agreement of a state with reference states per year, and its arms suppliers' shares per period (the structural helper's /api/alignment and /api/arms); a click lists the rows behind a point or bar.
import { api, failureText, isMissingEndpoint, type AlignmentResult, type ArmsResult } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { byId, h, replace } from '../dom.js';

const PALETTE = ['#2f5d8a', '#b3362b', '#23704a', '#8a4f2f', '#6b4c8a', '#8a7a2f', '#2f7a7a', '#7b8794'];

export function mountStructural(ctx: DashboardContext): { refresh(): Promise<void> } {
  const state = byId<HTMLSelectElement>('structural-state');
  const alEl = byId('alignment-chart');
  const armsEl = byId('arms-chart');
  const alN = byId('alignment-n');
  const armsN = byId('arms-n');
  const alChart = chartIn(alEl);
  const armsChart = chartIn(armsEl);
  const countries = [...new Set(ctx.region.regions.flatMap((r) => r.countries))];
  replace(state, ...countries.map((c) => h('option', { attrs: { value: c } }, ctx.name(c))));
  state.addEventListener('change', () => void refresh());

  const unavailable = (el: HTMLElement, chart: { clear(): void }, err: unknown, what: string) => {
    chart.clear();
    el.dataset.state = isMissingEndpoint(err) ? 'unavailable' : 'error';
    return isMissingEndpoint(err) ? `${what}: not available in this build — ${failureText(err).replace(/^Not available in this build — /, '')}` : failureText(err);
  };

  async function refresh(): Promise<void> {
    const a = state.value;
    if (!a) return;
    const p = ctx.period.current;
    const years = { from: Number(p.from.slice(0, 4)) - 10, until: Number(p.to.slice(0, 4)) };
    await Promise.all([
      api.alignment({ a, ...years }).then(
        (r) => drawAlignment(r),
        (err) => (alN.textContent = unavailable(alEl, alChart, err, 'UNGA alignment')),
      ),
      api.arms({ recipient: a, by: '5y', ...years }).then(
        (r) => drawArms(a, r),
        (err) => (armsN.textContent = unavailable(armsEl, armsChart, err, 'Arms suppliers')),
      ),
    ]);
  }

  function drawAlignment(r: AlignmentResult): void {
    alEl.dataset.state = 'ready';
    const years = [...new Set(r.rows.map((x) => x.year))].sort((x, y) => x - y);
    const refs = [...new Set(r.rows.map((x) => x.b))];
    const votes = r.rows.reduce((n, x) => n + x.votes, 0);
    alN.textContent = `n = ${votes} recorded votes over ${years.length} years${r.votesThrough ? `, votes to ${r.votesThrough}` : ''} · ${r.sources.map((s) => s.citation).join('; ')}`;
    const at = new Map(r.rows.map((x) => [`${x.b}|${x.year}`, x]));
    alChart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, textStyle: { fontSize: 11 }, formatter: (n: string) => ctx.name(n) },
        grid: { left: 40, right: 12, top: 28, bottom: 24 },
        xAxis: { type: 'category', data: years.map(String), ...AXIS_STYLE },
        yAxis: { type: 'value', min: 0, max: 1, name: 'agreement', ...AXIS_STYLE },
        tooltip: { confine: true, trigger: 'item', formatter: (p: { seriesName: string; dataIndex: number }) => {
          const x = at.get(`${p.seriesName}|${years[p.dataIndex]}`);
          return tooltipNode(`${ctx.name(r.a)} – ${ctx.name(p.seriesName)}, ${years[p.dataIndex]}`, [['agreement', x?.agreement?.toFixed(2) ?? '—'], ['votes', String(x?.votes ?? 0)], ['ideal-point distance', x?.distance?.toFixed(2) ?? '—']]);
        } },
        series: refs.map((b, i) => ({ name: b, type: 'line', symbolSize: 6, itemStyle: { color: PALETTE[i % PALETTE.length] }, data: years.map((y) => at.get(`${b}|${y}`)?.agreement ?? null) })),
      },
      { notMerge: true },
    );
    alChart.off('click');
    alChart.on('click', (p: { seriesName?: string; dataIndex: number }) => {
      if (!p.seriesName) return;
      const year = years[p.dataIndex];
      const rows = r.rows.filter((x) => x.year === year && x.b === p.seriesName);
      ctx.showEvidence({
        kind: 'rows',
        title: `UNGA ${ctx.name(r.a)} – ${ctx.name(p.seriesName)}, ${year}`,
        note: `n = ${rows.reduce((n, x) => n + x.votes, 0)} roll calls both voted on`,
        header: ['year', 'state', 'reference', 'agreement', 'votes', 'ideal-point distance', 'moved'],
        rows: rows.map((x) => [x.year, ctx.name(x.a), ctx.name(x.b), x.agreement, x.votes, x.distance, x.moved ? ctx.name(x.moved === 'a' ? x.a : x.b) : null]),
        citations: r.sources.map((s) => s.citation),
      });
    });
  }

  function drawArms(a: string, r: ArmsResult): void {
    armsEl.dataset.state = 'ready';
    const shares = r.shares ?? [];
    const periods = [...new Set(shares.map((s) => s.period))].sort();
    const suppliers = [...new Set(shares.map((s) => s.supplier))];
    const tiv = shares.reduce((n, s) => n + s.tiv, 0);
    armsN.textContent = `n = ${Math.round(tiv)} TIV (${r.basis}) over ${periods.length} periods · ${r.sources.map((s) => s.citation).join('; ')}`;
    const at = new Map(shares.map((s) => [`${s.supplier}|${s.period}`, s]));
    armsChart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 }, formatter: (n: string) => ctx.name(n) },
        grid: { left: 40, right: 12, top: 28, bottom: 24 },
        xAxis: { type: 'category', data: periods, ...AXIS_STYLE },
        yAxis: { type: 'value', min: 0, max: 1, name: 'share', ...AXIS_STYLE },
        tooltip: { confine: true, trigger: 'item', formatter: (p: { seriesName: string; dataIndex: number }) => {
          const s = at.get(`${p.seriesName}|${periods[p.dataIndex]}`);
          return tooltipNode(`${ctx.name(p.seriesName)} → ${ctx.name(a)}, ${periods[p.dataIndex]}`, [['share', s ? `${Math.round(s.share * 100)}%` : '—'], ['TIV', s ? String(Math.round(s.tiv)) : '—']]);
        } },
        series: suppliers.map((sup, i) => ({ name: sup, type: 'bar', stack: 'share', itemStyle: { color: PALETTE[i % PALETTE.length] }, data: periods.map((p) => at.get(`${sup}|${p}`)?.share ?? 0) })),
      },
      { notMerge: true },
    );
    armsChart.off('click');
    armsChart.on('click', (p: { seriesName?: string; dataIndex: number }) => {
      const period = periods[p.dataIndex];
      const rows = shares.filter((s) => s.period === period);
      ctx.showEvidence({
        kind: 'rows',
        title: `Arms suppliers of ${ctx.name(a)}, ${period}`,
        note: `n = ${Math.round(rows.reduce((n, s) => n + s.tiv, 0))} TIV from ${rows.length} suppliers (${r.basis})`,
        header: ['period', 'supplier', 'TIV', 'share'],
        rows: rows.sort((x, y) => y.tiv - x.tiv).map((s) => [s.period, ctx.name(s.supplier), Math.round(s.tiv), Math.round(s.share * 1000) / 10]),
        citations: r.sources.map((s) => s.citation),
      });
    });
  }

  return { refresh };
}
