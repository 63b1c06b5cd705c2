// The brief's charts: print-size text (≥ 11 units on an A4-wide canvas), escaped labels, gaps kept as gaps, and a point outside its band drawn and said as such.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bandChartSvg, CHART, dyadChartSvg, shareBarsSvg, yearLinesSvg } from '../../src/report/brief-svg.js';

const fontSizes = (svg: string) => [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
const width = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);

describe('brief charts', () => {
  const period = (p: string, events: number, mean: number | null) => ({ period: p, events, quad: { '1': events, '2': 0, '3': 0, '4': 0 }, goldstein_mean: mean });
  const charts = {
    dyad: dyadChartSvg([period('2019', 3, 2), period('2020', 0, null), period('2021', 5, -1), period('2022', 2, 1)], { title: 'Armenia – <Azerbaijan>' }),
    lines: yearLinesSvg([{ label: 'Russia', points: [{ year: 2015, value: 0.1 }, { year: 2016, value: 0.2 }, { year: 2018, value: 0.5 }] }], { title: 'Distance', yLabel: 'distance' }),
    bars: shareBarsSvg([{ label: '2015–2019', total: '377 m TIV', parts: [{ key: 'RUS', share: 0.94 }, { key: 'others', share: 0.06 }] }], { title: 'Shares', legend: [{ key: 'RUS', label: 'Russia' }, { key: 'others', label: 'all others' }] }),
    band: bandChartSvg([{ low: 'excluded', high: 'guarantor', point: 40, band: { p10: 10, p90: 25, mean: 18, pointInBand: false } }], { title: 'Band' }),
  };

  it('keep every text at 11 units or more on a canvas no wider than the A4 printable width', () => {
    for (const [name, svg] of Object.entries(charts)) {
      assert.ok(width(svg) <= CHART.width && CHART.width <= 680, name);
      assert.ok(Math.min(...fontSizes(svg)) >= 11, `${name}: ${fontSizes(svg).join(',')}`);
    }
  });

  it('escape labels and break lines where a year has no value', () => {
    assert.ok(charts.dyad.includes('Armenia – &lt;Azerbaijan&gt;'));
    assert.equal((charts.dyad.match(/<polyline/g) ?? []).length, 1, 'the 2020 gap splits the mean line; 2019 alone draws no line');
    assert.equal((charts.lines.match(/<polyline/g) ?? []).length, 1, '2015–2016 is one run; 2018 stands alone');
  });

  it('draw a point outside its own band hollow and say so', () => {
    assert.match(charts.band, /fill="#ffffff" stroke="#b3362b"/);
    assert.match(charts.band, />point outside its band</);
    const inside = bandChartSvg([{ low: 'a', high: 'b', point: 18, band: { p10: 10, p90: 25, mean: 18, pointInBand: true } }], { title: 'Band' });
    assert.doesNotMatch(inside, /point outside its band/);
  });
});
