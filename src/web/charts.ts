// ECharts with only the parts the dashboard uses, and tooltips built as DOM nodes (never HTML strings).
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { h } from './dom.js';

echarts.use([BarChart, CustomChart, LineChart, MapChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, LabelLayout, CanvasRenderer]);

export { echarts };

/** A chart bound to an element, resized with its container. */
export function chartIn(el: HTMLElement): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

/** Tooltip content as a DOM node: a title line and label/value rows, all as text. */
export function tooltipNode(title: string, rows: readonly (readonly [string, string])[]): HTMLElement {
  return h('div', { class: 'tip' }, h('div', { class: 'tip-title' }, title), ...rows.map(([k, v]) => h('div', { class: 'tip-row' }, h('span', null, k), h('b', null, v))));
}

export const AXIS_STYLE = {
  axisLine: { lineStyle: { color: '#9aa5b1' } },
  axisLabel: { color: '#52606d', fontSize: 11 },
  splitLine: { lineStyle: { color: '#e4e7eb' } },
};

export const TEXT_STYLE = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#1d2733' };
