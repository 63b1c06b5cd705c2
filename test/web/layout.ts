// Layout checks the browser tests share: element boxes, overlaps between them, and whether a title is hidden under something else.
import type { Page } from 'playwright-core';

export interface Box {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The area two boxes share (0 when they only touch). */
export const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Every pair of boxes that share more than `tolerance` square pixels. */
export function clashes(boxes: readonly Box[], tolerance = 1): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j]) > tolerance) out.push(`${boxes[i].what} × ${boxes[j].what}`);
  return out;
}

/** The page-coordinate boxes of the elements a selector matches, named by id, data attributes or text. */
export function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (els) =>
    els.map((e, i) => {
      const r = e.getBoundingClientRect();
      const el = e as HTMLElement;
      const name = el.id || el.dataset.thesis || el.dataset.hypothesis || el.dataset.item || (el.textContent ?? '').trim().slice(0, 30);
      return { what: `${e.tagName.toLowerCase()}[${i}] ${name}`, x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width, h: r.height };
    }),
  );
}

/** Null when the element's title is on screen and is what the pointer would hit at its start and middle; else what covers it. */
export function titleCovered(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (title) => {
    const r = title.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight) return `off screen (top ${r.top})`;
    for (const fx of [0.1, 0.5]) {
      const hit = document.elementFromPoint(r.left + Math.min(r.width, 120) * fx + 1, r.top + r.height / 2);
      if (!hit || !(title === hit || title.contains(hit))) return `covered by ${hit?.tagName ?? 'nothing'}${hit?.className ? `.${hit.className}` : ''}`;
    }
    return null;
  });
}
