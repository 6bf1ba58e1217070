/**
 * Puts an assessment island together: what the skills assessment and the key-result tracker
 * share (named assessments saved per document, comparison, export, import, share links, print,
 * notices, tab sync), around the kind-specific `Adapter`. Extensions get the same parts and may
 * add regions and subscribe to the store.
 *
 * The page must keep working whatever the browser does: storage problems become notices and the
 * assessment carries on for the session. Nothing here sends anything anywhere.
 */
import type { AssessmentPageData } from '../../model/assessment/page-data.ts';
import { loadAssessments } from '../../model/assessment/storage.ts';
import { h } from '../dom.ts';
import { connectActions } from './actions.ts';
import type { Adapter, Entry } from './adapter.ts';
import type { Extension, Island } from './island.ts';
import { createNotices } from './notices.ts';
import { connectRendering } from './render.ts';
import { browserStorage, createSaver } from './saving.ts';
import { openSharedLink } from './share.ts';
import { createStore } from './store.ts';
import { followOtherTabs } from './sync.ts';
import { buildView } from './view.ts';

export function mountAssessment<E extends Entry>(root: HTMLElement, data: AssessmentPageData, adapter: Adapter<E>, extensions: Extension<E>[] = []): void {
  const { id: docId, kind, title } = data;
  const noun = kind === 'role-guide' ? 'assessment' : 'tracking';
  const view = buildView(noun, root.querySelector('h2')?.textContent ?? title, adapter.items());
  const notices = createNotices(view);
  const storage = browserStorage();
  const loaded = loadAssessments(storage, docId, kind);
  const saver = createSaver(storage, loaded.canSave, notices.warn);
  const store = createStore<E>(loaded.file, { normalise: adapter.normalise, firstName: `My ${noun}`, save: saver.save });
  const island: Island<E> = { root, docId, kind, title, noun, adapter, store, view, storage, saver, ...notices };

  connectRendering(island);
  connectActions(island);
  followOtherTabs(island);
  const regions = extensions.map((extend) => extend(island) ?? '');

  const shared = openSharedLink(island, loaded.file);
  store.replace(shared?.file ?? loaded.file, shared?.show, !!shared);
  if (loaded.notice) notices.warn(loaded.notice.message);

  root.prepend(h('p', { class: 'rb-print-title' }, title));
  root
    .querySelector('[data-rb-nojs]')!
    .replaceWith(view.toolbar, view.notice, view.live, view.items, view.removed, view.results, ...regions);
}

/** Finds the island's root and the page's data and mounts it; a failure leaves the no-script text, saying why. */
export function start<D extends AssessmentPageData, E extends Entry>(kind: D['kind'], adapterFor: (data: D) => Adapter<E>, extensions: Extension<E>[] = []): void {
  const root = document.querySelector<HTMLElement>(`[data-rb-assessment="${kind}"]`);
  if (!root) return;
  try {
    const data: D = JSON.parse(root.querySelector('[data-rb-model]')!.textContent!);
    mountAssessment(root, data, adapterFor(data), extensions);
  } catch (error) {
    root.querySelector('[data-rb-nojs]')!.textContent = `The ${kind === 'role-guide' ? 'self-assessment' : 'tracker'} could not start (${String(error)}).`;
  }
}
