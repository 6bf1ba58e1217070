/**
 * `/roles/index.json`: every role guide's id, title and requirements JSON, for the readiness check
 * on a role page when the reader asks for a role beyond the nearest ones the page lists: fetched
 * only then, so a role page's size does not grow with the number of roles. A route of one file, so
 * that it has a cacheKey (src/pages/_cache-key.ts) and Astro reuses it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { countRenderedPage } from '../../site/render-count.ts';
import { roleListings } from '../../site/requirements.ts';
import { dataFilePaths, dataFileResponse } from '../_cache-key.ts';

export const getStaticPaths = (async () =>
  dataFilePaths('data/roles-index', { file: 'index' }, `${JSON.stringify(roleListings(await getSiteContent()))}\n`)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data/roles-index');
  return dataFileResponse(props);
};
