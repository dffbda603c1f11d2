// Small DOM helpers. Everything the page shows from a response goes in as text (never as HTML), so no
// answer, however odd, can put markup or script into the page.

type Child = Node | string | undefined | false;

/** An element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** The element with this id, of this type; the page's markup is the build's, so a missing one is a bug. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) {
    throw new Error(`console: the page has no ${type.name} #${id}`);
  }
  return element;
}

/** A definition list of label/value pairs, leaving out the pairs without a value. */
export function definitions(pairs: [string, string | number | undefined][]): HTMLDListElement {
  const list = h('dl');
  for (const [term, value] of pairs) {
    if (value === undefined || value === '') {
      continue;
    }
    list.append(h('dt', {}, term), h('dd', {}, String(value)));
  }
  return list;
}
