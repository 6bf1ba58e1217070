/**
 * What the output check needs of each document: its id and where its links and references were
 * written. `rolebook check` has every document in memory at the end of a build's first step and
 * leaves these in the build's step folder (about 1 MB at 1,000 documents); the output check reads
 * them instead of loading every document from the parse cache again, which cost ≈ 1.3 s of CPU at
 * 1,000 documents while Pagefind, the build's last step, waited for a core.
 */
import { z } from 'zod';
import type { RenderedDocument } from '../model/rendered.ts';

const place = { line: z.number().int().positive(), column: z.number().int().positive() };

const LinkSourceSchema = z.object({
  model: z.object({ id: z.string(), source: z.string() }),
  /** The source file first, then every include it pulled in. */
  files: z.array(z.string()),
  links: z.array(z.object({ href: z.string(), written: z.string(), file: z.string(), ...place })),
  references: z.array(z.object({ value: z.string(), file: z.string().optional(), ...place })),
});

/** One document's links, as `checkLinks` reads them (a whole RenderedDocument is one too). */
export type LinkSource = z.infer<typeof LinkSourceSchema>;

/** The step report `rolebook check` writes for the output check (`link-sources.json`). */
export const LinkSourcesReportSchema = z.object({ documents: z.array(LinkSourceSchema) });
export const LINK_SOURCES_STEP = 'link-sources';

export function linkSourcesOf(documents: readonly RenderedDocument[]): z.infer<typeof LinkSourcesReportSchema> {
  return {
    documents: documents.map(({ model, files, links, references }) => ({ model: { id: model.id, source: model.source }, files, links, references })),
  };
}
