/**
 * Reading the files a manager picks or drops: every file is read in the browser (never sent
 * anywhere) and checked by the team model; a file that cannot be read gets its reason and the
 * others still load.
 */
import { LIMITS } from '../../model/assessment/format.ts';
import { TEAM_LIMITS, readTeamFile, type FileReading } from '../../model/team.ts';

/** Files read and checked in one task. */
const READ_BATCH = 10;

/** One file's text; null for a file over the limit, which is refused without reading it into memory. */
const readText = (file: File): Promise<string | null> => (file.size > LIMITS.chars * 4 ? Promise.resolve(null) : file.text().catch(() => ''));

export async function readFiles(files: File[]): Promise<FileReading[]> {
  const chosen = files.slice(0, TEAM_LIMITS.files);
  // Files are read and checked a batch at a time, each batch in its own task: for a file picked
  // from disk, its size and the start of reading it are synchronous look-ups in the browser, and
  // 200 files read or checked at once kept the page from answering for most of a second.
  const readings: FileReading[] = [];
  for (let start = 0; start < chosen.length; start += READ_BATCH) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const batch = chosen.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map(readText));
    batch.forEach((file, i) => readings.push(readTeamFile(file.name, texts[i]!, file.size)));
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
