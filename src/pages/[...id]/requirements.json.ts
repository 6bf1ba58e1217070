/**
 * `/<role id>/requirements.json`: one role's scale, skills and (with the skills catalog) rubric,
 * fetched by the "check against another role" island and the compare page only when a reader asks
 * for it, so no role page carries other roles' requirements.
 */
import { createHash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RoleGuide } from '../../model/schemas.ts';
import { getSiteContent } from '../../site/content.ts';
import { catalogRubric, roleRequirements } from '../../site/requirements.ts';
import { countCacheablePages, countRenderedPage } from '../../site/render-count.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  const rubricOf = catalogRubric(content);
  countCacheablePages('data', content.roles.length);
  return content.roles.map((document) => {
    const json = `${JSON.stringify(roleRequirements(document.model as RoleGuide, rubricOf))}\n`;
    // The file is exactly this text, so its hash is a cacheKey that misses nothing.
    return { params: { id: document.model.id }, props: { json }, cacheKey: createHash('sha256').update(json).digest('hex') };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data');
  return new Response((props as { json: string }).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
