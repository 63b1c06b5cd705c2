// Contested-claims register: who asserted what, who denied it, its status and the sources.
import type { Claim } from '../../model/index.js';
import { api, failureText } from '../api.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';

export function mountClaims(ctx: DashboardContext): { refresh(): Promise<void> } {
  const body = byId('claims-body');
  const all = byId<HTMLInputElement>('claims-all');
  const count = byId('claims-count');
  all.addEventListener('change', () => void refresh());
  let shown: Claim[] = [];
  byId('claims-csv').append(
    csvButton(() => 'faultline-claims.csv', ['id', 'date', 'claim', 'status', 'claimant', 'denied_by', 'confirmed_by', 'sources', 'source_urls'], () =>
      shown.map((c) => [c.id, c.date?.start ?? '', c.statement, c.status, c.claimant.map(ctx.name).join('; '), c.deniedBy.map(ctx.name).join('; '), c.confirmedBy.map(ctx.name).join('; '), c.sources.join('; '), c.sources.map((id) => ctx.sources.get(id)?.url ?? '').filter(Boolean).join(' ')]),
    ),
  );

  async function refresh(): Promise<void> {
    let claims: Claim[];
    try {
      claims = await api.claims({ contested: all.checked ? undefined : true });
    } catch (err) {
      replace(body, h('tr', null, h('td', { attrs: { colspan: '4' } }, notice(failureText(err), 'error'))));
      return;
    }
    shown = claims;
    const sources = new Set(claims.flatMap((c) => c.sources)).size;
    count.textContent = `n = ${claims.length} claim${claims.length === 1 ? '' : 's'}, ${sources} sources · ${all.checked ? 'all claims' : 'denied or disputed'}`;
    replace(body, ...(claims.length ? claims.map(row) : [h('tr', null, h('td', { attrs: { colspan: '4' } }, notice('No claims.')))]));
  }

  function row(c: Claim): HTMLElement {
    const when = c.date ? (c.date.start === c.date.end ? c.date.start : `${c.date.start.slice(0, 7)}`) : '—';
    return h(
      'tr',
      { attrs: { 'data-claim': c.id } },
      h('td', { class: 'nowrap' }, when),
      h('td', null, h('div', { class: 'statement' }, c.statement), h('div', { class: 'claim-parties' }, `by ${c.claimant.map(ctx.name).join(', ')}`, c.deniedBy.length ? h('span', { class: 'denied' }, ` · denied by ${c.deniedBy.map(ctx.name).join(', ')}`) : null, c.confirmedBy.length ? ` · confirmed by ${c.confirmedBy.map(ctx.name).join(', ')}` : null)),
      h('td', null, h('span', { class: `status s-${c.status}` }, c.status)),
      h('td', { class: 'sources' }, ...c.sources.map((id, i) => externalLink(ctx.sources.get(id)?.url, `[${i + 1}]`, ctx.sources.get(id)?.title ?? id))),
    );
  }

  return { refresh };
}
