// ACH matrix (Heuer): every evidence item against every hypothesis, C/I/NA/? by the rule shown above it; diagnostic items first (or only), hypotheses grouped by question; a click on an event or claim lists it with its sources.
import { api, failureText, type AchResult } from '../api.js';
import type { DashboardContext } from '../context.js';
import { csvButton } from '../csv.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';
import { eventItem } from '../event-list.js';
import { KIND_LABEL, itemLabel, questionTitle, sortItems, type AchItem } from '../evidence-items.js';
import { cssWord, stateScope } from './theses.js';

/** Rows drawn at first; the rest come on request (the matrix stays quick with thousands of dataset rows). */
export const ROW_LIMIT = 500;

const CELL_TEXT: Readonly<Record<string, string>> = { C: 'consistent', I: 'inconsistent', NA: 'not applicable', '?': 'not evaluated' };
const CELL_CLASS: Readonly<Record<string, string>> = { C: 'c-c', I: 'c-i', NA: 'c-na', '?': 'c-q' };
const VERDICT_MARK: Readonly<Record<string, string>> = { supported: '✓', contradicted: '✗', mixed: '±', 'insufficient evidence': '…' };

/** Hypotheses in column order: by question (in the order questions first appear), the paper's thesis before its rivals. */
export function columnOrder(hs: AchResult['hypotheses']): AchResult['hypotheses'] {
  const first = new Map<string, number>();
  hs.forEach((x, i) => first.has(x.question) || first.set(x.question, i));
  return [...hs].sort((a, b) => first.get(a.question)! - first.get(b.question)! || (a.role === b.role ? a.title.localeCompare(b.title) : a.role === 'paper' ? -1 : 1));
}

