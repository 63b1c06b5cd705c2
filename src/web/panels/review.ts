// Review queue: pending article extractions with the sentence each was read from, accepted or rejected by id (the reader's GET/POST /api/review).
import { api, failureText, isMissingEndpoint, type ReviewItem } from '../api.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, h, notice, replace } from '../dom.js';

export function mountReview(ctx: DashboardContext, onDecided: () => void): { refresh(): Promise<void> } {
  const body = byId('review-body');
  const count = byId('review-count');
  const panel = byId('p-review');
  let items: ReviewItem[] = [];
  byId('review-csv').append(
    csvButton(() => 'faultline-review.csv', ['kind', 'id', 'origin', 'review', 'code', 'actors', 'others', 'date', 'sentence'], () =>
      items.map((i) => [i.kind, i.id, i.origin, i.review, i.code, i.actors.map(ctx.name).join('; '), i.others.map(ctx.name).join('; '), i.date ?? '', i.sentence]),
    ),
  );

  async function refresh(): Promise<void> {
    try {
      items = (await api.review()).items.filter((i) => i.review === 'pending');
    } catch (err) {
      items = [];
      count.textContent = '';
      panel.dataset.state = isMissingEndpoint(err) ? 'unavailable' : 'error';
      replace(body, notice(isMissingEndpoint(err) ? `Review is not available in this build: ${failureText(err).replace(/^Not available in this build — /, '')}` : failureText(err), isMissingEndpoint(err) ? 'info' : 'error'));
      return;
    }
    panel.dataset.state = 'ready';
    count.textContent = `${items.length} pending`;
    replace(body, items.length ? h('ul', { class: 'review-list' }, ...items.map(row)) : notice('Nothing waits for review.'));
  }

  function row(i: ReviewItem): HTMLElement {
    const status = h('span', { class: 'review-status' });
    const decide = async (action: 'accept' | 'reject') => {
      for (const b of li.querySelectorAll('button')) b.disabled = true;
      try {
        const r = await api.decide({ action, ids: [i.id] });
        status.textContent = r.unknown.length ? `unknown id ${r.unknown.join(', ')}` : r.state;
        li.dataset.decided = r.state;
        onDecided();
      } catch (err) {
        status.textContent = failureText(err);
        for (const b of li.querySelectorAll('button')) b.disabled = false;
      }
    };
    const li = h(
      'li',
      { class: 'review-item', attrs: { 'data-review': i.id, 'data-origin': i.origin } },
      h('div', { class: 'event-head' }, h('span', { class: 'origin' }, i.kind), h('b', null, i.code), h('span', { class: 'who' }, `${i.actors.map(ctx.name).join(', ')}${i.others.length ? ` → ${i.others.map(ctx.name).join(', ')}` : ''}`), i.date ? h('time', null, i.date) : null),
      h('blockquote', { class: 'sentence' }, i.sentence),
      h(
        'div',
        { class: 'review-actions' },
        h('button', { class: 'accept', attrs: { type: 'button' }, on: { click: () => void decide('accept') } }, 'Accept'),
        h('button', { class: 'reject', attrs: { type: 'button' }, on: { click: () => void decide('reject') } }, 'Reject'),
        status,
      ),
    );
    return li;
  }

  return { refresh };
}
