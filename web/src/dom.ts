/**
 * DOM helpers. Every string becomes a text node or an attribute value: article text is
 * untrusted and is never parsed as HTML (there is no innerHTML in this UI).
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  attrs?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [name, listener] of Object.entries(props.on ?? {})) {
    if (listener) el.addEventListener(name, listener);
  }
  append(el, children);
  return el;
}

/** A link that runs `action` in the page instead of going anywhere. */
export function actionLink(text: Child, action: () => void, title?: string): HTMLAnchorElement {
  return h(
    "a",
    {
      attrs: { href: "#" },
      ...(title ? { title } : {}),
      on: {
        click: (e) => {
          e.preventDefault();
          action();
        },
      },
    },
    text,
  );
}

const SVG = "http://www.w3.org/2000/svg";

export function s(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: Child[]
): SVGElement {
  const el = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(
      typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link only for http(s) URLs: an article's `url` is untrusted (javascript: stays text). */
export function safeLink(url: string | null, text: string): Node {
  if (url && /^https?:\/\//i.test(url)) {
    return h(
      "a",
      { attrs: { href: url, rel: "noopener noreferrer nofollow", target: "_blank" } },
      text,
    );
  }
  return document.createTextNode(text);
}
