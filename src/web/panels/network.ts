// Actor network panel: the scope's signed ties of the period (Cytoscape), coloured by bloc, labelled by centrality, with balance figures and the unsigned layers beside it.
import cytoscape from 'cytoscape';
import { api, failureText, type BalanceResult } from '../api.js';
import type { DashboardContext } from '../context.js';
import { byId, h, notice, replace } from '../dom.js';
import { evidenceText, scopeText } from '../scope.js';

const BLOC_COLORS = ['#2f5d8a', '#8a4f2f', '#4f7a3a', '#6b4c8a', '#8a7a2f', '#2f7a7a', '#7a2f5a'];
const UNALIGNED = '#9aa5b1';
/** Actors labelled without hovering: the most central by PageRank. */
export const LABELLED = 8;

/** The ids to label: the `k` highest PageRank, ties broken by id so that the choice is stable. */
export function mostCentral(data: Pick<BalanceResult, 'nodes' | 'centrality'>, k: number): Set<string> {
  return new Set([...data.nodes].sort((a, b) => (data.centrality[b]?.pagerank ?? 0) - (data.centrality[a]?.pagerank ?? 0) || a.localeCompare(b)).slice(0, k));
}

export function mountNetwork(ctx: DashboardContext): { refresh(): Promise<void> } {
  const container = byId('network');
  const stats = byId('balance-stats');
  const caption = byId('network-period');
  const nLine = byId('network-n');
  const allLabels = byId<HTMLInputElement>('network-all-labels');
  let cy: cytoscape.Core | null = null;
  let last: BalanceResult | null = null;
  let seq = 0;
  allLabels.addEventListener('change', () => last && draw(last));

  async function refresh(): Promise<void> {
    const p = ctx.period.current;
    const mine = ++seq;
    caption.textContent = p.label;
    let data: BalanceResult;
    try {
      data = await api.balance(ctx.scope.periodParams());
    } catch (err) {
      if (mine !== seq) return;
      cy?.destroy();
      cy = null;
      replace(container, notice(failureText(err), 'error'));
      replace(stats);
      nLine.textContent = '';
      return;
    }
    if (mine !== seq) return;
    last = data;
    nLine.textContent = `${evidenceText(data.evidence)} · ${data.evidence.relations} relation${data.evidence.relations === 1 ? '' : 's'} · ${scopeText(data.scope, (id) => ctx.scope.regionName(id), p.label)}`;
    draw(data);
    showStats(data);
  }

  const nameOf = (data: BalanceResult, id: string) => ctx.name(id) !== id ? ctx.name(id) : (data.names[id] ?? id);

  function draw(data: BalanceResult): void {
    cy?.destroy();
    container.replaceChildren();
    if (data.nodes.length === 0) {
      cy = null;
      replace(container, notice('No signed ties between actors of the scope in this period.'));
      return;
    }
    const bloc = new Map<string, number>();
    data.blocs.forEach((members, i) => members.forEach((m) => bloc.set(m, i)));
    const maxRank = Math.max(...data.nodes.map((n) => data.centrality[n]?.pagerank ?? 0), 1e-9);
    const maxWeight = Math.max(...data.edges.map((e) => e.weight), 1e-9);
    const labelled = allLabels.checked ? new Set(data.nodes) : mostCentral(data, LABELLED);
    const n = data.nodes.length;
    cy = cytoscape({
      container,
      // Node and edge labels come from data; Cytoscape draws them on canvas, never as HTML.
      elements: [
        ...data.nodes.map((id, i) => ({
          data: {
            id,
            name: nameOf(data, id),
            label: labelled.has(id) ? nameOf(data, id) : '',
            color: bloc.has(id) && data.blocs[bloc.get(id)!].length > 1 ? BLOC_COLORS[bloc.get(id)! % BLOC_COLORS.length] : UNALIGNED,
            size: 18 + 34 * Math.sqrt((data.centrality[id]?.pagerank ?? 0) / maxRank),
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
            'font-size': 12,
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
        { selector: 'node:selected, node.hover', style: { label: 'data(name)', 'border-color': '#f4b400', 'border-width': 3, 'z-index': 10 } },
        { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', opacity: 0.85 } },
        { selector: 'edge[sign > 0]', style: { 'line-color': '#2e8b57' } },
        { selector: 'edge[sign < 0]', style: { 'line-color': '#c0392b', 'line-style': 'dashed' } },
        { selector: 'edge[frustrated > 0]', style: { 'line-color': '#e67e22' } },
      ],
      layout: { name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 24 } as cytoscape.LayoutOptions,
      minZoom: 0.3,
      maxZoom: 3,
    });
    cy.on('mouseover', 'node', (ev) => ev.target.addClass('hover'));
    cy.on('mouseout', 'node', (ev) => ev.target.removeClass('hover'));
    cy.on('tap', 'node', (ev) => ctx.focusActor(ev.target.id() as string));
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
    const layers = data.layers ?? [];
    const byLayer = new Map<string, typeof layers>();
    for (const l of layers) byLayer.set(l.layer, [...(byLayer.get(l.layer) ?? []), l]);
    replace(
      stats,
      h('dl', { class: 'kv' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h('h3', null, 'Blocs (positive ties)'),
      blocs.length
        ? h('ul', { class: 'blocs' }, ...blocs.map((b, i) => h('li', null, h('span', { class: `swatch bloc-${i % BLOC_COLORS.length}` }), b.map((id) => nameOf(data, id)).join(', '))))
        : notice('No bloc of two or more.'),
      h(
        'div',
        { class: 'legend' },
        h('div', null, h('span', { class: 'edge-pos' }), 'cooperative tie'),
        h('div', null, h('span', { class: 'edge-neg' }), 'hostile tie'),
        h('div', null, h('span', { class: 'edge-frus' }), 'frustrated: breaks the two-camp split'),
        h('div', null, h('span', { class: 'swatch grey' }), 'grey: in no bloc of two or more (no positive tie inside a bloc)'),
        h('div', null, `Node size: PageRank; labels on the ${LABELLED} most central (hover for the rest).`),
      ),
      h('h3', null, `Other layers, not alignment (${layers.length})`),
      layers.length
        ? h(
            'ul',
            { class: 'layers' },
            ...[...byLayer].flatMap(([layer, ls]) => {
              // Several relations of one type between the same pair (renewed, sourced apart) are listed once, with their number.
              const lines = new Map<string, number>();
              for (const l of ls) {
                const text = `${ctx.name(l.from)} → ${ctx.name(l.to)}: ${l.type.replace(/-/g, ' ')}`;
                lines.set(text, (lines.get(text) ?? 0) + 1);
              }
              return [...lines].map(([text, n]) => h('li', { attrs: { 'data-layer': layer } }, h('span', { class: `layer-tag l-${layer}` }, layer), ` ${text}${n > 1 ? ` (${n} relations)` : ''}`));
            }),
          )
        : notice('No dependency or brokerage relation in scope.'),
    );
  }

  const round = (x: number) => (Math.round(x * 100) / 100).toString();
  return { refresh };
}
