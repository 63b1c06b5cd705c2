// Map panel: events in scope per country (involving it, or located in it) on a Natural Earth world map shipped by world-atlas; places with coordinates as dots.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { api, failureText, type MapResult } from '../api.js';
import { chartIn, echarts, tooltipNode, TEXT_STYLE } from '../charts.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, replace, notice } from '../dom.js';
import { NUMERIC_TO_ISO3 } from '../iso.js';
import { evidenceText, scopeText } from '../scope.js';

const MAP = 'faultline-world';

interface World {
  readonly features: readonly Feature<Geometry, { name: string }>[];
}

let world: Promise<World> | null = null;

/** Loads the 1:50m world map once and registers it with ECharts, each country named by its ISO alpha-3 code. */
function loadWorld(): Promise<World> {
  world ??= import('world-atlas/countries-50m.json', { with: { type: 'json' } }).then((m) => {
    const topo = m.default as unknown as Topology;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    for (const f of fc.features) f.properties = { name: NUMERIC_TO_ISO3.get(String(f.id)) ?? `unnamed-${f.id ?? f.properties?.name ?? ''}` };
    echarts.registerMap(MAP, fc as never);
    return { features: fc.features };
  });
  return world;
}

/** The [[west, north], [east, south]] box around the given countries, with a margin in degrees. */
export function boundsOf(features: readonly Feature<Geometry, { name: string }>[], codes: readonly string[], margin = 2.5): [[number, number], [number, number]] | null {
  let w = 180, e = -180, s = 90, n = -90;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as Position;
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) if (codes.includes(f.properties.name) && f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (w > e) return null;
  return [[w - margin, Math.min(90, n + margin)], [e + margin, Math.max(-90, s - margin)]];
}

export function mountMap(ctx: DashboardContext): { refresh(): Promise<void> } {
  const el = byId('map-chart');
  const nLine = byId('map-n');
  const caption = byId('map-caption');
  const measure = byId<HTMLSelectElement>('map-measure');
  const view = byId<HTMLSelectElement>('map-view');
  const chart = chartIn(el);
  let data: MapResult | null = null;
  let seq = 0;
  measure.addEventListener('change', () => void draw());
  view.addEventListener('change', () => void draw());
  byId('map-csv').append(
    csvButton(() => `faultline-map-${ctx.period.current.label}.csv`, ['country', 'iso3', 'events_involving', 'events_located'], () =>
      (data?.countries ?? []).map((c) => [ctx.name(c.country), c.country, c.involving, c.located]),
    ),
  );

  async function refresh(): Promise<void> {
    const mine = ++seq;
    caption.textContent = ctx.period.current.label;
    try {
      const [r] = await Promise.all([api.map(ctx.scope.periodParams()), loadWorld()]);
      if (mine !== seq) return;
      data = r;
    } catch (err) {
      if (mine !== seq) return;
      chart.clear();
      replace(nLine, notice(failureText(err), 'error'));
      return;
    }
    nLine.textContent = `${evidenceText(data.evidence)} · ${scopeText(data.scope, (id) => ctx.scope.regionName(id), ctx.period.current.label)}`;
    await draw();
  }

  async function draw(): Promise<void> {
    if (!data) return;
    const w = await loadWorld();
    const key = measure.value === 'located' ? 'located' : 'involving';
    const counts = data.countries.filter((c) => /^[A-Z]{3}$/.test(c.country));
    const max = Math.max(1, ...counts.map((c) => c[key]));
    const home = ctx.region.regions.find((r) => r.id === ctx.scope.state.region)?.countries ?? ctx.region.regions[0]?.countries ?? [];
    const box = view.value === 'region' ? boundsOf(w.features, home) : null;
    const byCode = new Map(counts.map((c) => [c.country, c]));
    el.dataset.countries = JSON.stringify(counts.filter((c) => c[key] > 0).map((c) => [c.country, c[key]]));
    chart.setOption(
      {
        textStyle: TEXT_STYLE,
        animation: false,
        tooltip: {
          confine: true,
          trigger: 'item',
          formatter: (p: { seriesType: string; name: string; data?: { value: number[]; location?: string | null } }) => {
            if (p.seriesType === 'scatter') return tooltipNode(p.data?.location ?? 'place', [['events', String(p.data?.value[2] ?? 0)]]);
            const c = byCode.get(p.name);
            return tooltipNode(ctx.name(p.name), [
              ['events involving it', String(c?.involving ?? 0)],
              ['events located in it', String(c?.located ?? 0)],
            ]);
          },
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max,
          left: 8,
          bottom: 8,
          itemHeight: 90,
          text: [String(max), '0'],
          textStyle: { fontSize: 11, color: '#52606d' },
          inRange: { color: ['#dde8f2', '#2f5d8a'] },
          seriesIndex: 0,
          calculable: false,
        },
        geo: {
          map: MAP,
          roam: true,
          ...(box ? { boundingCoords: box } : {}),
          itemStyle: { areaColor: '#eef1f4', borderColor: '#b8c2cc', borderWidth: 0.6 },
          emphasis: { itemStyle: { areaColor: '#f4d58d' }, label: { show: false } },
          select: { disabled: true },
        },
        series: [
          {
            type: 'map',
            geoIndex: 0,
            data: counts.filter((c) => c[key] > 0).map((c) => ({ name: c.country, value: c[key] })),
          },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            symbolSize: (v: number[]) => Math.min(18, 4 + 2 * Math.sqrt(v[2])),
            itemStyle: { color: '#b3362b', opacity: 0.75, borderColor: '#fff', borderWidth: 0.5 },
            data: data.places.map((p) => ({ value: [p.lon, p.lat, p.n], location: p.location })),
          },
        ],
      },
      { notMerge: true },
    );
    chart.off('click');
    chart.on('click', (p: { seriesType?: string; componentType?: string; name?: string }) => {
      const code = p.name ?? '';
      if (!/^[A-Z]{3}$/.test(code)) return;
      const located = measure.value === 'located';
      ctx.showEvidence({ kind: 'events', title: `${ctx.name(code)} · events ${located ? 'located in it' : 'involving it'}, ${ctx.period.current.label}`, ...(located ? { located: code } : { party: code }) });
    });
  }

  return { refresh };
}
