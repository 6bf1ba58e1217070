/**
 * The self-assessment island on role pages: one radio group per skill (built here from the page's
 * data; the page itself only shows the required levels, in the skills table), a skill's result
 * beside its group, the summary (skills met, largest gaps first, readiness), the chart and the
 * results table. The machinery around it is in assessment/.
 */
import { skillsCsv } from '../model/assessment/csv-skills.ts';
import { compareLevel, reconcileSkills, skillEntriesFor, summariseSkills, type SkillRow, type SkillSummary } from '../model/assessment/gaps.ts';
import type { RoleAssessmentData } from '../model/assessment/page-data.ts';
import type { SkillEntry } from '../model/assessment/schemas.ts';
import { NOT_YET, describeRequiredLevel, levelCount, levelLabel, requiredCode, resultText } from '../model/levels.ts';
import type { LevelScale, Skill } from '../model/schemas.ts';
import type { Adapter, Shown } from './assessment/adapter.ts';
import { choiceItem } from './assessment/choice-item.ts';
import { start } from './assessment/mount.ts';
import { chartFigure } from './chart.ts';
import { h, table } from './dom.ts';

/** Where a level sits on the chart: 0 "not yet", 1 the first level …; off-scale levels in between. */
function position(scale: LevelScale, value: number | null): number {
  if (value === null || value <= NOT_YET) return 0;
  const index = scale.findIndex((step) => step.value === value);
  return index >= 0 ? index + 1 : scale.filter((step) => step.value < value).length + 0.5;
}
const steps = (n: number) => (n ? `${n > 0 ? '+' : '−'}${levelCount(Math.abs(n))}` : 'same');
const levelOf = (row: SkillRow | undefined) => row?.entry?.level ?? null;

function skillItem(scale: LevelScale, skill: Skill, i: number, result: HTMLElement): HTMLFieldSetElement {
  // "Not yet" sits below the scale's first level (it is what L50-style requirements are measured against).
  const options = [{ value: NOT_YET, code: 'Not yet', name: `below ${scale[0]?.code ?? 'the scale'}` }, ...scale];
  return choiceItem(
    i,
    { 'aria-describedby': result.id },
    [
      h('span', { class: 'rb-item-name' }, skill.name),
      skill.qualifier && ' ',
      skill.qualifier && h('span', { class: 'rb-qualifier' }, skill.qualifier),
      ' ',
      h('span', { class: 'rb-requirement' }, 'Required: ', h('strong', null, requiredCode(skill.level)), ` (${describeRequiredLevel(scale, skill.level)})`),
    ],
    'rb-level',
    options.map((option) => ({
      value: String(option.value),
      label: [h('span', { class: 'rb-choice-code' }, option.code), h('span', { class: 'rb-choice-name' }, option.name)],
      meets: compareLevel(scale, skill.level, option.value).status !== 'below',
    })),
    result,
    { summary: 'Evidence', label: `What shows this level for ${skill.name}?` },
  );
}

/** The live result beside a skill's choices. */
function itemResult(scale: LevelScale, row: SkillRow): string {
  const level = levelOf(row);
  const offScale = level !== null && level !== NOT_YET && !scale.some((step) => step.value === level);
  return (
    [
      row.result.status === 'not-assessed' ? 'Not assessed yet' : `Your level: ${levelLabel(scale, level)} — ${resultText(row.result)}`,
      offScale && 'this level is not on the guide’s scale any more; choose one of the levels above',
      row.requiredBefore && `the requirement was ${row.requiredBefore} when you saved this`,
    ]
      .filter(Boolean)
      .join('; ') + '.'
  );
}

function summary({ met, total, readiness, notAssessed, gaps, assessed }: SkillSummary): HTMLElement[] {
  const named = gaps.map((row) => `${row.skill.name} (${resultText(row.result)})`);
  return [
    h(
      'p',
      { class: 'rb-summary' },
      h('strong', null, `${met} of ${total}`),
      ' skills meet the requirement · readiness ',
      h('strong', null, `${readiness}%`),
      notAssessed.length ? ` · ${notAssessed.length} not assessed yet` : '',
    ),
    h('p', null, named.length ? `Largest gaps first: ${named.join(', ')}.` : assessed ? 'No gaps: every assessed skill meets its requirement.' : 'Choose a level for each skill to see your gaps.'),
  ];
}

