/**
 * Reading assessment JSON text from storage, a file or a share link: size limit, prototype-key
 * refusal, format and version checks, migration from older versions, then validate.ts.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, FORBIDDEN_KEYS, LIMITS } from './format.ts';
import { readReason, type ReadProblem } from './messages.ts';
import type { AssessmentFile } from './schemas.ts';
import { validateAssessmentFile } from './validate.ts';

type Json = Record<string, unknown>;
/** `MIGRATIONS[n]` turns a version-n file into a version n+1 file. */
export type Migrations = Record<number, (file: Json) => Json>;
/**
 * When the format changes: bump ASSESSMENT_VERSION and add `MIGRATIONS[old] = (file) => newShape`;
 * the migrated result is then checked against the current schema like any other input.
 *
 * 1 → 2: skill entries may carry `skillId`, the catalog skill they belong to, and are matched by
 * it before their name. A version-1 entry has only its name, and that is still how it is found
 * (gaps.ts `reconcileSkills`); the role page then writes the ids in as it lines entries up with
 * the guide, so nothing saved is lost and the next save is keyed by id.
 */
export const MIGRATIONS: Migrations = { 1: (file) => ({ ...file, version: 2 }) };

/** What the text held; `error` is the reason in words (messages.ts), for notices and refusals. */
export type Reading =
  | { state: 'ok'; file: AssessmentFile; migratedFrom?: number }
  | { state: 'newer'; version: number }
  | { state: 'foreign' | 'corrupt' | 'too-large'; error: string };

class ForbiddenKey extends Error {}
const refused = (state: 'foreign' | 'corrupt' | 'too-large', problem: ReadProblem): Reading => ({ state, error: readReason(problem) });

/** Parses and checks JSON text from storage, a file or a share link. Never throws. */
export function readAssessmentJson(text: string, migrations: Migrations = MIGRATIONS): Reading {
  if (text.length > LIMITS.chars) return refused('too-large', { code: 'too-large' });
  let data: unknown;
  try {
    // The reviver sees every key at every depth before any of our code touches the data.
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.includes(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    return refused('corrupt', error instanceof ForbiddenKey ? { code: 'forbidden-key', key: error.message } : { code: 'not-json' });
  }
  if (typeof data !== 'object' || data === null || (data as Json).format !== ASSESSMENT_FORMAT) return refused('foreign', { code: 'foreign' });
  let file = data as Json;
  const version = file.version;
  if (!Number.isSafeInteger(version) || (version as number) < 0) return refused('corrupt', { code: 'no-version' });
  if ((version as number) > ASSESSMENT_VERSION) return { state: 'newer', version: version as number };
  try {
    for (let v = version as number; v < ASSESSMENT_VERSION; v++) {
      const migrate = migrations[v];
      if (!migrate) return refused('corrupt', { code: 'lost-version', version: v });
      file = migrate(file);
    }
  } catch {
    return refused('corrupt', { code: 'unconvertible', version: version as number });
  }
  const checked = validateAssessmentFile(file);
  if (!checked.ok) return { state: 'corrupt', error: checked.error };
  return version === ASSESSMENT_VERSION ? { state: 'ok', file: checked.value } : { state: 'ok', file: checked.value, migratedFrom: version as number };
}
