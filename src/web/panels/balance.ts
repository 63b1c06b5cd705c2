// Balance over time: the line index of balance per year on a proportional time axis (exact optimum filled, a bound hollow with its proven interval), the weighted index beside it, and the actors who switched camps between years.
import { api, failureText, type BalanceYear, type BalanceYears } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, h, notice, replace } from '../dom.js';
import { evidenceText, scopeText } from '../scope.js';

const f2 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** The camp an actor is in, named by its best-known members: "Armenia, Russia, …". */
function campName(members: readonly string[], name: (id: string) => string, max = 3): string {
  const names = members.map(name);
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} +${names.length - max}`;
}

export function mountBalance(ctx: DashboardContext): { refresh(): Promise<void> } {
  const panel = byId('p-balance');
  const chartEl = byId('balance-chart');
  const nLine = byId('balance-years-n');
  const switches = byId('balance-switches');
  const caption = byId('balance-years-caption');
  const chart = chartIn(chartEl);
  let seq = 0;
  let last: BalanceYears | null = null;

  byId('balance-csv').append(
    csvButton(() => 'faultline-balance-by-year.csv', ['year', 'line_index', 'exact', 'lower', 'upper', 'frustrated', 'edges', 'negative', 'nodes', 'weighted_line_index', 'weighted_exact', 'camp_a', 'camp_b', 'switched'], () =>
      (last?.periods ?? []).map((p) => [
        p.period, p.frustration.lineIndex, p.frustration.exact, p.frustration.lineIndexBounds?.[0] ?? '', p.frustration.lineIndexBounds?.[1] ?? '', p.frustration.value, p.edges, p.negative, p.nodes,
        p.weighted?.lineIndex ?? '', p.weighted?.exact ?? '', p.camps.A.map(ctx.name).join('; '), p.camps.B.map(ctx.name).join('; '),
        p.switched.map((s) => `${ctx.name(s.actor)} ${s.from}→${s.to}`).join('; '),
      ]),
    ),
  );

  async function refresh(): Promise<void> {
    const mine = ++seq;
    panel.dataset.state = 'loading';
    let data: BalanceYears;
    try {
      data = await api.balanceYears(ctx.scope.params());
    } catch (err) {
      if (mine !== seq) return;
      chart.clear();
      nLine.textContent = failureText(err);
      replace(switches);
      panel.dataset.state = 'error';
      return;
    }
    if (mine !== seq) return;
    last = data;
    draw(data);
    panel.dataset.state = 'ready';
  }

  function draw(d: BalanceYears): void {
    const periods = d.periods;
    const p = ctx.period.current;
    const y0 = Number(p.from.slice(0, 4));
    const y1 = Number(p.to.slice(0, 4));
    caption.textContent = periods.length ? `${periods[0].period}–${periods[periods.length - 1].period}` : '';
    const withIndex = periods.filter((x) => x.frustration.lineIndex !== null);
    const ties = periods.reduce((n, x) => n + x.edges, 0);
    const exact = withIndex.filter((x) => x.frustration.exact).length;
    const ev = periods.reduce(
      (acc, x) => {
        if (!x.evidence) return acc;
        acc.events += x.evidence.events;
        acc.relations += x.evidence.relations;
        return acc;
      },
      { events: 0, relations: 0 },
    );
    const scope = d.scope ? scopeText(d.scope, (id) => ctx.scope.regionName(id)) : '';
    nLine.textContent =
      `n = ${withIndex.length} years with signed ties (${ties} ties${periods.some((x) => x.evidence) ? ` from ${ev.events} event-years and ${ev.relations} relation-years` : ''}) · ${exact} of ${withIndex.length} exact, ${withIndex.length - exact} bounds` +
      (scope ? ` · ${scope}` : '');
    if (!withIndex.length) {
      chart.clear();
      chartEl.dataset.points = '[]';
      replace(switches, notice('No year has signed ties in this scope.'));
      return;
    }
    const year = (x: BalanceYear) => Number(x.period.slice(0, 4));
    const first = year(withIndex[0]);
    const lastYear = year(withIndex[withIndex.length - 1]);
    const point = (x: BalanceYear, idx: 'frustration' | 'weighted') => {
      const ix = x[idx];
      return ix && ix.lineIndex !== null ? [year(x), ix.lineIndex] : null;
    };
    const byYear = new Map(periods.map((x) => [year(x), x]));
    const tooltip = (x: BalanceYear): HTMLElement =>
      tooltipNode(`${x.period}: line index ${f2(x.frustration.lineIndex)}`, [
        ['Optimum', x.frustration.exact ? 'proven (exact)' : `bound ${f2(x.frustration.lineIndexBounds?.[0])} – ${f2(x.frustration.lineIndexBounds?.[1])}`],
        ['Frustrated ties', `${x.frustration.value} of ${x.edges}`],
        ['Negative ties', String(x.negative)],
        ['Weighted index', x.weighted ? `${f2(x.weighted.lineIndex)}${x.weighted.exact ? '' : ' (bound)'}` : '—'],
        ['Camp A', campName(x.camps.A, ctx.name, 4) || '—'],
        ['Camp B', campName(x.camps.B, ctx.name, 4) || '—'],
        ['Switched', x.switched.length ? x.switched.map((s) => ctx.name(s.actor)).join(', ') : 'none'],
        ...(x.evidence ? ([['Evidence', `${evidenceText(x.evidence)}, ${x.evidence.relations} relations`]] as [string, string][]) : []),
      ]);
    const exactPts = withIndex.filter((x) => x.frustration.exact).map((x) => point(x, 'frustration')!);
    const boundPts = withIndex.filter((x) => !x.frustration.exact).map((x) => point(x, 'frustration')!);
    const intervals = withIndex.filter((x) => !x.frustration.exact && x.frustration.lineIndexBounds).map((x) => [year(x), x.frustration.lineIndexBounds![0], x.frustration.lineIndexBounds![1]]);
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#52606d' }, data: ['line index', 'exact optimum', 'bound (proven interval)', 'weighted index'] },
        grid: { left: 44, right: 16, top: 34, bottom: 28 },
        // A proportional time axis: a gap of years in the record shows as a gap, not as one step.
        xAxis: { type: 'value', min: first - (lastYear - first < 4 ? 1 : 0), max: lastYear + (lastYear - first < 4 ? 1 : 0), minInterval: 1, ...AXIS_STYLE, axisLabel: { ...AXIS_STYLE.axisLabel, formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } },
        // 1 − 2L/m lies in [0, 1]: no split frustrates more than half the ties.
        yAxis: { type: 'value', min: 0, max: 1, interval: 0.25, ...AXIS_STYLE },
        tooltip: {
          confine: true,
          trigger: 'item',
          formatter: (q: { value: number[] }) => {
            const x = byYear.get(q.value[0]);
            return x ? tooltip(x) : '';
          },
        },
        series: [
          {
            name: 'line index',
            type: 'line',
            symbol: 'none',
            lineStyle: { width: 2, color: '#2f5d8a' },
            itemStyle: { color: '#2f5d8a' },
            data: withIndex.map((x) => point(x, 'frustration')),
            markArea: { silent: true, itemStyle: { color: 'rgba(47, 93, 138, 0.07)' }, data: [[{ xAxis: Math.max(first, y0) }, { xAxis: Math.min(lastYear, y1) }]] },
            markLine: { silent: true, symbol: 'none', lineStyle: { color: '#9aa5b1', type: 'dotted' }, label: { show: false }, data: [{ yAxis: 0 }] },
          },
          {
            name: 'exact optimum',
            type: 'scatter',
            symbol: 'circle',
            symbolSize: 9,
            itemStyle: { color: '#2f5d8a' },
            // Each year's n: the signed ties its index rests on.
            label: { show: true, position: 'bottom', distance: 4, fontSize: 10, color: '#7b8794', formatter: (q: { value: number[] }) => `m=${byYear.get(q.value[0])?.edges ?? ''}` },
            // Where years crowd, the tooltip still gives every year's m.
            labelLayout: { hideOverlap: true },
            data: exactPts,
            z: 3,
          },
          {
            name: 'bound (proven interval)',
            type: 'custom',
            itemStyle: { color: '#b3362b' },
            renderItem: (_p: unknown, a: { value(i: number): number; coord(v: number[]): number[]; style(): object }) => {
              const lo = a.coord([a.value(0), a.value(1)]);
              const hi = a.coord([a.value(0), a.value(2)]);
              return { type: 'group', children: [
                { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: '#b3362b', lineWidth: 1.5 } },
                { type: 'line', shape: { x1: lo[0] - 4, y1: lo[1], x2: lo[0] + 4, y2: lo[1] }, style: { stroke: '#b3362b', lineWidth: 1.5 } },
                { type: 'line', shape: { x1: hi[0] - 4, y1: hi[1], x2: hi[0] + 4, y2: hi[1] }, style: { stroke: '#b3362b', lineWidth: 1.5 } },
              ] };
            },
            encode: { x: 0, y: [1, 2] },
            data: intervals,
            z: 2,
          },
          {
            name: 'bound (proven interval)',
            type: 'scatter',
            symbol: 'emptyCircle',
            symbolSize: 10,
            itemStyle: { color: '#b3362b', borderWidth: 2 },
            label: { show: true, position: 'right', distance: 4, fontSize: 10, color: '#b3362b', formatter: (q: { value: number[] }) => `m=${byYear.get(q.value[0])?.edges ?? ''}` },
            labelLayout: { hideOverlap: true },
            data: boundPts,
            z: 4,
          },
          {
            name: 'weighted index',
            type: 'line',
            symbol: 'diamond',
            symbolSize: 6,
            lineStyle: { width: 1.5, type: 'dashed', color: '#8a7a2f' },
            itemStyle: { color: '#8a7a2f' },
            data: withIndex.map((x) => point(x, 'weighted')).filter(Boolean),
          },
        ],
      },
      { notMerge: true },
    );
    // The chart's points (year, index, exact), for tests and for anyone reading the page.
    chartEl.dataset.points = JSON.stringify(withIndex.map((x) => [x.period, x.frustration.lineIndex, x.frustration.exact]));
    drawSwitches(periods, y0, y1);
  }

  function drawSwitches(periods: readonly BalanceYear[], y0: number, y1: number): void {
    const moves = periods.filter((x) => x.switched.length > 0);
    const inPeriod = (x: BalanceYear) => Number(x.period) >= y0 && Number(x.period) <= y1;
    replace(
      switches,
      h('h3', null, `Camp switches (${moves.reduce((n, x) => n + x.switched.length, 0)} in ${moves.length} years)`),
      moves.length
        ? h(
            'ol',
            { class: 'switch-list', attrs: { id: 'balance-switch-list' } },
            ...moves.map((x) => {
              const prev = periods[periods.indexOf(x) - 1];
              return h(
                'li',
                { class: inPeriod(x) ? 'in-period' : '', attrs: { 'data-year': x.period } },
                h('b', { class: 'nowrap' }, prev ? `${prev.period} → ${x.period}` : x.period),
                ' ',
                ...x.switched.flatMap((s, i) => {
                  // The side it left, as it stood when the actor was last on it; the side it joined, as it stands now.
                  const before = periods.find((q) => q.period === s.since);
                  const left = campName((before?.camps[s.from] ?? []).filter((m) => m !== s.actor), ctx.name) || 'no one else';
                  const joined = campName(x.camps[s.to].filter((m) => m !== s.actor), ctx.name) || 'no one else';
                  return [i ? '; ' : '', h('span', { class: 'who-switched', attrs: { 'data-actor': s.actor } }, ctx.name(s.actor)), ` from the side of ${left} (${s.since}) to that of ${joined}`];
                }),
                x.alignment.closest ? '' : h('span', { class: 'muted' }, ' · fewest switches not proven'),
              );
            }),
          )
        : notice('No actor changed camps between the years with ties.'),
      h('p', { class: 'muted small' }, 'Camps are the two sides of the least frustrated split of each year, aligned with the camps actors held before; a switch is an actor whose side changed.'),
    );
  }

  return { refresh };
}
