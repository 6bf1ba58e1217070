/**
 * `/roles/index.json`: every role guide's id, title and requirements JSON, for the readiness check
 * on a role page when the reader asks for a role beyond the nearest ones the page lists: fetched
 * only then, so a role page's size does not grow with the number of roles.
 */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { requirementsHref, titleOrder } from '../../site/requirements.ts';

export const GET: APIRoute = async () => {
  const { roles } = await getSiteContent();
  const index = roles
    .map((document) => ({ id: document.model.id, title: document.model.title, requirements: requirementsHref(document.model.id) }))
    .sort(titleOrder);
  return new Response(`${JSON.stringify(index)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
