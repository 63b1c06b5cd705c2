// Theses board: hypotheses grouped by the question they answer (the paper's thesis beside its rivals), each with its verdict, its score and the parts that make it, the reason in words, and which single item would change the verdict.
import { api, failureText, type AchResult, type IndicatorResult, type ThesisWithVerdict } from '../api.js';
import type { DashboardContext } from '../context.js';
import { byId, externalLink, h, notice, replace } from '../dom.js';
import { itemLabel, questionTitle } from '../evidence-items.js';
import { scopeText } from '../scope.js';

/** The verdict word of an evaluation. */
export function verdictWord(v: ThesisWithVerdict['verdict']): string {
  return v ? v.verdict : 'not evaluated';
}

/** A CSS class fragment for a word: "insufficient evidence" → "insufficientevidence". */
export const cssWord = (w: string) => w.replace(/[^a-z-]/gi, '');

const signed = (x: number, digits = 1) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

/** Questions in the order their first hypothesis comes, each with its paper theses first and then its rivals. */
export function groupByQuestion(theses: readonly ThesisWithVerdict[]): { question: string; theses: ThesisWithVerdict[] }[] {
  const groups = new Map<string, ThesisWithVerdict[]>();
  for (const t of theses) {
    const q = t.verdict?.question ?? t.question ?? t.id;
    groups.set(q, [...(groups.get(q) ?? []), t]);
  }
  const role = (t: ThesisWithVerdict) => ((t.verdict?.role ?? t.role) === 'paper' ? 0 : 1);
  return [...groups].map(([question, ts]) => ({ question, theses: [...ts].sort((a, b) => role(a) - role(b) || a.title.localeCompare(b.title)) }));
}

/** The scope the board was asked in, as the other panels state theirs. */
export function stateScope(ctx: DashboardContext): string {
  const s = ctx.scope.state;
  return scopeText({ origins: [...s.origins], region: s.region, parties: null, minConfidence: s.minConfidence, includeAlleged: s.includeAlleged, from: null, to: null }, (id) => ctx.scope.regionName(id));
}

