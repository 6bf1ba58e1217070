/**
 * `rubric.json`: every document's model, in the shape `rolebook parse` prints, for other tools.
 * A route of one file, so that it has a cacheKey (src/pages/_cache-key.ts) and Astro reuses it;
 * the key covers the documents it is made from, so the text is written out only when rendered.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RenderedDocument } from '../model/rendered.ts';
import { getSiteContent } from '../site/content.ts';
import { countCacheablePages, countRenderedPage } from '../site/render-count.ts';
import { dataFileResponse, documentsCacheKey } from './_cache-key.ts';

export const getStaticPaths = (async () => {
  const { documents } = await getSiteContent();
  const sorted = [...documents].sort((a, b) => a.model.id.localeCompare(b.model.id));
  countCacheablePages('data/rubric', 1);
  return [{ params: { file: 'rubric' }, props: { documents: sorted }, cacheKey: documentsCacheKey(sorted) }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data/rubric');
  const models = (props.documents as RenderedDocument[]).map((document) => document.model);
  return dataFileResponse({ text: `${JSON.stringify(models, null, 2)}\n` });
};