function chart(scale: LevelScale, skills: Skill[], shown: Shown<SkillEntry>, rows: SkillRow[], compared?: { name: string; rows: SkillRow[] }) {
  if (!skills.length) return '';
  const at = (row: SkillRow) => position(scale, levelOf(row));
  const series = [
    { label: 'Required', values: skills.map((skill) => position(scale, skill.level.value)), className: 'rb-required' },
    { label: shown.name, values: rows.map(at), className: 'rb-self', assessed: rows.map((row) => levelOf(row) !== null) },
    ...(compared ? [{ label: compared.name, values: compared.rows.map(at), className: 'rb-compare' }] : []),
  ];
  const description = `Chart of ${series.map((one) => one.label).join(', ')} levels per skill; the table below has the same figures.`;
  return chartFigure(
    skills.map((skill) => skill.name),
    scale.map((step) => step.code),
    series,
    description,
  );
}

function adapter({ levelScale: scale, skills }: RoleAssessmentData): Adapter<SkillEntry> {
  /** Where each skill's live result is written, in skill order. */
  const resultBoxes: HTMLElement[] = [];
  /** The results table's evidence cells, in skill order, so typed evidence updates only its own cell. */
  let evidenceCells: HTMLElement[] = [];
  const analyse = (entries: SkillEntry[]) => reconcileSkills(scale, skills, entries);

  function resultsTable(shown: Shown<SkillEntry>, rows: SkillRow[], compared?: { name: string; rows: SkillRow[] }) {
    evidenceCells = rows.map((row) => h('span', null, row.entry?.evidence ?? ''));
    return table(
      `${shown.name} against the required levels${compared ? `; Difference is the change from ${compared.name}` : ''}`,
      ['Skill', 'Required', shown.name, 'Result', ...(compared ? [compared.name, 'Difference'] : []), 'Evidence'],
      rows.map((row, i) => {
        const level = levelOf(row);
        const old = levelOf(compared?.rows[i]);
        const difference = level === null || old === null ? '–' : steps(Math.round(position(scale, level) - position(scale, old)));
        return [
          row.skill.name,
          requiredCode(row.skill.level),
          levelLabel(scale, level),
          h('span', { 'data-status': row.result.status }, resultText(row.result)),
          ...(compared ? [levelLabel(scale, old), difference] : []),
          evidenceCells[i],
        ];
      }),
      [compared ? 6 : 4],
    );
  }

  return {
    // A role without skills has no items: the page's intro says so.
    items: () =>
      skills.map((skill, i) => {
        const result = h('p', { class: 'rb-result', id: `rb-result-${i}`, 'data-rb-result': true });
        resultBoxes.push(result);
        const item = skillItem(scale, skill, i, result);
        // What each level looks like is in the page (Assessment.astro): it moves beside the choices.
        const levels = document.querySelector(`[data-rb-levels="${i}"]`);
        if (levels) result.after(levels);
        return item;
      }),
    noteKey: 'evidence',
    normalise: (entries) => skillEntriesFor(analyse(entries)),
    choice: (entry) => (entry.level === null ? '' : String(entry.level)),
    // Choosing again means the level now answers the current requirement.
    choose: (entry, value, i) => ({ ...entry, level: Number(value), required: requiredCode(skills[i]!.level) }),
    removed: (entry) => `${entry.skill}: ${levelLabel(scale, entry.level)}${entry.evidence ? ', with evidence' : ''}`,
    announce(entries, i) {
      const { rows } = analyse(entries);
      const { met, total } = summariseSkills(rows);
      return `${skills[i]!.name}: ${resultText(rows[i]!.result)}. ${met} of ${total} skills met.`;
    },
    csv: (assessments) => skillsCsv(scale, skills, assessments),
    render(results, shown, other) {
      const { rows } = analyse(shown.entries);
      const compared = other && { name: other.name, rows: analyse(other.entries).rows };
      const summarised = summariseSkills(rows);
      resultBoxes.forEach((element, i) => {
        element.dataset.status = rows[i]!.result.status;
        element.textContent = itemResult(scale, rows[i]!);
      });
      // "What to work on next" for each gap, largest first, copied from the page's templates.
      const next = summarised.gaps.map((row) => document.querySelector<HTMLTemplateElement>(`[data-rb-next="${rows.indexOf(row)}:${levelOf(row)}"]`)?.content.cloneNode(true));
      results.replaceChildren(
        h('h3', null, `Results: ${shown.name}`),
        ...summary(summarised),
        chart(scale, skills, shown, rows, compared),
        resultsTable(shown, rows, compared),
        next.some(Boolean) ? h('div', { class: 'rb-next' }, h('h4', null, 'What to work on next'), ...next) : '',
      );
    },
    renderNote(i, text) {
      if (evidenceCells[i]) evidenceCells[i].textContent = text;
    },
  };
}

start('role-guide', adapter);
