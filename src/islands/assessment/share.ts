/**
 * Share links: making one for the shown assessment (levels only, in the address fragment), and
 * opening one when the page loads.
 */
import { mergeAssessments } from '../../model/assessment/collection.ts';
import { LIMITS } from '../../model/assessment/format.ts';
import type { AssessmentFile } from '../../model/assessment/schemas.ts';
import { readShareFragment, shareFragment } from '../../model/assessment/share.ts';
import type { Entry } from './adapter.ts';
import type { Island } from './island.ts';

/** Shows the link to the shown assessment, selected, and copies it where the browser allows. */
export function shareLink<E extends Entry>({ store, view, say }: Island<E>): void {
  const { file, shown } = store.state;
  const assessment = file.assessments.find((a) => a.name === shown.name)!;
  view.shareUrl.value = location.href.split('#')[0] + shareFragment(file, assessment);
  view.shareBox.hidden = false;
  view.shareUrl.focus();
  view.shareUrl.select();
  const selected = () => say('Share link selected; copy it with Ctrl+C.');
  const copied = navigator.clipboard?.writeText(view.shareUrl.value);
  if (copied) copied.then(() => say('Share link copied.'), selected);
  else selected();
}

/**
 * Adds the assessment a share link carries (once) to `file`, and says which to show. It is read
 * before anything is saved, so a visitor with nothing saved does not also get an empty assessment
 * saved beside it; the fragment is then cleared, so a reload does not add it again.
 */
export function openSharedLink<E extends Entry>(island: Island<E>, file: AssessmentFile): { file: AssessmentFile; show?: string } | undefined {
  const shared = readShareFragment(location.hash, island.docId, island.kind);
  if (!shared) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  if (!shared.ok) return void island.warn(shared.message);
  const name = `${shared.assessment.name} (shared)`;
  const merged = mergeAssessments(file, [{ ...shared.assessment, name }]);
  if (merged.full) {
    return void island.warn(`This link carries a shared ${island.noun}, but ${LIMITS.assessments} are already saved; delete one and open the link again.`);
  }
  const show = merged.added[0] ?? name;
  island.say(`Showing the shared ${island.noun} “${show}”.`);
  return { file: merged.file, show };
}
