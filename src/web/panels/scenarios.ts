// Scenario runner: shows a scenario's inputs before anything runs, then runs a bargaining model and draws each dimension's outcome band over the labelled actors, flagging a point estimate outside its own band.
import { api, failureText, isMissingEndpoint, type Retrodiction, type ScenarioInfo, type ScenarioInputs, type SimulationResult } from '../api.js';
import { chartIn, tooltipNode, AXIS_STYLE, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';

/** A model input as people read it: at most three significant digits. */
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));

const MODEL_LABEL: Readonly<Record<string, string>> = { smp: 'SMP', eu: 'Expected utility', median: 'Weighted median', mean: 'Weighted mean' };

/** "12% below 50 · 88% above": the shares of Monte Carlo runs on each side of the scale's midpoint, as the API gives them. */
export function sidesText(b: { belowMidpoint?: number; atMidpoint?: number; aboveMidpoint?: number; midpoint?: number }, midpoint: number): string {
  if (b.belowMidpoint === undefined || b.aboveMidpoint === undefined) return '—';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const at = b.atMidpoint ? ` · ${pct(b.atMidpoint)} at` : '';
  return `${pct(b.belowMidpoint)} below ${fmt(b.midpoint ?? midpoint)}${at} · ${pct(b.aboveMidpoint)} above`;
}

/** Whether the point estimate lies outside its own p10–p90 band: the API's verdict when it gives one, else computed. */
export function outsideBand(point: number, band: { p10: number; p90: number; pointInBand?: boolean }): boolean {
  if (typeof band.pointInBand === 'boolean') return !band.pointInBand;
  return point < band.p10 || point > band.p90;
}

/**
 * Label placements for actors on one dimension (0–100) so that no two names collide: in order of position, each
 * takes the first lane (above 1, below 1, above 2, …) whose last label ends before it starts, names ~1.1 units a letter.
 */
