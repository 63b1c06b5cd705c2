// Theses board: each thesis of the region's paper with the verdict its indicators give.
import { api, failureText, type ThesisWithVerdict } from '../api.js';
import type { DashboardContext } from '../context.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';

/** The verdict word of an evaluation, whatever its exact shape. */
export function verdictWord(v: Record<string, unknown> | null): string {
  if (!v) return 'not evaluated';
  for (const k of ['verdict', 'status', 'result']) if (typeof v[k] === 'string') return v[k] as string;
  return 'evaluated';
}

export function mountTheses(ctx: DashboardContext): { refresh(): Promise<void> } {
  const board = byId('theses-board');

  async function refresh(): Promise<void> {
    let theses: ThesisWithVerdict[];
    try {
      theses = await api.theses(ctx.scope.params());
    } catch (err) {
      replace(board, notice(failureText(err), 'error'));
      return;
    }
    replace(board, ...(theses.length ? theses.map(card) : [notice('No theses in the knowledge base.')]));
  }

  function card(t: ThesisWithVerdict): HTMLElement {
    const word = verdictWord(t.verdict);
    const indicators = Array.isArray(t.verdict?.indicators) ? (t.verdict!.indicators as Record<string, unknown>[]) : [];
    return h(
      'article',
      { class: 'thesis', attrs: { 'data-thesis': t.id } },
      h('header', null, h('h3', null, t.title), h('span', { class: `verdict v-${word.replace(/[^a-z-]/gi, '')}` }, word)),
      h('p', null, t.statement),
      h(
        'ul',
        { class: 'indicators' },
        ...t.indicators.map((ind, i) => {
          const r = indicators[i];
          const consistency = typeof r?.consistency === 'string' ? r.consistency : 'not evaluated';
          const li = h('li', null, h('span', { class: `ind o-${consistency.replace(/[^a-z]/gi, '')}` }, consistency), ' ', ind.description);
          if (typeof r?.note === 'string') li.title = r.note;
          return li;
        }),
      ),
      h('footer', null, ...t.sources.map((id) => externalLink(ctx.sources.get(id)?.url, ctx.sources.get(id)?.title ?? id))),
    );
  }

  return { refresh };
}
