// Scenario runner: runs a bargaining model on a scenario and draws each dimension's outcome band over the actors' positions.
import { api, failureText, type ScenarioInfo, type SimulationResult } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { byId, h, notice, replace } from '../dom.js';

export function mountScenarios(_ctx: DashboardContext): { refresh(): Promise<void> } {
  const form = byId<HTMLFormElement>('scenario-form');
  const select = byId<HTMLSelectElement>('scenario-name');
  const model = byId<HTMLSelectElement>('scenario-model');
  const runs = byId<HTMLInputElement>('scenario-runs');
  const perturb = byId<HTMLInputElement>('scenario-perturb');
  const seed = byId<HTMLInputElement>('scenario-seed');
  const run = byId<HTMLButtonElement>('scenario-run');
  const about = byId('scenario-about');
  const result = byId('scenario-result');
  const chartEl = byId('scenario-chart');
  const chart = chartIn(chartEl);
  let scenarios: ScenarioInfo[] = [];

  select.addEventListener('change', describe);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void execute();
  });

  function describe(): void {
    const s = scenarios.find((x) => x.name === select.value);
    replace(about, s ? h('p', null, h('b', null, s.title), ` — as of ${s.asOf}. ${s.description}`) : null);
  }

  async function refresh(): Promise<void> {
    try {
      scenarios = await api.scenarios();
    } catch (err) {
      replace(about, notice(failureText(err), 'error'));
      return;
    }
    replace(select, ...scenarios.map((s) => h('option', { attrs: { value: s.name } }, s.title)));
    run.disabled = scenarios.length === 0;
    if (!scenarios.length) replace(about, notice('No scenarios found for this region.'));
    else {
      describe();
      replace(result, notice('Run a scenario: the band shows where the middle 80% of the jittered runs end, the triangle the model on the inputs as written.'));
    }
  }

  async function execute(): Promise<void> {
    const s = scenarios.find((x) => x.name === select.value);
    if (!s) return;
    run.disabled = true;
    replace(result, notice('Running…'));
    try {
      const r = await api.simulate({ scenario: s.name, model: model.value, runs: Number(runs.value) || undefined, perturb: Number(perturb.value), seed: seed.value || '1' });
      draw(s, r);
    } catch (err) {
      chart.clear();
      replace(result, notice(failureText(err), 'error'));
    } finally {
      run.disabled = false;
    }
  }

  function draw(s: ScenarioInfo, r: SimulationResult): void {
    const dims = r.dimensions;
    const bands = r.distribution?.outcome ?? [];
    const initial = r.history[0]?.positions ?? {};
    const rows = dims.map((_, k) => k);
    chartEl.className = `chart dims-${Math.min(3, dims.length)}`;
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#52606d' } },
        grid: { left: 12, right: 16, top: 28, bottom: 24, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100, ...AXIS_STYLE },
        yAxis: { type: 'category', data: dims, inverse: true, ...AXIS_STYLE, axisLabel: { ...AXIS_STYLE.axisLabel, width: 130, overflow: 'truncate' } },
        tooltip: {
          trigger: 'item',
          formatter: (p: { seriesName: string; value: number[]; dataIndex: number; data: { name?: string } }) =>
            tooltipNode(p.data?.name ?? p.seriesName, [[dims[p.value[1]] ?? '', p.seriesName === 'p10–p90 band' ? `${bands[p.dataIndex].p10} – ${bands[p.dataIndex].p90}` : String(p.value[0])]]),
        },
        series: [
          {
            name: 'p10–p90 band',
            type: 'custom',
            itemStyle: { color: 'rgba(47, 93, 138, 0.25)' },
            renderItem: (_params: unknown, api: { value(i: number): number; coord(v: number[]): number[]; size(v: number[]): number[]; style(): object }) => {
              const lo = api.coord([api.value(0), api.value(2)]);
              const hi = api.coord([api.value(1), api.value(2)]);
              const height = api.size([0, 1])[1] * 0.5;
              return { type: 'rect', shape: { x: lo[0], y: lo[1] - height / 2, width: Math.max(2, hi[0] - lo[0]), height }, style: api.style() };
            },
            encode: { x: [0, 1], y: 2 },
            data: bands.map((b, k) => [b.p10, b.p90, k]),
          },
          {
            name: 'actors (start)',
            type: 'scatter',
            symbolSize: 7,
            itemStyle: { color: '#9aa5b1' },
            data: rows.flatMap((k) => r.actors.map((a) => ({ name: a, value: [initial[a]?.[k] ?? 0, k] }))),
          },
          {
            name: 'Monte Carlo mean',
            type: 'scatter',
            symbol: 'diamond',
            symbolSize: 12,
            itemStyle: { color: '#2f5d8a' },
            data: bands.map((b, k) => [b.mean, k]),
          },
          {
            name: `${r.model.toUpperCase()} outcome`,
            type: 'scatter',
            symbol: 'triangle',
            symbolSize: 12,
            itemStyle: { color: '#b3362b' },
            data: r.final.outcome.map((x, k) => [x, k]),
          },
        ],
      },
      { notMerge: true },
    );
    replace(
      result,
      h(
        'table',
        { class: 'grid-table', attrs: { id: 'scenario-table' } },
        h('thead', null, h('tr', null, h('th', null, 'Dimension'), h('th', null, '0 means'), h('th', null, '100 means'), h('th', { class: 'num' }, 'Outcome'), h('th', { class: 'num' }, 'Band (p10–p90)'))),
        h(
          'tbody',
          null,
          ...s.dimensions.map((d, k) => {
            const b = bands[k];
            return h('tr', null, h('td', null, d.name), h('td', { class: 'muted' }, d.low), h('td', { class: 'muted' }, d.high), h('td', { class: 'num' }, r.final.outcome[k].toFixed(1)), h('td', { class: 'num' }, b ? `${b.p10.toFixed(1)} – ${b.p90.toFixed(1)}` : '—'));
          }),
        ),
      ),
      h('p', { class: 'muted small' }, `${r.model.toUpperCase()} model, ${r.iterations} iterations` + (r.distribution ? `; ${r.distribution.runs} runs with inputs jittered by ±${r.distribution.perturb} points (seed ${r.distribution.seed})` : '')),
    );
  }

  return { refresh };
}
