// Building DOM nodes safely: text always goes in as text nodes, links only to http(s), no HTML strings anywhere.
import { safeUrl } from '../model/safe-url.js';

type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
}

const FORBIDDEN_ATTR = /^(?:on|style$|srcdoc$|href$|src$)/i;

/** Creates an element; strings become text nodes, so markup in data stays inert. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [k, v] of Object.entries(props?.attrs ?? {})) {
    if (FORBIDDEN_ATTR.test(k)) throw new Error(`web/dom: attribute "${k}" must be set through its own helper`);
    el.setAttribute(k, v);
  }
  for (const [type, fn] of Object.entries(props?.on ?? {})) el.addEventListener(type, fn as EventListener);
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces the children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

export { safeUrl } from '../model/safe-url.js';

/** A link that opens an external source in a new tab without handing it our window; plain text when the URL is unsafe. */
export function externalLink(url: string | null | undefined, text: string, title?: string): HTMLElement {
  const href = safeUrl(url);
  const el = href ? h('a', { class: 'ext', attrs: { target: '_blank', rel: 'noopener noreferrer' } }, text) : h('span', { class: 'nolink' }, text);
  if (href) (el as HTMLAnchorElement).href = href;
  if (title) el.title = title;
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`web: #${id} is missing from index.html`);
  return el as T;
}

/** A muted one-line notice in a panel (loading, empty, unavailable). */
export function notice(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `notice ${kind}` }, text);
}
