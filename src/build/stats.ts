/**
 * The build's stats file: what each step of the last `rolebook build` did, how long it took and
 * how much of the previous build's work it reused. Written next to the caches (never into the
 * published folder); the benchmark reads it instead of the build's log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUILD_STATS_FILE, cacheRoot } from '../content/cache.ts';

/** `rolebook check`: documents parsed (and their ids), or reused from the parse cache. */
export const CheckStatsSchema = z.object({ parsed: z.number(), cached: z.number(), threads: z.number(), ms: z.number(), parsedIds: z.array(z.string()).default([]) });

/** `astro build`, as the build-stats integration saw it (src/integrations/build-stats.ts). */
export const AstroStatsSchema = z.object({
  /** HTML pages Astro wrote. */
  pages: z.number(),
  /** Document pages (the HTML pages with a cacheKey), and how many of them were rendered rather than reused. */
  documentPages: z.number(),
  documentPagesRendered: z.number(),
  /** The site's own HTML pages with a cacheKey (indexes, skills matrix, glossary…), and how many were rendered. */
  sitePages: z.number(),
  sitePagesRendered: z.number(),
  /** Data files with a cacheKey (each role's requirements JSON, rubric.json…), not among `pages`; rendered rather than reused. */
  dataFiles: z.number(),
  dataFilesRendered: z.number(),
  /** Loading the content from the parse cache at the start. */
  contentLoadMs: z.number(),
});

const StepSchema = z.object({ ms: z.number() });

export const BuildStatsSchema = z.object({
  version: z.literal(1),
  finishedAt: z.string(),
  ok: z.boolean(),
  /** From the start of `rolebook build` to the end of its last step. */
  totalMs: z.number(),
  steps: z.object({
    /** The pages' git history: read whole, the last build's as it was (same commit), or the last build's with the commits since (src/build/history-cache.ts). */
    gitHistory: StepSchema.extend({ reuse: z.enum(['read', 'same-commit', 'extended']) }).optional(),
    check: StepSchema.extend({ documents: z.number(), parsed: z.number(), reused: z.number(), threads: z.number() }).optional(),
    astro: StepSchema.extend({
      pages: z.number(),
      rendered: z.number(),
      reused: z.number(),
      contentLoadMs: z.number(),
      /** Of `ms`, how long a held Astro was still starting when the check had passed (its start-up was then what the build waited for). */
      startWaitMs: z.number().optional(),
      /** How the output folder was made ready for Astro: the last one kept in place, or reused pages linked (src/build/reused-pages.ts). */
      output: z.enum(['kept', 'linked']).optional(),
      /** Astro did not run: nothing it reads changed since the last build (src/build/unchanged-build.ts). */
      skipped: z.boolean().optional(),
    }).optional(),
    /**
     * A rebuild with something changed starts Astro beside the check, held before it reads or writes
     * anything (src/build/held-step.ts): let go on once the check passed, or stopped when it failed.
     */
    astroEarlyStart: z.enum(['released', 'stopped']).optional(),
    outputCheck: StepSchema.extend({
      pages: z.number(),
      scanned: z.number(),
      reused: z.number(),
      /** HTML files read to be hashed; the others were the very files the last build hashed (src/build/page-hashes.ts). */
      pagesRead: z.number().optional(),
    }).optional(),
    searchIndex: StepSchema.extend({
      pages: z.number(),
      htmlFiles: z.number(),
      reused: z.boolean(),
      parts: z.number(),
      partsReused: z.number(),
      /** Pages indexed in this build; the others are in parts put back from the last build. */
      pagesIndexed: z.number(),
      /** Parts whose pages Pagefind read while Astro was rendering, from the last build's pages (src/build/search-ahead.ts). */
      partsReadEarly: z.number().optional(),
    }).optional(),
  }),
});

export type BuildStats = z.infer<typeof BuildStatsSchema>;
export type AstroStats = z.infer<typeof AstroStatsSchema>;
export type StepStats = BuildStats['steps'];

export function buildStatsFile(projectRoot?: string): string {
  return path.join(cacheRoot(projectRoot), BUILD_STATS_FILE);
}

export async function writeBuildStats(file: string, stats: BuildStats): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(BuildStatsSchema.parse(stats), null, 2)}\n`);
  await rename(temporary, file);
}

/** The stats of the last build, or undefined when there are none (or they are of another version). */
export function readBuildStats(file: string): BuildStats | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = BuildStatsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** A step's own report (`<step>.json` in the step-stats folder), if it wrote a valid one. */
export async function readStepReport<T extends z.ZodType>(folder: string, step: string, schema: T): Promise<z.infer<T> | undefined> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path.join(folder, `${step}.json`), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
