/**
 * Reading the files a manager picks or drops: every file is read in the browser (never sent
 * anywhere) and checked by the team model; a file that cannot be read gets its reason and the
 * others still load.
 */
import { LIMITS } from '../../model/assessment/format.ts';
import { TEAM_LIMITS, readTeamFile, type FileReading } from '../../model/team.ts';

/** Files checked in one task. */
const READ_BATCH = 20;

export async function readFiles(files: File[]): Promise<FileReading[]> {
  const chosen = files.slice(0, TEAM_LIMITS.files);
  const texts = await Promise.all(
    chosen.map((file) =>
      // A file far over the limit is refused without reading it into memory.
      file.size > LIMITS.chars * 4 ? Promise.resolve(null) : file.text().catch(() => ''),
    ),
  );
  // Files are checked a batch at a time, each batch in its own task: 200 files checked at once kept
  // the page from answering for half a second.
  const readings: FileReading[] = [];
  for (let start = 0; start < chosen.length; start += READ_BATCH) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    chosen.slice(start, start + READ_BATCH).forEach((file, offset) => readings.push(readTeamFile(file.name, texts[start + offset]!, file.size)));
  }
  if (files.length > chosen.length) {
    readings.push({ ok: false, file: `${files.length - chosen.length} more files`, code: 'too-large', reason: `at most ${TEAM_LIMITS.files} files are read at once` });
  }
  return readings;
}

/** Files from a drop: only files (a dropped folder or text is ignored). */
export function droppedFiles(event: DragEvent): File[] {
  return [...(event.dataTransfer?.files ?? [])];
}
