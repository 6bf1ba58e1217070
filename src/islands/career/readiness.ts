/**
 * "Check against another role", loaded on demand: reads the assessment chosen last on this page
 * from browser storage (assessment-storage.ts, never the assessment island's internals), fetches
 * this role's and the other role's requirements JSON, and shows the other role's requirements
 * skill by skill with the readiness figure and what to work on next.
 */
import { levelLabel, requiredCode, resultText } from '../../model/levels.ts';
import { loadAssessments, type StorageLike } from '../../model/assessment/storage.ts';
import { readinessFor, whatToWorkOn, type RoleRequirements } from '../../model/career.ts';
import { h, table } from '../dom.ts';
import { fetchRequirements, fetchRoleList, type RoleListing } from '../requirements.ts';

function storage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Adds every other role of the site to the role choice (the page lists only the nearest ones),
 * from `/roles/index.json`, fetched now: a role page does not grow with the number of roles.
 */
export async function listEveryRole(root: HTMLElement): Promise<void> {
  const button = root.querySelector<HTMLButtonElement>('[data-rb-career-more]')!;
  const select = root.querySelector<HTMLSelectElement>('[data-rb-career-role]')!;
  const out = root.querySelector<HTMLElement>('[data-rb-career-out]')!;
  let roles: RoleListing[];
  try {
    roles = await fetchRoleList(button.dataset.source!);
  } catch {
    out.replaceChildren(h('p', null, 'The list of roles could not be loaded. Check your connection and try again.'));
    return;
  }
  const listed = new Set([root.dataset.source, ...[...select.options].map((option) => option.value)]);
  const more = roles.filter((role) => !listed.has(role.requirements));
  select.append(h('optgroup', { label: 'Every other role' }, ...more.map((role) => h('option', { value: role.requirements }, role.title))));
  button.remove();
  select.focus();
  out.replaceChildren(h('p', null, `${more.length} more ${more.length === 1 ? 'role' : 'roles'} to choose from.`));
}

export async function check(root: HTMLElement): Promise<void> {
  const out = root.querySelector<HTMLElement>('[data-rb-career-out]')!;
  const select = root.querySelector<HTMLSelectElement>('[data-rb-career-role]')!;
  const docId = root.dataset.docId!;
  const { file } = loadAssessments(storage(), docId, 'role-guide');
  const assessments = file.kind === 'role-guide' ? file.assessments : [];
  const assessment = assessments.find((a) => a.name === file.current) ?? assessments[0];
  if (!assessment) {
    out.replaceChildren(h('p', { class: 'rb-notice-text' }, 'There is no saved assessment on this page yet: choose your levels in the self-assessment above first.'));
    return;
  }
  let source: RoleRequirements;
  let target: RoleRequirements;
  try {
    [source, target] = await Promise.all([fetchRequirements(root.dataset.source!), fetchRequirements(select.value)]);
  } catch {
    out.replaceChildren(h('p', null, 'The other role’s requirements could not be loaded. Check your connection and try again.'));
    return;
  }
  const readiness = readinessFor(assessment.entries, source.skills, target);
  const { summary } = readiness;
  const steps = whatToWorkOn(readiness, target.scale, target.rubric);
  out.replaceChildren(
    h('h4', null, `${assessment.name} against ${target.title}`),
    h(
      'p',
      { class: 'rb-summary' },
      h('strong', null, `${summary.met} of ${summary.total}`),
      ` skills meet ${target.title}’s requirement · readiness `,
      h('strong', null, `${summary.readiness}%`),
      summary.notAssessed.length ? ` · ${summary.notAssessed.length} not assessed` : '',
    ),
    table(
      `${assessment.name} against the levels ${target.title} requires`,
      ['Skill', 'Required', 'Your level', 'Result'],
      readiness.rows.map((row) => [
        row.skill.name,
        requiredCode(row.skill.level),
        levelLabel(target.scale, row.entry?.level ?? null),
        h('span', { 'data-status': row.result.status }, resultText(row.result)),
      ]),
    ),
    readiness.onlyOther.length ? h('p', null, `Only ${target.title} needs: ${readiness.onlyOther.map((skill) => skill.name).join(', ')}.`) : '',
    readiness.notNeeded.length ? h('p', null, `${target.title} does not need: ${readiness.notNeeded.map((entry) => entry.skill).join(', ')}.`) : '',
    h('h4', null, 'What to work on'),
    steps.length
      ? h(
          'ol',
          { class: 'rb-next-steps' },
          ...steps.map((step) =>
            h(
              'li',
              null,
              h('strong', null, step.skill.name), ` — towards ${step.next}`,
              step.descriptors.length ? h('ul', null, ...step.descriptors.map((text) => h('li', null, text))) : '',
              step.tips.length ? h('p', null, 'Growing: ', step.tips.join(' ')) : '',
              step.resources.length ? h('ul', null, ...step.resources.map((resource) => h('li', null, h('a', { href: /^https?:\/\//.test(resource.url) ? resource.url : null }, resource.title)))) : '',
            ),
          ),
        )
      : h('p', null, summary.assessed ? 'Nothing: every assessed skill meets this role’s requirement.' : 'Assess your skills above to see what to work on.'),
  );
}
