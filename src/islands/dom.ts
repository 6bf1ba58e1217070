/**
 * The islands' one DOM helper. Everything is built with createElement and text nodes, never
 * innerHTML, so names and notes from storage, imports or share links cannot become markup.
 */
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function build<T extends Element>(element: T, attrs: Attrs | null, children: Child[]): T {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'number' ? String(child) : child);
  return element;
}

/** An HTML element: `h('p', {class: 'x'}, 'text', h('strong', null, 'bold'))`. */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] =>
  build(document.createElement(tag), attrs, children);

/** An SVG element; presentation attributes are allowed under the site's CSP, `style=` is not used. */
export const svg = (tag: string, attrs: Attrs | null, ...children: Child[]): SVGElement =>
  build(document.createElementNS(SVG_NS, tag) as SVGElement, attrs, children);

/**
 * A table from a header row and body rows; the first cell of each body row is a row header.
 * Wrapped in a focusable scrolling region so a wide comparison never widens the page.
 */
export function table(caption: string, head: string[], rows: Child[][], printOnly: number[] = []): HTMLElement {
  const cls = (i: number) => (printOnly.includes(i) ? 'rb-print-only' : null);
  return h(
    'div',
    { class: 'rb-scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
    h(
      'table',
      { class: 'rb-table' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, ...head.map((cell, i) => h('th', { scope: 'col', class: cls(i) }, cell)))),
      h('tbody', null, ...rows.map((row) => h('tr', null, ...row.map((cell, i) => h(i ? 'td' : 'th', { scope: i ? null : 'row', class: cls(i) }, cell))))),
    ),
  );
}

/** Offers `text` as a file to save, without leaving the page or sending it anywhere. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints with `mark` on the page's root for the print styles (they keep only the part it names). */
export function printMarked(mark: string): void {
  const page = document.documentElement.classList;
  page.add(mark);
  addEventListener('afterprint', () => page.remove(mark), { once: true });
  print();
}
