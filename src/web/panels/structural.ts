// Alignment and arms panel: UNGA vote agreement of a state with reference states per year, and its arms suppliers' shares per period (the structural helper's /api/alignment and /api/arms); a click lists the rows behind a point or bar.
import { api, failureText, isMissingEndpoint, type AlignmentResult, type ArmsResult } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { byId, h, replace } from '../dom.js';

/** Fewest roll calls a year needs before its agreement is drawn: one vote gives 0, ½ or 1, not a trend point. */
export const MIN_VOTES = 10;

const PALETTE = ['#2f5d8a', '#b3362b', '#23704a', '#8a4f2f', '#6b4c8a', '#8a7a2f', '#2f7a7a', '#7b8794'];

export function mountStructural(ctx: DashboardContext): { refresh(): Promise<void> } {
  const state = byId<HTMLSelectElement>('structural-state');
  const alEl = byId('alignment-chart');
  const armsEl = byId('arms-chart');
  const alN = byId('alignment-n');
  const alCite = byId('alignment-cite');
  const armsCite = byId('arms-cite');
  const alTitle = byId('alignment-title');
  const measure = byId<HTMLSelectElement>('alignment-measure');
  let lastAlignment: AlignmentResult | null = null;
  measure.addEventListener('change', () => lastAlignment && drawAlignment(lastAlignment));
  const armsN = byId('arms-n');
  const alChart = chartIn(alEl);
  const armsChart = chartIn(armsEl);
  const countries = [...new Set(ctx.region.regions.flatMap((r) => r.countries))];
  const names = new Map<string, string>();
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
    lastAlignment = r;
    alEl.dataset.state = 'ready';
    const byDistance = measure.value === 'distance';
    const years = [...new Set(r.rows.map((x) => x.year))].sort((x, y) => x - y);
    const refs = [...new Set(r.rows.map((x) => x.b))];
    const votes = r.rows.reduce((n, x) => n + x.votes, 0);
    const voteYears = new Set(r.rows.filter((x) => x.votes >= MIN_VOTES).map((x) => x.year));
    const withDistance = new Set(r.rows.filter((x) => x.distance !== null).map((x) => x.year));
    alTitle.textContent = byDistance ? 'UNGA ideal-point distance to reference states (lower = closer)' : 'UNGA vote agreement with reference states';
    alN.textContent = byDistance
      ? `n = ${withDistance.size} years of ideal points · ${refs.length} reference states`
      : `n = ${votes} recorded votes over ${voteYears.size} years with ≥ ${MIN_VOTES} roll calls${r.votesThrough ? `, votes to ${r.votesThrough}` : ''} · ${refs.length} reference states`;
    alCite.textContent = `Sources: ${r.sources.map((s) => `${s.citation}${s.coverage ? ` (${s.coverage})` : ''}`).join('; ')}`;
    const at = new Map(r.rows.map((x) => [`${x.b}|${x.year}`, x]));
    const value = (b: string, y: number) => {
      const x = at.get(`${b}|${y}`);
      if (!x) return null;
      return byDistance ? x.distance : x.votes >= MIN_VOTES ? x.agreement : null;
    };
    alChart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        // Four reference states drawn at first (the legend turns the others on): ten lines would hide each other.
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 }, formatter: (n: string) => ctx.name(n), selected: Object.fromEntries(refs.map((b, i) => [b, i < 4])) },
        grid: { left: 40, right: 12, top: 36, bottom: 24 },
        xAxis: { type: 'category', data: years.map(String), ...AXIS_STYLE },
        yAxis: byDistance ? { type: 'value', min: 0, ...AXIS_STYLE } : { type: 'value', min: 0, max: 1, ...AXIS_STYLE },
        tooltip: { confine: true, trigger: 'item', formatter: (p: { seriesName: string; dataIndex: number }) => {
          const x = at.get(`${p.seriesName}|${years[p.dataIndex]}`);
          return tooltipNode(`${ctx.name(r.a)} – ${ctx.name(p.seriesName)}, ${years[p.dataIndex]}`, [['agreement', x?.agreement?.toFixed(2) ?? '—'], ['votes', String(x?.votes ?? 0)], ['ideal-point distance', x?.distance?.toFixed(2) ?? '—']]);
        } },
        // A year without enough votes is a gap in the line, never a point joined to its neighbours.
        series: refs.map((b, i) => ({ name: b, type: 'line', connectNulls: false, symbolSize: 6, itemStyle: { color: PALETTE[i % PALETTE.length] }, data: years.map((y) => value(b, y)) })),
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
    const shares = (r.shares ?? []).filter((s) => s.tiv > 0);
    for (const s of r.shares ?? []) if ((s as { supplier_name?: string }).supplier_name && ctx.name(s.supplier) === s.supplier) names.set(s.supplier, (s as { supplier_name?: string }).supplier_name!);
    const nameOf = (code: string) => names.get(code) ?? ctx.name(code);
    const periods = [...new Set(shares.map((s) => s.period))].sort();
    const suppliers = [...new Set(shares.map((s) => s.supplier))];
    const tiv = shares.reduce((n, s) => n + s.tiv, 0);
    armsN.textContent = `n = ${Math.round(tiv)} TIV (millions, ${r.basis}) from ${suppliers.length} suppliers over ${periods.length} periods`;
    armsCite.textContent = `Sources: ${r.sources.map((s) => s.citation).join('; ')}`;
    const at = new Map(shares.map((s) => [`${s.supplier}|${s.period}`, s]));
    armsChart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 }, formatter: (n: string) => nameOf(n) },
        grid: { left: 40, right: 12, top: 36, bottom: 24 },
        xAxis: { type: 'category', data: periods, ...AXIS_STYLE },
        yAxis: { type: 'value', min: 0, max: 1, ...AXIS_STYLE },
        tooltip: { confine: true, trigger: 'item', formatter: (p: { seriesName: string; dataIndex: number }) => {
          const s = at.get(`${p.seriesName}|${periods[p.dataIndex]}`);
          return tooltipNode(`${nameOf(p.seriesName)} → ${ctx.name(a)}, ${periods[p.dataIndex]}`, [['share', s ? `${Math.round(s.share * 100)}%` : '—'], ['TIV', s ? String(Math.round(s.tiv)) : '—']]);
        } },
        series: suppliers.map((sup, i) => ({ name: sup, type: 'bar', stack: 'share', itemStyle: { color: PALETTE[i % PALETTE.length] }, data: periods.map((p) => at.get(`${sup}|${p}`)?.share ?? 0) })),
      },
      { notMerge: true },
    );
    // The centre of each period's largest supplier segment, so that a test can click a bar itself.
    const record = (): void => {
      armsEl.dataset.bars = JSON.stringify(
        periods.map((p) => {
          let below = 0;
          let best = { mid: 0, share: -1, supplier: '' };
          for (const sup of suppliers) {
            const sh = at.get(`${sup}|${p}`)?.share ?? 0;
            if (sh > best.share) best = { mid: below + sh / 2, share: sh, supplier: sup };
            below += sh;
          }
          const [x, y] = (armsChart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [p, best.mid]) as number[] | undefined) ?? [NaN, NaN];
          return [p, best.supplier, Math.round(x), Math.round(y)];
        }),
      );
    };
    armsChart.off('finished');
    armsChart.on('finished', record);
    record();
    armsChart.off('click');
    armsChart.on('click', (p: { seriesName?: string; dataIndex: number }) => {
      const period = periods[p.dataIndex];
      const rows = shares.filter((s) => s.period === period);
      ctx.showEvidence({
        kind: 'rows',
        title: `Arms suppliers of ${ctx.name(a)}, ${period}`,
        note: `n = ${Math.round(rows.reduce((n, s) => n + s.tiv, 0))} TIV from ${rows.length} suppliers (${r.basis})`,
        header: ['period', 'supplier', 'TIV (millions)', 'share %'],
        rows: rows.sort((x, y) => y.tiv - x.tiv).map((s) => [s.period, nameOf(s.supplier), Math.round(s.tiv * 10) / 10, Math.round(s.share * 1000) / 10]),
        citations: r.sources.map((s) => s.citation),
      });
    });
  }

  return { refresh };
}
