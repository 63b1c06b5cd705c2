// Dashboard entry: loads the region, builds the shared context and mounts every panel.
import { api, failureText } from './api.js';
import { buildNames, type DashboardContext } from './context.js';
import { byId, notice, replace } from './dom.js';
import { PeriodControl } from './period.js';
import { mountClaims } from './panels/claims.js';
import { mountDyad } from './panels/dyad.js';
import { mountNetwork } from './panels/network.js';
import { mountScenarios } from './panels/scenarios.js';
import { mountTheses } from './panels/theses.js';
import { mountTimeline } from './panels/timeline.js';

async function boot(): Promise<void> {
  const [region, actors, sources] = await Promise.all([api.region(), api.actors(), api.sources()]);
  const first = Number((region.span.first ?? String(new Date().getFullYear())).slice(0, 4));
  const last = Number((region.span.last ?? String(new Date().getFullYear())).slice(0, 4));
  const period = new PeriodControl(first, last);
  const { name, parties } = buildNames(actors);
  let timeline: ReturnType<typeof mountTimeline> | null = null;
  const ctx: DashboardContext = {
    region,
    actors,
    sources: new Map(sources.map((s) => [s.id, s])),
    period,
    name,
    parties,
    focusActor: (id) => void timeline?.focus(id),
  };

  const r = region.regions[0];
  byId('region-name').textContent = r ? r.name : 'No region loaded';
  byId('region-meta').textContent = `${region.counts.events ?? 0} events · ${region.counts.actors ?? 0} actors · ${region.counts.claims ?? 0} claims · ${region.counts.sources ?? 0} sources`;
  byId('region-span').textContent = region.span.first ? `data ${region.span.first} – ${region.span.last}` : 'no dated events';

  const slider = byId<HTMLInputElement>('period-end');
  const windowSel = byId<HTMLSelectElement>('period-window');
  const label = byId('period-label');
  slider.min = String(first);
  slider.max = String(last);
  slider.value = String(last);
  windowSel.value = String(period.windowYears);
  if (!windowSel.value) windowSel.value = '5';
  label.textContent = period.current.label;
  slider.addEventListener('input', () => period.set(Number(slider.value), Number(windowSel.value)));
  windowSel.addEventListener('change', () => period.set(Number(slider.value), Number(windowSel.value)));

  const network = mountNetwork(ctx);
  timeline = mountTimeline(ctx);
  const dyad = mountDyad(ctx);
  const claims = mountClaims(ctx);
  const theses = mountTheses(ctx);
  const scenarios = mountScenarios(ctx);

  // Slider moves arrive quickly; redraw once they settle.
  let timer: ReturnType<typeof setTimeout> | undefined;
  period.onChange((p) => {
    label.textContent = p.label;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void network.refresh();
      void timeline!.refresh();
      void dyad.refresh();
    }, 120);
  });

  await Promise.all([network.refresh(), timeline.refresh(), dyad.refresh(), claims.refresh(), theses.refresh(), scenarios.refresh()]);
  document.body.dataset.ready = 'true';
}

boot().catch((err: unknown) => {
  replace(byId('boot-error'), notice(`The dashboard could not load: ${failureText(err)}`, 'error'));
  document.body.dataset.ready = 'error';
});
