/**
 * `rubric.json`: every document's model, in the shape `rolebook parse` prints, for other tools.
 */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../site/content.ts';

export const GET: APIRoute = async () => {
  const { documents } = await getSiteContent();
  const models = [...documents].map((document) => document.model).sort((a, b) => a.id.localeCompare(b.id));
  return new Response(`${JSON.stringify(models, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
