// Actor network panel: signed ties of the chosen period (Cytoscape), coloured by bloc, with the balance figures beside it.
import cytoscape from 'cytoscape';
import { api, failureText, type BalanceResult } from '../api.js';
import type { DashboardContext } from '../context.js';
import { byId, h, notice, replace } from '../dom.js';

const BLOC_COLORS = ['#2f5d8a', '#8a4f2f', '#4f7a3a', '#6b4c8a', '#8a7a2f', '#2f7a7a', '#7a2f5a'];

export function mountNetwork(ctx: DashboardContext): { refresh(): Promise<void> } {
  const container = byId('network');
  const stats = byId('balance-stats');
  const caption = byId('network-period');
  let cy: cytoscape.Core | null = null;
  let seq = 0;

  async function refresh(): Promise<void> {
    const p = ctx.period.current;
    const mine = ++seq;
    caption.textContent = p.label;
    let data: BalanceResult;
    try {
      data = await api.balance({ from: p.from, to: p.to });
    } catch (err) {
      if (mine !== seq) return;
      cy?.destroy();
      cy = null;
      replace(container, notice(failureText(err), 'error'));
      replace(stats);
      return;
    }
    if (mine !== seq) return;
    draw(data);
    showStats(data);
  }

  function draw(data: BalanceResult): void {
    cy?.destroy();
    container.replaceChildren();
    if (data.nodes.length === 0) {
      cy = null;
      replace(container, notice('No signed ties between actors in this period.'));
      return;
    }
    const bloc = new Map<string, number>();
    data.blocs.forEach((members, i) => members.forEach((m) => bloc.set(m, i)));
    const maxRank = Math.max(...data.nodes.map((n) => data.centrality[n]?.pagerank ?? 0), 1e-9);
    const maxWeight = Math.max(...data.edges.map((e) => e.weight), 1e-9);
    const n = data.nodes.length;
    cy = cytoscape({
      container,
      // Node and edge labels come from data; Cytoscape draws them on canvas, never as HTML.
      elements: [
        ...data.nodes.map((id, i) => ({
          data: {
            id,
            label: data.names[id] ?? id,
            color: bloc.has(id) && data.blocs[bloc.get(id)!].length > 1 ? BLOC_COLORS[bloc.get(id)! % BLOC_COLORS.length] : '#7b8794',
            size: 22 + 34 * Math.sqrt((data.centrality[id]?.pagerank ?? 0) / maxRank),
            frustrated: 0,
          },
          position: { x: 300 * Math.cos((2 * Math.PI * i) / n), y: 300 * Math.sin((2 * Math.PI * i) / n) },
        })),
        ...data.edges.map((e) => ({
          data: {
            id: `${e.a}~${e.b}`,
            source: e.a,
            target: e.b,
            sign: e.sign,
            width: 1.2 + 5 * Math.sqrt(e.weight / maxWeight),
            frustrated: data.frustration.frustrated.includes(`${e.a}–${e.b}`) ? 1 : 0,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 11,
            'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
            color: '#1d2733',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-outline-color': '#ffffff',
            'text-outline-width': 2,
            'border-width': 1.5,
            'border-color': '#ffffff',
          },
        },
        { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', opacity: 0.85 } },
        { selector: 'edge[sign > 0]', style: { 'line-color': '#2e8b57' } },
        { selector: 'edge[sign < 0]', style: { 'line-color': '#c0392b', 'line-style': 'dashed' } },
        { selector: 'edge[frustrated > 0]', style: { 'line-color': '#e67e22' } },
        { selector: 'node:selected', style: { 'border-color': '#f4b400', 'border-width': 3 } },
      ],
      layout: { name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 24 } as cytoscape.LayoutOptions,
      minZoom: 0.3,
      maxZoom: 3,
    });
    cy.on('tap', 'node', (ev) => ctx.focusActor(ev.target.id() as string));
    cy.on('tap', (ev) => {
      if (ev.target === cy) ctx.focusActor(null);
    });
  }

  function showStats(data: BalanceResult): void {
    const { balanced, unbalanced } = data.triads;
    const total = balanced + unbalanced;
    const rows: [string, string][] = [
      ['Actors', String(data.nodes.length)],
      ['Ties (+ / −)', `${data.edges.filter((e) => e.sign > 0).length} / ${data.edges.filter((e) => e.sign < 0).length}`],
      ['Balanced triads', total ? `${balanced} of ${total}` : '—'],
      ['Frustration index', `${round(data.frustration.value)}${data.frustration.exact ? '' : ' (bound)'}`],
    ];
    const blocs = data.blocs.filter((b) => b.length > 1);
    replace(
      stats,
      h('dl', { class: 'kv' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h('h3', null, 'Blocs (positive ties)'),
      blocs.length
        ? h(
            'ul',
            { class: 'blocs' },
            ...blocs.map((b, i) =>
              h('li', null, h('span', { class: `swatch bloc-${i % BLOC_COLORS.length}` }), b.map((id) => data.names[id] ?? id).join(', ')),
            ),
          )
        : notice('No bloc of two or more.'),
      h('p', { class: 'legend' }, h('span', { class: 'edge-pos' }), 'cooperative ', h('span', { class: 'edge-neg' }), 'hostile ', h('span', { class: 'edge-frus' }), 'frustrated (breaks the two-bloc split); node size: PageRank'),
    );
  }

  const round = (x: number) => (Math.round(x * 100) / 100).toString();
  return { refresh };
}
