/**
 * The search UI, loaded only when search is opened: queries Pagefind (itself loaded from the
 * built `pagefind/` folder on first use) and renders results with their matching sections.
 * Excerpts are copied as text plus <mark> only, never as raw HTML. The dialog's filters come from
 * the index (the search page renders its own at build time).
 */
import { SEARCH_FILTERS, sortFilterValues } from '../search-filters.ts';
import { PART_FOLDER_PATTERN, PARTS_MANIFEST, SEARCH_FOLDER } from '../search-layout.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    term: string | null,
    options: { filters?: Record<string, string> },
    delayMs?: number,
  ): Promise<PagefindSearch | null>;
}

const RESULT_LIMIT = 12;
const mounted = new WeakSet<HTMLElement>();
let pagefindPromise: Promise<Pagefind> | undefined;

function loadPagefind(base: string): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const folder = `${base}${SEARCH_FOLDER}/`;
    const parts = partsOf(folder);
    // A plain variable: a template literal here would make Vite wrap the import in its preload helper.
    const script = `${folder}pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ script)) as Pagefind;
    const options = { baseUrl: base, excerptLength: 24 };
    await pagefind.options(options);
    await pagefind.init();
    // A large site's index comes in parts (src/site/search-layout.ts): one search over all of them.
    await Promise.all((await parts).map((part) => pagefind.mergeIndex(`${folder}${part}`, options)));
    return pagefind;
  })();
  return pagefindPromise;
}

/** The index's other parts, from its manifest; none when it is missing or names anything but a part folder. */
async function partsOf(folder: string): Promise<string[]> {
  try {
    // Revalidated, as Pagefind fetches its own entry file: a manifest cached from an earlier deploy
    // could name parts that are gone.
    const response = await fetch(`${folder}${PARTS_MANIFEST}`, { cache: 'no-cache' });
    const manifest = response.ok ? ((await response.json()) as { parts?: unknown }) : {};
    return Array.isArray(manifest.parts) ? manifest.parts.filter((part): part is string => typeof part === 'string' && PART_FOLDER_PATTERN.test(part)) : [];
  } catch {
    return [];
  }
}

export function mountSearch(panel: HTMLElement): void {
  if (mounted.has(panel)) return;
  mounted.add(panel);
  const base = panel.dataset.base ?? '/';
  const input = panel.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-search-results]')!;
  const selects = [...panel.querySelectorAll<HTMLSelectElement>('[data-search-filter]')];
  const form = panel.querySelector('form');
  const filterBox = panel.querySelector<HTMLElement>('[data-search-filters]');

  // The search page may be opened with ?q=… (e.g. from the no-JS form).
  const initial = new URLSearchParams(location.search);
  if (panel.dataset.searchInline !== undefined) {
    input.value = initial.get('q') ?? input.value;
    for (const select of selects) select.value = initial.get(select.name) ?? '';
  }

  const run = async (): Promise<void> => {
    const term = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.dataset.searchFilter!] = select.value;
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind(base);
      const search = await pagefind.debouncedSearch(term || null, { filters }, 120);
      if (!search) return; // superseded by a newer keystroke
      const results = await Promise.all(search.results.slice(0, RESULT_LIMIT).map((result) => result.data()));
      list.replaceChildren(...results.map(renderResult));
      const count = search.results.length;
      status.textContent =
        count === 0
          ? `No results${term ? ` for “${term}”` : ''}.`
          : `${count} result${count === 1 ? '' : 's'}${count > RESULT_LIMIT ? `, showing the first ${RESULT_LIMIT}` : ''}.`;
    } catch (error) {
      // The index is written by `npm run build`; the dev server has none.
      status.textContent = import.meta.env.DEV
        ? 'Search works in the built site: run npm run build, then npm run serve.'
        : 'Search could not load. Try reloading the page.';
      console.error(error);
    } finally {
      panel.removeAttribute('aria-busy');
    }
  };

  input.addEventListener('input', () => void run());
  for (const select of selects) select.addEventListener('change', () => void run());
  if (filterBox && selects.length === 0) {
    void loadPagefind(base)
      .then((pagefind) => pagefind.filters())
      .then((available) => {
        for (const { name, label, anyLabel } of SEARCH_FILTERS) {
          const values = sortFilterValues(Object.keys(available[name] ?? {}));
          if (values.length === 0) continue;
          const select = document.createElement('select');
          select.name = name;
          select.dataset.searchFilter = name;
          select.append(new Option(anyLabel, ''), ...values.map((value) => new Option(value, value)));
          select.addEventListener('change', () => void run());
          const caption = document.createElement('span');
          caption.textContent = label;
          const wrap = document.createElement('label');
          wrap.className = 'search-filter';
          wrap.append(caption, select);
          filterBox.append(wrap);
          selects.push(select);
        }
        filterBox.hidden = selects.length === 0;
      })
      // Without the index there is nothing to filter; the search itself says it could not load.
      .catch(() => undefined);
  }
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector('a')?.click();
  });
  void loadPagefind(base); // warm up while the reader types
  if (input.value || selects.some((select) => select.value)) void run();
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('a');
  heading.className = 'search-result-title';
  heading.href = data.url;
  heading.textContent = data.meta.title ?? data.url;
  const kind = data.filters.kind?.[0];
  if (kind) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = kind;
    heading.append(' ', badge);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...markedText(data.excerpt));
  item.append(heading, excerpt);

  // Sections that matched, so a result lands on the right part of a long page.
  const sections = data.sub_results.filter((sub) => sub.url !== data.url && sub.url.includes('#')).slice(0, 3);
  if (sections.length > 0) {
    const subList = document.createElement('ul');
    subList.className = 'search-result-sections';
    for (const sub of sections) {
      const subItem = document.createElement('li');
      const link = document.createElement('a');
      link.href = sub.url;
      const title = document.createElement('strong');
      title.textContent = sub.title;
      const subExcerpt = document.createElement('span');
      subExcerpt.append(...markedText(sub.excerpt));
      link.append(title, subExcerpt);
      subItem.append(link);
      subList.append(subItem);
    }
    item.append(subList);
  }
  return item;
}

/** Pagefind excerpts are text with <mark> around hits; keep exactly that and nothing else. */
function markedText(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}
