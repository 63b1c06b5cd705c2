// Keeps panel titles clear of the sticky top bar: the page's scroll padding follows the bar's height (CSSOM, which the CSP allows).
import { byId } from './dom.js';

/** Sets `--topbar-h` on the root to the sticky bar's height (0 when the bar is not sticky), now and whenever it changes. */
export function trackTopbar(): void {
  const bar = byId('topbar');
  const root = document.documentElement;
  const update = () => {
    const sticky = getComputedStyle(bar).position === 'sticky';
    root.style.setProperty('--topbar-h', `${sticky ? Math.ceil(bar.getBoundingClientRect().height) : 0}px`);
  };
  new ResizeObserver(update).observe(bar);
  window.addEventListener('resize', update);
  update();
}
