/**
 * `rubric.json`: every document's model, in the shape `rolebook parse` prints, for other tools.
 * A route of one file, so that it has a cacheKey (src/pages/_cache-key.ts) and Astro reuses it;
 * the key covers the documents it is made from, so the text is written out only when rendered,
 * and then one model at a time: built as one string (with JSON.stringify's own growing copies), it
 * was the largest allocation of Astro's process, whose heap then stayed that large to the build's
 * end (clean builds of 1,000 documents, six alternating pairs: Astro's peak 478–530 MB as one
 * string, 461–496 MB a model at a time; the bytes are the same).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RenderedDocument } from '../model/rendered.ts';
import { getSiteContent } from '../site/content.ts';
import { countCacheablePages, countRenderedPage } from '../site/render-count.ts';
import { prettyJsonArrayPieces } from '../site/json-text.ts';
import { dataFileStreamResponse, documentsCacheKey } from './_cache-key.ts';

export const getStaticPaths = (async () => {
  const { documents } = await getSiteContent();
  const sorted = [...documents].sort((a, b) => a.model.id.localeCompare(b.model.id));
  countCacheablePages('data/rubric', 1);
  return [{ params: { file: 'rubric' }, props: { documents: sorted }, cacheKey: documentsCacheKey(sorted) }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data/rubric');
  const models = (props.documents as RenderedDocument[]).map((document) => document.model);
  return dataFileStreamResponse(prettyJsonArrayPieces(models));
};
