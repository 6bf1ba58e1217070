/**
 * `/<role id>/requirements.json`: one role's scale, skills and (with the skills catalog) rubric,
 * fetched by the "check against another role" island only when a reader asks for it, so no role
 * page carries other roles' requirements.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RoleGuide } from '../../model/schemas.ts';
import { getSiteContent } from '../../site/content.ts';
import type { RoleRequirements } from '../../model/requirements.ts';
import { catalogRubric, roleRequirements } from '../../site/requirements.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  const rubricOf = catalogRubric(content);
  return content.roles.map((document) => ({ params: { id: document.model.id }, props: { requirements: roleRequirements(document.model as RoleGuide, rubricOf) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { requirements: RoleRequirements }).requirements)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