export function mountAch(ctx: DashboardContext): { refresh(): Promise<void> } {
  const panel = byId('p-ach');
  const wrap = byId('ach-wrap');
  const nLine = byId('ach-n');
  const rule = byId('ach-rule');
  const count = byId('ach-count');
  const diagnosticOnly = byId<HTMLInputElement>('ach-diagnostic');
  const filter = byId<HTMLInputElement>('ach-filter');
  let data: AchResult | null = null;
  let limit = ROW_LIMIT;
  let seq = 0;
  let pick = 0;
  let shown: AchItem[] = [];
  let asked: Promise<AchResult> | null = null;
  const detail = byId('ach-detail');

  diagnosticOnly.addEventListener('change', () => {
    limit = ROW_LIMIT;
    draw();
  });
  filter.addEventListener('input', () => {
    limit = ROW_LIMIT;
    draw();
  });

  const columns = () => (data ? columnOrder(data.hypotheses) : []);
  // The header depends on the hypotheses, so the button is rebuilt with each answer.
  function csvSlot(): void {
    const cols = columns();
    replace(
      byId('ach-csv'),
      csvButton(
        () => `faultline-ach${diagnosticOnly.checked ? '-diagnostic' : ''}.csv`,
        ['id', 'kind', 'evidence', 'diagnostic', ...cols.map((c) => c.id)],
        () => shown.map((e) => [e.id, e.kind, itemLabel(e, ctx.name), e.diagnostic, ...cols.map((c) => e.cells[c.id] ?? 'NA')]),
      ),
    );
  }

  async function refresh(): Promise<void> {
    const answer = ctx.ach();
    // The period does not change the matrix: keep the analyst's rows, filter and scroll when only it moved.
    if (answer === asked && data) return;
    asked = answer;
    const mine = ++seq;
    panel.dataset.state = 'loading';
    replace(wrap, notice('Scoring every item against every hypothesis…'));
    try {
      data = await answer;
    } catch (err) {
      if (mine !== seq) return;
      data = null;
      replace(wrap, notice(failureText(err), 'error'));
      panel.dataset.state = 'error';
      return;
    }
    if (mine !== seq) return;
    rule.textContent = `Rule: ${data.rule}`;
    limit = ROW_LIMIT;
    csvSlot();
    draw();
    panel.dataset.state = 'ready';
  }

  function draw(): void {
    if (!data) return;
    const cols = columns();
    const diagnostic = data.evidence.filter((e) => e.diagnostic).length;
    const needle = filter.value.trim().toLowerCase();
    const candidates = sortItems(data.evidence.filter((e) => !diagnosticOnly.checked || e.diagnostic));
    shown = needle ? candidates.filter((e) => `${e.id} ${itemLabel(e, ctx.name)}`.toLowerCase().includes(needle)) : candidates;
    const drawn = shown.slice(0, limit);
    const kinds = new Map<string, number>();
    for (const e of data.evidence) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    count.textContent = `${shown.length} rows × ${cols.length} hypotheses`;
    nLine.textContent =
      `n = ${data.evidence.length} evidence items (${[...kinds].map(([k, n]) => `${n} ${KIND_LABEL[k] ?? k}`).join(', ')}), ${diagnostic} diagnostic · ` +
      `${diagnosticOnly.checked ? `showing the diagnostic ones` : 'showing all, diagnostic first'}${needle ? `, ${shown.length} matching “${filter.value.trim()}”` : ''} · ${stateScope(ctx)}`;
    const verdicts = new Map(data.verdicts.map((v) => [v.id, v]));
    // Alternate shading per question so that a paper thesis and its rivals read as one block of columns.
    const questions = [...new Set(cols.map((c) => c.question))];
    const band = (q: string) => `qb-${questions.indexOf(q) % 2}`;
    const startsQuestion = (i: number) => i === 0 || cols[i - 1].question !== cols[i].question;
    const head = h(
      'tr',
      null,
      h(
        'th',
        { class: 'corner', attrs: { scope: 'col' } },
        h('span', null, 'Evidence item'),
        h('span', { class: 'muted small' }, 'Cells: C consistent · I inconsistent · NA not applicable · ? not evaluated'),
        h('span', { class: 'muted small' }, 'Heads: ✓ supported · ✗ contradicted · ± mixed · … insufficient evidence; the number counts inconsistent items'),
      ),
      ...cols.map((c, i) => {
        const v = verdicts.get(c.id);
        const th = h(
          'th',
          { class: `hyp ${band(c.question)}${startsQuestion(i) ? ' q-start' : ''} r-${c.role}`, attrs: { scope: 'col', 'data-hypothesis': c.id } },
          h('span', { class: 'hyp-title' }, c.title),
          h('span', { class: `hyp-verdict v-${cssWord(v?.verdict ?? '')}` }, VERDICT_MARK[v?.verdict ?? ''] ?? '·'),
          h('span', { class: 'hyp-inc', attrs: { title: 'inconsistent items (Heuer: the hypothesis with the fewest is the most likely)' } }, String(data!.inconsistency[c.id] ?? 0)),
        );
        th.title = `${c.title}\n${c.role === 'paper' ? "The paper's thesis" : 'Rival'} on: ${questionTitle(c.question)}\nVerdict: ${v ? `${v.verdict} (${v.score >= 0 ? '+' : ''}${v.score} nats)` : '—'}\nInconsistent items: ${data!.inconsistency[c.id] ?? 0}`;
        return th;
      }),
    );
    const body = h(
      'tbody',
      null,
      ...drawn.map((e) => {
        const label = itemLabel(e, ctx.name);
        const clickable = e.kind === 'event' || e.kind === 'claim';
        const tr = h(
          'tr',
          { class: `${e.diagnostic ? 'diag' : 'nondiag'}${clickable ? ' clickable' : ''}`, attrs: { 'data-item': e.id, 'data-kind': e.kind, 'data-diagnostic': String(e.diagnostic) } },
          h('th', { class: 'item', attrs: { scope: 'row' } }, h('span', { class: `kind k-${e.kind}` }, KIND_LABEL[e.kind] ?? e.kind), h('span', { class: 'item-label' }, label)),
          ...cols.map((c, i) => {
            const cell = e.cells[c.id] ?? 'NA';
            const td = h('td', { class: `cell ${CELL_CLASS[cell]} ${band(c.question)}${startsQuestion(i) ? ' q-start' : ''}`, attrs: { 'data-cell': cell, 'data-hypothesis': c.id } }, cell);
            td.title = `${CELL_TEXT[cell]} with “${c.title}”`;
            return td;
          }),
        );
        tr.title = `${label}\n${e.id}${e.diagnostic ? '' : '\nnon-diagnostic: consistent with every hypothesis that reads it, moves no verdict'}${clickable ? '\nclick to list it with its sources' : ''}`;
        if (clickable) {
          tr.tabIndex = 0;
          const open = () => void select(tr, e);
          tr.addEventListener('click', open);
          tr.addEventListener('keydown', (ev) => {
            if (ev.key === 'Enter' || ev.key === ' ') {
              ev.preventDefault();
              open();
            }
          });
        }
        return tr;
      }),
    );
    replace(
      wrap,
      shown.length
        ? h('table', { class: 'ach', attrs: { id: 'ach-table' } }, h('thead', null, head), body)
        : notice(needle ? 'No evidence item matches the filter.' : 'No evidence items in this scope.'),
      shown.length > drawn.length
        ? h('p', { class: 'more' }, `${drawn.length} of ${shown.length} rows drawn. `, h('button', { class: 'csv', attrs: { type: 'button', id: 'ach-more' }, on: { click: () => ((limit = shown.length), draw()) } }, `draw all ${shown.length}`))
        : null,
    );
  }

  async function select(tr: HTMLElement, e: AchItem): Promise<void> {
    for (const x of wrap.querySelectorAll('tr.selected')) x.classList.remove('selected');
    tr.classList.add('selected');
    const reads = Object.entries(e.cells).filter(([, v]) => v !== 'NA').length;
    const note = `${e.diagnostic ? 'diagnostic' : 'non-diagnostic'} item of the ACH matrix, read by ${reads} of ${Object.keys(e.cells).length} hypotheses`;
    const mine = ++pick;
    detail.dataset.state = 'loading';
    detail.dataset.item = e.id;
    replace(detail, notice('Loading…'));
    const cells = (): HTMLElement =>
      h('p', { class: 'muted small' }, `${note}: `, columns().filter((c) => (e.cells[c.id] ?? 'NA') !== 'NA').map((c) => `${c.title} ${e.cells[c.id]}`).join(' · ') || 'none');
    try {
      if (e.kind === 'event') {
        // The event as the timeline shows it: day, class, who, summary, origin and source links.
        const r = await api.eventsById([e.id]);
        if (mine !== pick) return;
        replace(
          detail,
          h('h3', null, 'Event behind the row'),
          r.events.length ? h('ol', { class: 'events', attrs: { id: 'ach-detail-list' } }, ...r.events.map((x) => eventItem(ctx, x))) : notice(`No stored event has the id ${e.id}.`),
          cells(),
        );
      } else {
        // A claim: its statement, status and who made it, with its sources.
        const id = e.id.replace(/^claim:/, '');
        const claims = await api.claims({});
        if (mine !== pick) return;
        const c = claims.find((x) => x.id === id);
        replace(
          detail,
          h('h3', null, 'Claim behind the row'),
          c
            ? h(
                'div',
                { class: 'claim-detail', attrs: { id: 'ach-detail-claim' } },
                h('p', { class: 'statement' }, c.statement),
                h('p', { class: 'claim-parties' }, `${c.date?.start ?? 'undated'} · ${c.status} · by ${c.claimant.map(ctx.name).join(', ')}${c.deniedBy.length ? ` · denied by ${c.deniedBy.map(ctx.name).join(', ')}` : ''}`),
                h('div', { class: 'sources' }, ...c.sources.map((sid, i) => externalLink(ctx.sources.get(sid)?.url, `[${i + 1}] ${ctx.sources.get(sid)?.outlet ?? ctx.sources.get(sid)?.title ?? sid}`, ctx.sources.get(sid)?.title ?? sid))),
              )
            : notice(`No claim has the id ${id}.`),
          cells(),
        );
      }
    } catch (err) {
      if (mine === pick) replace(detail, notice(failureText(err), 'error'));
    }
    if (mine === pick) detail.dataset.state = 'ready';
  }

  return { refresh };
}
