// Dashboard entry: loads the region, builds the shared scope and context, wires the scope bar and mounts every panel.
import { api, failureText, type AchResult } from './api.js';
import { buildNames, type DashboardContext, type EvidenceRequest } from './context.js';
import { byId, h, notice, replace } from './dom.js';
import { trackTopbar } from './layout.js';
import { PeriodControl } from './period.js';
import { ORIGINS, ScopeControl, type Origin } from './scope.js';
import { mountAch } from './panels/ach.js';
import { mountActor } from './panels/actor.js';
import { mountBalance } from './panels/balance.js';
import { mountClaims } from './panels/claims.js';
import { mountDyad } from './panels/dyad.js';
import { mountEvidence } from './panels/evidence.js';
import { mountMap } from './panels/map.js';
import { mountNetwork } from './panels/network.js';
import { mountReview } from './panels/review.js';
import { mountScenarios } from './panels/scenarios.js';
import { mountStructural } from './panels/structural.js';
import { mountTheses } from './panels/theses.js';
import { mountTimeline } from './panels/timeline.js';

async function boot(): Promise<void> {
  trackTopbar();
  const [region, actors, sources] = await Promise.all([api.region(), api.actors(), api.sources()]);
  const first = Number((region.span.first ?? String(new Date().getFullYear())).slice(0, 4));
  const last = Number((region.span.last ?? String(new Date().getFullYear())).slice(0, 4));
  const period = new PeriodControl(first, last);
  const home = region.regions[0];
  const scope = new ScopeControl(
    { origins: [...ORIGINS], region: home ? home.id : 'world', minConfidence: 0.5, includeAlleged: false },
    period,
    new Map(region.regions.map((r) => [r.id, r.name])),
  );
  const { name, parties } = buildNames(actors);
  let timeline: ReturnType<typeof mountTimeline> | null = null;
  let actor: ReturnType<typeof mountActor> | null = null;
  let evidence: ReturnType<typeof mountEvidence> | null = null;
  // One ACH answer (with sensitivity) per scope, shared by the theses board and the matrix.
  let achKey = '';
  let achAnswer: Promise<AchResult> | null = null;
  const ctx: DashboardContext = {
    region,
    actors,
    sources: new Map(sources.map((s) => [s.id, s])),
    period,
    scope,
    name,
    parties,
    focusActor: (id) => {
      void timeline?.focus(id);
      void actor?.open(id);
    },
    showEvidence: (req: EvidenceRequest) => void evidence?.show(req),
    ach: () => {
      const key = JSON.stringify(scope.params());
      if (key !== achKey || !achAnswer) {
        achKey = key;
        achAnswer = api.ach({ ...scope.params(), sensitivity: true });
        achAnswer.catch(() => {
          if (achKey === key) achAnswer = null;
        });
      }
      return achAnswer;
    },
  };

  byId('region-name').textContent = home ? home.name : 'No region loaded';
  byId('region-meta').textContent = `${region.counts.events ?? 0} events · ${region.counts.actors ?? 0} actors · ${region.counts.claims ?? 0} claims · ${region.counts.sources ?? 0} sources`;
  byId('region-span').textContent = region.span.first ? `data ${region.span.first} – ${region.span.last}` : 'no dated events';
  wireScopeBar(ctx);

  const network = mountNetwork(ctx);
  timeline = mountTimeline(ctx);
  const dyad = mountDyad(ctx);
  evidence = mountEvidence(ctx);
  const map = mountMap(ctx);
  actor = mountActor(ctx);
  const structural = mountStructural(ctx);
  const claims = mountClaims(ctx);
  const balanceYears = mountBalance(ctx);
  const theses = mountTheses(ctx);
  const ach = mountAch(ctx);
  const scenarios = mountScenarios(ctx);
  const review = mountReview(ctx, () => {
    void timeline!.refresh();
    void dyad.refresh();
  });

  // Slider moves arrive quickly; redraw once they settle.
  let timer: ReturnType<typeof setTimeout> | undefined;
  scope.onChange(() => {
    byId('period-label').textContent = period.current.label;
    document.body.dataset.ready = 'busy';
    clearTimeout(timer);
    timer = setTimeout(() => {
      void Promise.all([network.refresh(), timeline!.refresh(), dyad.refresh(), map.refresh(), actor!.refresh(), structural.refresh(), balanceYears.refresh(), theses.refresh(), ach.refresh()]).then(() => {
        document.body.dataset.ready = 'true';
      });
    }, 120);
  });

  await Promise.all([network.refresh(), timeline.refresh(), dyad.refresh(), map.refresh(), structural.refresh(), balanceYears.refresh(), claims.refresh(), theses.refresh(), ach.refresh(), scenarios.refresh(), review.refresh()]);
  document.body.dataset.ready = 'true';
}

/** Binds the scope bar's controls to the scope: region, origins (at least one), least confidence, alleged events, period. */
function wireScopeBar(ctx: DashboardContext): void {
  const { scope, period } = ctx;
  const regionSel = byId<HTMLSelectElement>('scope-region');
  replace(regionSel, ...ctx.region.regions.map((r) => h('option', { attrs: { value: r.id } }, r.name)), h('option', { attrs: { value: 'world' } }, 'World (no regional filter)'));
  regionSel.value = scope.state.region;
  regionSel.addEventListener('change', () => scope.set({ region: regionSel.value }));

  const origins = byId('scope-origins');
  origins.addEventListener('change', (ev) => {
    const boxes = [...origins.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const on = boxes.filter((b) => b.checked).map((b) => b.value as Origin);
    if (on.length === 0) {
      (ev.target as HTMLInputElement).checked = true;
      return;
    }
    scope.set({ origins: ORIGINS.filter((o) => on.includes(o)) });
  });

  const conf = byId<HTMLSelectElement>('scope-confidence');
  conf.value = String(scope.state.minConfidence);
  conf.addEventListener('change', () => scope.set({ minConfidence: Number(conf.value) }));
  const alleged = byId<HTMLInputElement>('scope-alleged');
  alleged.checked = scope.state.includeAlleged;
  alleged.addEventListener('change', () => scope.set({ includeAlleged: alleged.checked }));

  const slider = byId<HTMLInputElement>('period-end');
  const windowSel = byId<HTMLSelectElement>('period-window');
  slider.min = String(period.first);
  slider.max = String(period.last);
  slider.value = String(period.last);
  windowSel.value = String(period.windowYears);
  if (!windowSel.value) windowSel.value = '5';
  byId('period-label').textContent = period.current.label;
  slider.addEventListener('input', () => period.set(Number(slider.value), Number(windowSel.value)));
  windowSel.addEventListener('change', () => period.set(Number(slider.value), Number(windowSel.value)));
}

boot().catch((err: unknown) => {
  replace(byId('boot-error'), notice(`The dashboard could not load: ${failureText(err)}`, 'error'));
  document.body.dataset.ready = 'error';
});