export function staggered(points: readonly { name: string; x: number }[]): { name: string; x: number; label: { position: 'top' | 'bottom'; distance: number } }[] {
  const lanes: number[] = [];
  return [...points]
    .sort((a, b) => a.x - b.x || a.name.localeCompare(b.name))
    .map((p) => {
      const half = (p.name.length * 1.1) / 2;
      let lane = lanes.findIndex((end) => end < p.x - half);
      if (lane < 0) lane = lanes.length;
      lanes[lane] = p.x + half + 1;
      return { ...p, label: { position: lane % 2 === 0 ? 'top' : 'bottom', distance: 4 + 12 * Math.floor(lane / 2) } };
    });
}

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
  const inputsEl = byId('scenario-inputs');
  const chartEl = byId('scenario-chart');
  const chart = chartIn(chartEl);
  let scenarios: ScenarioInfo[] = [];
  let inputs: ScenarioInputs | null = null;
  let retro: Retrodiction[] = [];
  const retroEl = h('div', { class: 'retrodiction', attrs: { id: 'scenario-retrodiction' } });
  about.after(retroEl);

  select.addEventListener('change', () => void describe());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void execute();
  });

  async function describe(): Promise<void> {
    const s = scenarios.find((x) => x.name === select.value);
    replace(about, s ? h('p', null, h('b', null, s.title), ` — as of ${s.asOf}. ${s.description}`) : null);
    replace(result, notice('The chart shows the inputs as written. Run: the band is where the middle 80% of jittered runs end, the triangle the model on the inputs as written.'));
    inputs = null;
    if (!s) return;
    try {
      inputs = await api.scenario(s.name);
    } catch (err) {
      replace(inputsEl, notice(`Inputs: ${failureText(err)}`, 'error'));
      return;
    }
    showInputs(inputs);
    showRetrodiction(s.name);
    draw(inputs, null);
  }

  /** What happened after the scenario's date, and how far each model and baseline was from it. */
  function showRetrodiction(name: string): void {
    const rows = retro.filter((r) => r.scenario === name);
    const label = (m: string) => (m === 'smp' ? 'SMP' : m === 'eu' ? 'expected utility' : m.replace(/-/g, ' '));
    replace(
      retroEl,
      ...rows.map((r) =>
        h(
          'p',
          { class: r.modelBeatsBaselines ? 'retro' : 'retro warn' },
          h('b', null, `Retrodiction (${r.dimension}): `),
          `what happened by ${r.outcomeDate}: ${r.outcome}. `,
          r.models.map((m) => `${label(m.model)}${m.kind === 'baseline' ? ' (baseline)' : ''} ${m.prediction.toFixed(1)}, off by ${m.error.toFixed(1)}`).join('; '),
          `. Best model ${label(r.bestModel.model)} (${r.bestModel.error.toFixed(1)}), best baseline ${label(r.bestBaseline.model)} (${r.bestBaseline.error.toFixed(1)}): `,
          r.modelBeatsBaselines ? 'the models beat the baselines.' : 'the models do not beat the simple baselines.',
          r.unsourcedInputs ? ` ${r.unsourcedInputs} inputs carry no source.` : '',
        ),
      ),
    );
  }

  const selectedName = () => select.value;

  function showInputs(x: ScenarioInputs): void {
    const cite = (actor: ScenarioInputs['actors'][number]) =>
      actor.citations.map((c, i) => (c.source ? externalLink(c.source, `[${i + 1}]`, `${c.field}${c.note ? `: ${c.note}` : ''}`) : h('span', { class: 'muted', attrs: { title: `${c.field}: ${c.note ?? c.claim ?? ''}` } }, `[${i + 1}]`)));
    const header = ['actor', 'capability', ...x.dimensions.flatMap((d) => [`${d.name} position`, `${d.name} salience`])];
    inputsEl.dataset.scenario = x.name;
    replace(
      inputsEl,
      h('h3', null, `Model inputs (${x.actors.length} actors, as of ${x.asOf}) `, csvButton(() => `faultline-scenario-${x.name}-inputs.csv`, header, () => x.actors.map((a) => [a.name, a.capability, ...a.positions.flatMap((p, k) => [p, a.saliences[k]])]))),
      h(
        'table',
        { class: 'grid-table', attrs: { id: 'scenario-inputs-table' } },
        h('thead', null, h('tr', null, h('th', null, 'Actor'), h('th', { class: 'num' }, 'Capability'), ...x.dimensions.map((d) => h('th', { class: 'num', attrs: { title: `${d.low ?? d.min} … ${d.high ?? d.max}` } }, `${d.name}: position / salience`)), h('th', null, 'Cited'))),
        h('tbody', null, ...x.actors.map((a) => h('tr', null, h('td', null, a.name), h('td', { class: 'num' }, fmt(a.capability)), ...a.positions.map((p, k) => h('td', { class: 'num' }, `${fmt(p)} / ${fmt(a.saliences[k])}`)), h('td', { class: 'sources' }, ...cite(a))))),
      ),
    );
  }

  async function refresh(): Promise<void> {
    // Retrodiction is the scenarios helper's; a build without it simply shows none.
    retro = await api.retrodict().catch((err: unknown) => {
      if (!isMissingEndpoint(err)) replace(retroEl, notice(`Retrodiction: ${failureText(err)}`, 'error'));
      return [];
    });
    try {
      scenarios = await api.scenarios();
    } catch (err) {
      replace(about, notice(failureText(err), 'error'));
      return;
    }
    replace(select, ...scenarios.map((s) => h('option', { attrs: { value: s.name } }, s.title)));
    run.disabled = scenarios.length === 0;
    if (!scenarios.length) replace(about, notice('No scenarios found for this region.'));
    else await describe();
  }

  async function execute(): Promise<void> {
    const s = scenarios.find((x) => x.name === select.value);
    if (!s) return;
    run.disabled = true;
    replace(result, notice('Running…'));
    try {
      const r = await api.simulate({ scenario: s.name, model: model.value, runs: Number(runs.value) || undefined, perturb: Number(perturb.value), seed: seed.value || '1' });
      if (inputs) draw(inputs, r);
      table(s, r);
    } catch (err) {
      replace(result, notice(failureText(err), 'error'));
    } finally {
      run.disabled = false;
    }
  }

  /** Actors at their starting positions (labelled), and with a result the band, the Monte Carlo mean and the point estimate. */
  function draw(x: ScenarioInputs, r: SimulationResult | null): void {
    const dims = x.dimensions.map((d) => d.name);
    const bands = r?.distribution?.outcome ?? [];
    const scale = (k: number, v: number) => ((v - x.dimensions[k].min) / (x.dimensions[k].max - x.dimensions[k].min)) * 100;
    chartEl.className = `chart dims-${Math.min(3, dims.length)}`;
    const actorPoints = dims.flatMap((_, k) => staggered(x.actors.map((a) => ({ name: a.name, x: scale(k, a.positions[k]) }))).map((p) => ({ name: p.name, value: [p.x, k], label: p.label })));
    const outside = bands.map((b, k) => (r ? outsideBand(b.point ?? r.final.outcome[k], b) : false));
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#52606d' } },
        grid: { left: 12, right: 24, top: 28, bottom: 24, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100, ...AXIS_STYLE },
        yAxis: { type: 'category', data: dims, inverse: true, ...AXIS_STYLE, axisLabel: { ...AXIS_STYLE.axisLabel, width: 130, overflow: 'truncate' } },
        tooltip: {
          confine: true,
          trigger: 'item',
          formatter: (p: { seriesName: string; value: number[]; dataIndex: number; data: { name?: string } }) =>
            tooltipNode(p.data?.name ?? p.seriesName, [[dims[p.value[1]] ?? '', p.seriesName === 'p10–p90 band' ? `${bands[p.dataIndex].p10} – ${bands[p.dataIndex].p90}` : p.value[0].toFixed(1)]]),
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
            name: 'actors (inputs)',
            type: 'scatter',
            symbolSize: 8,
            itemStyle: { color: '#7b8794' },
            label: { show: true, formatter: (p: { data: { name: string } }) => p.data.name, position: 'top', fontSize: 10, color: '#3e4c59' },
            data: actorPoints,
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
            name: r ? `${r.model.toUpperCase()} outcome` : 'outcome (after Run)',
            type: 'scatter',
            symbol: 'triangle',
            symbolSize: 13,
            itemStyle: { color: '#b3362b' },
            label: { show: true, position: 'bottom', fontSize: 10, color: '#b3362b', fontWeight: 'bold', formatter: (p: { dataIndex: number }) => (outside[p.dataIndex] ? 'outside its band' : '') },
            data: r ? r.final.outcome.map((v, k) => [v, k]) : [],
          },
          {
            // The other models on the same inputs, so that the analyst sees how far the chosen one stands from them.
            name: 'other models',
            type: 'scatter',
            symbol: 'rect',
            symbolSize: 7,
            itemStyle: { color: '#1d2733' },
            data: r?.comparison
              ? r.comparison.dimensions.flatMap((d) => {
                  const k = dims.indexOf(d.dimension);
                  return k < 0 ? [] : d.predictions.filter((p) => p.model !== r.model).map((p) => ({ name: MODEL_LABEL[p.model] ?? p.model, value: [p.prediction, k] }));
                })
              : [],
          },
          {
            name: 'what happened',
            type: 'scatter',
            symbol: 'pin',
            symbolSize: 18,
            itemStyle: { color: '#23704a' },
            data: dims.flatMap((d, k) => retro.filter((x) => x.scenario === selectedName() && x.dimension === d).map((x) => ({ name: `what happened by ${x.outcomeDate}`, value: [x.outcome, k] }))),
          },
        ],
      },
      { notMerge: true },
    );
  }

  function table(s: ScenarioInfo, r: SimulationResult): void {
    const bands = r.distribution?.outcome ?? [];
    const warnings = [...(r.distribution?.warnings ?? []), ...(r.comparison?.warnings ?? [])];
    replace(
      result,
      h(
        'table',
        { class: 'grid-table', attrs: { id: 'scenario-table' } },
        h('thead', null, h('tr', null, h('th', null, 'Dimension'), h('th', null, '0 means'), h('th', null, '100 means'), h('th', { class: 'num' }, 'Outcome'), h('th', { class: 'num' }, 'Band (p10–p90)'), h('th', null, 'Check'), h('th', { class: 'num' }, 'Runs each side of the midpoint'))),
        h(
          'tbody',
          null,
          ...s.dimensions.map((d, k) => {
            const b = bands[k];
            const point = b?.point ?? r.final.outcome[k];
            const out = b ? outsideBand(point, b) : false;
            return h(
              'tr',
              { attrs: out ? { 'data-outside': 'true' } : {} },
              h('td', null, d.name),
              h('td', { class: 'muted' }, d.low),
              h('td', { class: 'muted' }, d.high),
              h('td', { class: 'num' }, r.final.outcome[k].toFixed(1)),
              h('td', { class: 'num' }, b ? `${b.p10.toFixed(1)} – ${b.p90.toFixed(1)}` : '—'),
              h('td', { class: out ? 'flag' : 'muted' }, b ? (out ? 'point outside its own band: unstable on these inputs' : 'inside band') : 'no band (runs = 0)'),
              h('td', { class: 'num sides', attrs: b && b.belowMidpoint !== undefined ? { 'data-below': String(b.belowMidpoint), 'data-above': String(b.aboveMidpoint ?? 0) } : {} }, b ? sidesText(b, inputs?.dimensions[k] ? (inputs.dimensions[k].min + inputs.dimensions[k].max) / 2 : 50) : '—'),
            );
          }),
        ),
      ),
      csvButton(() => `faultline-scenario-${s.name}-${r.model}.csv`, ['dimension', 'low', 'high', 'outcome', 'p10', 'p90', 'mean', 'point_outside_band', 'runs_below_midpoint', 'runs_above_midpoint'], () =>
        s.dimensions.map((d, k) => {
          const b = bands[k];
          return [d.name, d.low, d.high, r.final.outcome[k], b?.p10 ?? '', b?.p90 ?? '', b?.mean ?? '', b ? outsideBand(b.point ?? r.final.outcome[k], b) : '', b?.belowMidpoint ?? '', b?.aboveMidpoint ?? ''];
        }),
      ),
      h('p', { class: 'muted small' }, `${r.model.toUpperCase()} model, ${r.iterations} iterations` + (r.distribution ? `; ${r.distribution.runs} runs with inputs jittered by ±${r.distribution.perturb} points (seed ${r.distribution.seed})` : '')),
      ...warnings.map((w) => notice(w)),
      comparisonTable(s, r),
    );
  }

  /** SMP, expected utility, weighted median and mean on each dimension side by side, their spread, and the words when they disagree. */
  function comparisonTable(s: ScenarioInfo, r: SimulationResult): HTMLElement | null {
    const c = r.comparison;
    if (!c) return null;
    const models = [...new Set(c.dimensions.flatMap((d) => d.predictions.map((p) => p.model)))];
    const threshold = c.threshold !== undefined ? ` (more than ${Math.round(c.threshold * 100)}% of the scale apart)` : '';
    const disagree = c.dimensions.filter((d) => d.disagree);
    return h(
      'div',
      { class: 'comparison', attrs: { id: 'scenario-comparison' } },
      h('h3', null, 'Models side by side ', csvButton(() => `faultline-scenario-${s.name}-models.csv`, ['dimension', ...models, 'spread', 'disagree'], () => c.dimensions.map((d) => [d.dimension, ...models.map((m) => d.predictions.find((p) => p.model === m)?.prediction ?? ''), d.spread ?? '', d.disagree]))),
      h(
        'table',
        { class: 'grid-table', attrs: { id: 'scenario-models' } },
        h('thead', null, h('tr', null, h('th', null, 'Dimension'), ...models.map((m) => h('th', { class: `num${m === r.model ? ' run-model' : ''}`, attrs: { 'data-model': m } }, MODEL_LABEL[m] ?? m)), h('th', { class: 'num' }, 'Spread'), h('th', null, 'Models'))),
        h(
          'tbody',
          null,
          ...c.dimensions.map((d) =>
            h(
              'tr',
              { attrs: { 'data-dimension': d.dimension, 'data-disagree': String(d.disagree) } },
              h('td', null, d.dimension),
              ...models.map((m) => {
                const p = d.predictions.find((x) => x.model === m);
                return h('td', { class: `num${m === r.model ? ' run-model' : ''}`, attrs: { 'data-model': m } }, p ? p.prediction.toFixed(1) : '—');
              }),
              h('td', { class: 'num' }, d.spread !== undefined ? `${d.spread.toFixed(1)}${d.spreadShare !== undefined ? ` (${Math.round(d.spreadShare * 100)}%)` : ''}` : '—'),
              h('td', { class: d.disagree ? 'flag' : 'muted' }, d.disagree ? 'disagree' : 'agree'),
            ),
          ),
        ),
      ),
      disagree.length
        ? h('div', { class: 'retro warn disagreement' }, h('b', null, `The models disagree${threshold}: `), disagree.map((d) => d.summary).join('; '), '.')
        : h(
            'p',
            { class: 'retro agreement' },
            `The ${models.length} models agree on every dimension${c.threshold !== undefined ? `, within ${Math.round(c.threshold * 100)}% of the scale` : ''}: `,
            c.dimensions.map((d) => `${d.dimension} spread ${d.spread !== undefined ? d.spread.toFixed(1) : '—'} points`).join('; '),
            '.',
          ),
    );
  }

  return { refresh };
}