export function mountTheses(ctx: DashboardContext): { refresh(): Promise<void> } {
  const board = byId('theses-board');
  const nLine = byId('theses-n');
  let seq = 0;
  let drawnKey = '';

  async function refresh(): Promise<void> {
    // Theses do not follow the period (each indicator names its own window): redraw only when the scope changed.
    const key = JSON.stringify(ctx.scope.params());
    if (key === drawnKey) return;
    const mine = ++seq;
    board.dataset.state = 'loading';
    let theses: ThesisWithVerdict[];
    try {
      theses = await api.theses(ctx.scope.params());
    } catch (err) {
      if (mine === seq) {
        replace(board, notice(failureText(err), 'error'));
        board.dataset.state = 'error';
      }
      return;
    }
    if (mine !== seq) return;
    drawnKey = key;
    const groups = groupByQuestion(theses);
    const counts = new Map<string, number>();
    for (const t of theses) counts.set(verdictWord(t.verdict), (counts.get(verdictWord(t.verdict)) ?? 0) + 1);
    nLine.textContent =
      `n = ${theses.length} hypotheses on ${groups.length} questions · ` +
      ['supported', 'contradicted', 'mixed', 'insufficient evidence', 'not evaluated'].filter((w) => counts.get(w)).map((w) => `${counts.get(w)} ${w}`).join(', ') +
      ` · ${stateScope(ctx)}`;
    // One scale for every bar of the board, so that parts compare across theses.
    const scale = Math.max(1, ...theses.flatMap((t) => [Math.abs(t.verdict?.score ?? 0), t.verdict?.threshold ?? 0, ...(t.verdict?.indicators ?? []).map((i) => Math.abs(i.contribution))]));
    const changeSlots = new Map<string, HTMLElement>();
    replace(
      board,
      ...(groups.length
        ? groups.map((g) => question(g.question, g.theses, scale, changeSlots))
        : [notice('No theses in the knowledge base.')]),
    );
    board.dataset.state = 'ready';
    // What would change each verdict comes with the ACH matrix (sensitivity is slower); the cards fill in when it arrives.
    try {
      const ach = await ctx.ach();
      if (mine !== seq) return;
      showChanges(ach, changeSlots);
    } catch (err) {
      if (mine !== seq) return;
      for (const slot of changeSlots.values()) replace(slot, h('b', null, 'What would change this: '), failureText(err));
    }
    board.dataset.sensitivity = 'ready';
  }

  function question(q: string, ts: ThesisWithVerdict[], scale: number, slots: Map<string, HTMLElement>): HTMLElement {
    const papers = ts.filter((t) => (t.verdict?.role ?? t.role) === 'paper').length;
    const rivals = ts.length - papers;
    return h(
      'section',
      { class: 'question', attrs: { 'data-question': q } },
      h('h3', { class: 'question-title' }, questionTitle(q), h('span', { class: 'muted' }, ` · ${papers ? `the paper's thesis` : 'no paper thesis'}${rivals ? ` and ${rivals} rival${rivals === 1 ? '' : 's'}` : ', no rival'}`)),
      h('div', { class: 'rivals' }, ...ts.map((t) => card(t, scale, slots))),
    );
  }

  function card(t: ThesisWithVerdict, scale: number, slots: Map<string, HTMLElement>): HTMLElement {
    const v = t.verdict;
    const word = verdictWord(v);
    const role = v?.role ?? t.role ?? 'paper';
    const slot = h('div', { class: 'change', attrs: { 'data-change': t.id } }, h('b', null, 'What would change this: '), h('span', { class: 'muted' }, 'testing each item…'));
    slots.set(t.id, slot);
    const driver = v?.driver ? v.indicators.find((i) => i.id === v.driver) : undefined;
    return h(
      'article',
      { class: `thesis role-${role}`, attrs: { 'data-thesis': t.id, 'data-role': role, 'data-verdict': word } },
      h('header', null, h('span', { class: `role-tag r-${role}` }, role === 'paper' ? 'paper' : 'rival'), h('h4', null, t.title), h('span', { class: `verdict v-${cssWord(word)}` }, word)),
      h('p', { class: 'statement' }, t.statement),
      v
        ? h(
            'div',
            { class: 'score-line' },
            'Score ',
            h('b', { class: 'score', attrs: { 'data-score': String(v.score) } }, `${signed(v.score)} nats`),
            h('span', { class: 'muted' }, ` · supported at ≥ +${v.threshold}, contradicted at ≤ −${v.threshold}; ${v.consistent} indicator${v.consistent === 1 ? '' : 's'} consistent, ${v.inconsistent} inconsistent`),
          )
        : null,
      v ? h('p', { class: 'reason' }, reasonText(v.reason, v.indicators), driver ? ` Main driver: ${driver.description}` : '') : h('p', { class: 'reason muted' }, 'Not evaluated.'),
      v ? parts(v.indicators, v.score, v.threshold, scale) : null,
      slot,
      t.sources.length ? h('footer', null, 'Sources: ', ...t.sources.map((id) => externalLink(ctx.sources.get(id)?.url, ctx.sources.get(id)?.title ?? id))) : null,
    );
  }

  /** Each indicator's contribution as a bar either side of zero, and the score below them with the thresholds marked. */
  function parts(indicators: IndicatorResult[], score: number, threshold: number, scale: number): HTMLElement {
    return h(
      'ul',
      { class: 'parts' },
      ...indicators.map((ind) => {
        const li = h(
          'li',
          { class: `part${ind.diagnostic ? '' : ' nondiag'}`, attrs: { 'data-indicator': ind.id, 'data-contribution': String(ind.contribution) } },
          h('span', { class: `ind o-${cssWord(ind.consistency)}` }, ind.consistency),
          bar(ind.contribution, scale),
          h('span', { class: 'num' }, signed(ind.contribution)),
          h(
            'span',
            { class: 'desc' },
            ind.description,
            h('span', { class: 'muted' }, ` · weight ${ind.weight}${ind.family ? ` · ${ind.family}` : ''}${ind.diagnostic ? '' : ' · non-diagnostic: moves nothing'}`),
          ),
        );
        li.title = [ind.note, ind.rationale ? `Why this threshold: ${ind.rationale}` : ''].filter(Boolean).join('\n');
        return li;
      }),
      h('li', { class: 'part total' }, h('span', { class: 'ind' }, 'score'), bar(score, scale, threshold), h('span', { class: 'num' }, signed(score)), h('span', { class: 'desc muted' }, 'sum of the weighted log-likelihood ratios, nats')),
    );
  }

  /** A diverging bar: the half of the sign holds a fill as long as |x| on the board's scale; thresholds as ticks. */
  function bar(x: number, scale: number, threshold?: number): HTMLElement {
    const fill = h('span', { class: `fill ${x >= 0 ? 'pos' : 'neg'}` });
    fill.style.width = `${Math.min(100, (Math.abs(x) / scale) * 100)}%`;
    const el = h('span', { class: 'bar', attrs: { 'aria-label': `contribution ${signed(x)}` } }, h('span', { class: 'half left' }, x < 0 ? fill : null), h('span', { class: 'half right' }, x >= 0 ? fill : null));
    if (threshold !== undefined && threshold > 0) {
      for (const side of ['left', 'right'] as const) {
        const tick = h('span', { class: `tick ${side}` });
        tick.style.setProperty('--at', `${Math.min(100, (threshold / scale) * 100) / 2}%`);
        el.append(tick);
      }
    }
    return el;
  }

  function showChanges(ach: AchResult, slots: Map<string, HTMLElement>): void {
    const items = new Map(ach.evidence.map((e) => [e.id, e]));
    const titles = new Map(ach.hypotheses.map((x) => [x.id, x.title]));
    const t = (id: string) => titles.get(id) ?? id;
    const label = (id: string, fallback: string) => {
      const item = items.get(id);
      return item ? itemLabel(item, ctx.name) : fallback;
    };
    for (const [id, slot] of slots) {
      const s = ach.sensitivity?.find((x) => x.thesis === id);
      if (!s) {
        replace(slot, h('b', null, 'What would change this: '), h('span', { class: 'muted' }, 'not tested in this build.'));
        continue;
      }
      const untested = s.untested ? ` ${s.untested} item${s.untested === 1 ? '' : 's'} could not be removed one by one (dataset counts).` : '';
      if (s.changes.length === 0) {
        replace(slot, h('b', null, 'What would change this: '), `no single evidence item — removing any one leaves the verdict ${s.verdict}.${untested}`);
        continue;
      }
      const line = (c: (typeof s.changes)[number]) => {
        const text = label(c.item, c.label);
        // An event can be opened in the evidence panel with its sources.
        const what =
          items.get(c.item)?.kind === 'event'
            ? h('button', { class: 'linkish', attrs: { type: 'button', title: 'list this event with its sources' }, on: { click: () => ctx.showEvidence({ kind: 'ids', title: 'Evidence that would change a verdict', note: `without it, “${t(id)}” would be ${c.verdict}`, ids: [c.item] }) } }, `“${text}”`)
            : `“${text}”`;
        return h('li', { attrs: { 'data-item': c.item } }, 'without ', what, ' it would be ', h('span', { class: `verdict v-${cssWord(c.verdict)}` }, c.verdict), ` (${signed(c.score)} nats)`);
      };
      const shown = s.changes.slice(0, 3);
      const rest = s.changes.slice(3);
      replace(
        slot,
        h('b', null, 'What would change this: '),
        s.changes.length === 1 ? `one item would change it on its own.${untested}` : `${s.changes.length} items would each change it on their own.${untested}`,
        h('ul', { class: 'changes' }, ...shown.map(line)),
        rest.length ? h('details', null, h('summary', null, `${rest.length} more`), h('ul', { class: 'changes' }, ...rest.map(line))) : null,
      );
    }
  }

  return { refresh };
}

/**
 * The measure's reason as a sentence an analyst reads: without the score the line above states, indicator ids replaced
 * by what the indicator says, capitalised, with a full stop.
 */
export function reasonText(reason: string, indicators: readonly Pick<IndicatorResult, 'id' | 'description'>[]): string {
  let t = reason.trim().replace(/^score [+\-−]?[\d.]+ nats \(threshold ±[\d.]+\)[:,]?\s*/i, '');
  for (const ind of indicators) {
    const what = ind.description.replace(/\.$/, '');
    t = t.split(ind.id).join(`“${what.length > 70 ? `${what.slice(0, 69)}…` : what}”`);
  }
  if (!t) return '';
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
