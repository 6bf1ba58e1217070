/**
 * The only script every page loads (about 2 KB gzip): opens the search dialog on click or `/`
 * and loads the search code the first time it is needed; keeps the sidebar and table of contents
 * open on wide screens in browsers that cannot do that with CSS alone.
 *
 * The dialog is made here, the first time it opens, not shipped in every page: without JavaScript
 * it could not open anyway (the search box is then a link to the search page). It is made at once,
 * before the search code loads, so focus is in the box and nothing typed right after `/` is lost.
 */
type SearchModule = typeof import('./search-ui.ts');

let searchModule: Promise<SearchModule> | undefined;
const loadSearch = () => (searchModule ??= import('./search-ui.ts'));

// A fixed template: nothing in it comes from the page, storage or the address. The search UI fills
// the filters from the index. `action` and the base are set as properties below, not spliced in.
const DIALOG = `<div class="search-dialog-frame"><div class="search-dialog-header"><h2 id="search-dialog-title">Search</h2><form method="dialog"><button class="search-dialog-close" type="submit">Close <kbd>Esc</kbd></button></form></div><div class="search-panel" data-search-panel><form class="search-form" role="search" method="get"><label for="search-dialog-query" class="visually-hidden">Search roles, playbooks, skills and terms</label><svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6"/><path d="m15 15 5 5"/></svg><input id="search-dialog-query" type="search" name="q" placeholder="Search roles, playbooks, skills…" autocomplete="off" spellcheck="false" data-search-input></form><fieldset class="search-filters" data-search-filters hidden><legend class="visually-hidden">Narrow the results</legend></fieldset><p class="search-status" role="status" data-search-status></p><ol class="search-results" data-search-results></ol></div></div>`;

let dialog: HTMLDialogElement | undefined;

function makeDialog(): HTMLDialogElement {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const made = document.createElement('dialog');
  made.className = 'search-dialog';
  made.setAttribute('aria-labelledby', 'search-dialog-title');
  made.dataset.searchDialog = '';
  made.innerHTML = DIALOG;
  made.querySelector<HTMLElement>('[data-search-panel]')!.dataset.base = base;
  made.querySelector<HTMLFormElement>('form[role=search]')!.action = `${base}search/`;
  // Escape closes the dialog wherever focus is in it (a <select> would otherwise keep it open).
  made.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && made.open) {
      event.preventDefault();
      made.close();
    }
  });
  // A click on the backdrop (outside the frame) closes the dialog, as in most docs sites.
  made.addEventListener('click', (event) => {
    if (event.target === made) made.close();
  });
  document.body.append(made);
  return made;
}

function openSearch(): void {
  dialog ??= makeDialog();
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
  if (trigger) {
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
