/** Importing a JSON export chosen with the file input: checked, merged under free names, shown. */
import { mergeAssessments } from '../../model/assessment/collection.ts';
import { parseImport } from '../../model/assessment/exchange.ts';
import { LIMITS } from '../../model/assessment/format.ts';
import { importRefusal, type ImportProblem } from '../../model/assessment/messages.ts';
import type { Entry } from './adapter.ts';
import type { Island } from './island.ts';

export function importFile<E extends Entry>(island: Island<E>, input: HTMLInputElement): void {
  const { store, docId, kind } = island;
  const refuse = (problem: ImportProblem) => island.warn(importRefusal(problem, 'file'));
  const chosen = input.files?.[0];
  input.value = '';
  if (!chosen) return;
  // Checked before reading, so a huge file is never loaded into memory.
  if (chosen.size > LIMITS.chars) return refuse({ code: 'too-large' });
  chosen.text().then((text) => {
    const imported = parseImport(text, docId, kind);
    if (!imported.ok) return island.warn(imported.message);
    const merged = mergeAssessments(store.state.file, imported.assessments);
    if (merged.full) return refuse({ code: 'full' });
    if (!merged.added.length) return refuse({ code: 'nothing-new' });
    store.replace(merged.file, merged.added[0]);
    island.dismiss();
    island.say(`Imported ${merged.added.map((name) => `“${name}”`).join(', ')}.`);
  }, () => refuse({ code: 'unreadable-file' }));
}
