/**
 * `rubric.json`: every document's model, in the shape `rolebook parse` prints, for other tools.
 * A route of one file, so that it has a cacheKey (src/pages/_cache-key.ts) and Astro reuses it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../site/content.ts';
import { countRenderedPage } from '../site/render-count.ts';
import { dataFilePaths, dataFileResponse } from './_cache-key.ts';

export const getStaticPaths = (async () => {
  const { documents } = await getSiteContent();
  const models = [...documents].map((document) => document.model).sort((a, b) => a.id.localeCompare(b.id));
  return dataFilePaths('data/rubric', { file: 'rubric' }, `${JSON.stringify(models, null, 2)}\n`);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data/rubric');
  return dataFileResponse(props);
};
