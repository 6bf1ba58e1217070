/**
 * `/<role id>/requirements.json`: one role's scale, skills and (with the skills catalog) rubric,
 * fetched by the "check against another role" island and the compare page only when a reader asks
 * for it, so no role page carries other roles' requirements.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RoleGuide } from '../../model/schemas.ts';
import { getSiteContent } from '../../site/content.ts';
import { catalogRubric, roleRequirements } from '../../site/requirements.ts';
import { countCacheablePages, countRenderedPage } from '../../site/render-count.ts';
import { dataFileResponse, textCacheKey } from '../_cache-key.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  const rubricOf = catalogRubric(content);
  countCacheablePages('data', content.roles.length);
  return content.roles.map((document) => {
    const json = `${JSON.stringify(roleRequirements(document.model as RoleGuide, rubricOf))}\n`;
    return { params: { id: document.model.id }, props: { text: json }, cacheKey: textCacheKey(json) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  countRenderedPage('data');
  return dataFileResponse(props);
};
