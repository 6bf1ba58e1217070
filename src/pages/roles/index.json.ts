/**
 * `/roles/index.json`: every role guide's id, title and requirements JSON, for the readiness check
 * on a role page when the reader asks for a role beyond the nearest ones the page lists: fetched
 * only then, so a role page's size does not grow with the number of roles.
 */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { roleListings } from '../../site/requirements.ts';

export const GET: APIRoute = async () => {
  const index = roleListings(await getSiteContent());
  return new Response(`${JSON.stringify(index)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
