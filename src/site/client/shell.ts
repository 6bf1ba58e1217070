/**
 * The only script every page loads (well under 1 KB gzip): opens the search dialog on click or `/`
 * and loads the search code the first time it is needed; keeps the sidebar and table of contents
 * open on wide screens in browsers that cannot do that with CSS alone.
 */
type SearchModule = typeof import('./search-ui.ts');

let searchModule: Promise<SearchModule> | undefined;
const loadSearch = () => (searchModule ??= import('./search-ui.ts'));

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');

function openSearch(): void {
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  const panel = dialog.querySelector<HTMLElement>('[data-search-panel]');
  panel?.querySelector<HTMLInputElement>('[data-search-input]')?.focus();
  if (panel) void loadSearch().then((search) => search.mountSearch(panel));
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('click', (event) => {
  const trigger = (event.target as Element | null)?.closest?.('[data-search-open]');
  if (trigger && dialog) {
    event.preventDefault();
    openSearch();
  }
});

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if ((slash && !isTyping(event.target)) || commandK) {
    event.preventDefault();
    openSearch();
  }
});

// Escape closes the dialog wherever focus is in it (a <select> would otherwise keep it open).
dialog?.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && dialog.open) {
    event.preventDefault();
    dialog.close();
  }
});

// A click on the backdrop (outside the frame) closes the dialog, as in most docs sites.
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});

// The search page mounts its inline panel at once: the reader came to search.
const inlinePanel = document.querySelector<HTMLElement>('[data-search-panel][data-search-inline]');
if (inlinePanel) void loadSearch().then((search) => search.mountSearch(inlinePanel));

// Sidebar and TOC are disclosures on narrow screens; keep them open on wide ones.
const wide = window.matchMedia('(min-width: 50rem)');
const syncDisclosures = () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('.sidebar-details, .toc-details')) {
    details.open = wide.matches;
  }
};
syncDisclosures();
wide.addEventListener('change', syncDisclosures);
