/**
 * The self-assessment island on role pages: one radio group per skill (built here from the JSON
 * model; the page itself only shows the required levels, in the skills table), a skill's result
 * beside its group, the summary (skills met, largest gaps first, readiness), the chart and the
 * results table, plus the shared machinery in assessment-core.ts.
 */
import {
  NOT_YET,
  compareLevel,
  levelLabel,
  reconcileSkills,
  requiredCode,
  resultText,
  skillEntriesFor,
  summariseSkills,
  type SkillEntry,
} from '../model/assessment.ts';
import { skillsCsv } from '../model/assessment-io.ts';
import { describeRequiredLevel } from '../model/levels.ts';
import type { LevelScale, Skill } from '../model/schemas.ts';
import { choiceItem, start, type Adapter, type Shown } from './assessment-core.ts';
import { chartFigure } from './chart.ts';
import { h, table } from './dom.ts';

interface RoleModel {
  docId: string;
  title: string;
  scale: LevelScale;
  skills: Skill[];
}

function adapter({ scale, skills }: RoleModel): Adapter<SkillEntry> {
  /** Where each skill's live result is written, in skill order. */
  const resultBoxes: HTMLElement[] = [];
  // "Not yet" sits below the scale's first level (it is what L50-style requirements are measured against).
  const options = [{ value: NOT_YET, code: 'Not yet', name: `below ${scale[0]?.code ?? 'the scale'}` }, ...scale];
  const analyse = (entries: SkillEntry[]) => reconcileSkills(scale, skills, entries);
  /** Where a level sits on the chart: 0 "not yet", 1 the first level …; off-scale levels in between. */
  const position = (value: number | null) => {
    if (value === null || value <= NOT_YET) return 0;
    const index = scale.findIndex((step) => step.value === value);
    return index >= 0 ? index + 1 : scale.filter((step) => step.value < value).length + 0.5;
  };
  const steps = (n: number) => (n ? `${n > 0 ? '+' : '−'}${Math.abs(n)} level${Math.abs(n) === 1 ? '' : 's'}` : 'same');

  return {
    intro:
      "Choose the level you work at today for each skill; the levels underlined in green meet the role's requirement. Your results update as you go and are kept in this browser only.",
    items: () =>
      skills.length
        ? skills.map((skill, i) => {
            const result = h('p', { class: 'rb-result', id: `rb-result-${i}`, 'data-rb-result': true });
            resultBoxes.push(result);
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
          })
        : [h('p', null, 'This role guide lists no skills to assess.')],
    noteKey: 'evidence',
    normalise: (entries) => skillEntriesFor(analyse(entries)),
    choice: (entry) => (entry.level === null ? '' : String(entry.level)),
    // Choosing again means the level now answers the current requirement.
    choose: (entry, value, i) => ({ ...entry, level: Number(value), required: requiredCode(skills[i]!.level) }),
    removed: (entry) => `${entry.skill}: ${levelLabel(scale, entry.level)}${entry.evidence ? ', with evidence' : ''}`,
    announce(entries, i) {
      const { rows } = analyse(entries);
      const summary = summariseSkills(rows);
      return `${skills[i]!.name}: ${resultText(rows[i]!.result)}. ${summary.met} of ${summary.total} skills met.`;
    },
    csv: (assessments) => skillsCsv(scale, skills, assessments as never),

    render(results, shown: Shown<SkillEntry>, compared) {
      const { rows } = analyse(shown.entries);
      const before = compared && analyse(compared.entries).rows;
      const summary = summariseSkills(rows);
      resultBoxes.forEach((element, i) => {
        const row = rows[i]!;
        const level = row.entry?.level ?? null;
        const offScale = level !== null && level !== NOT_YET && !scale.some((step) => step.value === level);
        element.dataset.status = row.result.status;
        element.textContent = [
          row.result.status === 'not-assessed' ? 'Not assessed yet' : `Your level: ${levelLabel(scale, level)} — ${resultText(row.result)}`,
          offScale && 'this level is not on the guide’s scale any more; choose one of the levels above',
          row.requiredBefore && `the requirement was ${row.requiredBefore} when you saved this`,
        ]
          .filter(Boolean)
          .join('; ') + '.';
      });
      const gaps = summary.gaps.map((row) => `${row.skill.name} (${resultText(row.result)})`);
      const names = skills.map((skill) => skill.name);
      const series = [
        { label: 'Required', values: skills.map((skill) => position(skill.level.value)), className: 'rb-required' },
        { label: shown.name, values: rows.map((row) => position(row.entry?.level ?? null)), className: 'rb-self', assessed: rows.map((row) => (row.entry?.level ?? null) !== null) },
        ...(before && compared ? [{ label: compared.name, values: before.map((row) => position(row.entry?.level ?? null)), className: 'rb-compare' }] : []),
      ];
      results.replaceChildren(
        h('h3', null, `Results: ${shown.name}`),
        h(
          'p',
          { class: 'rb-summary' },
          h('strong', null, `${summary.met} of ${summary.total}`),
          ' skills meet the requirement · readiness ',
          h('strong', null, `${summary.readiness}%`),
          summary.notAssessed.length ? ` · ${summary.notAssessed.length} not assessed yet` : '',
        ),
        h('p', null, gaps.length ? `Largest gaps first: ${gaps.join(', ')}.` : summary.assessed ? 'No gaps: every assessed skill meets its requirement.' : 'Choose a level for each skill to see your gaps.'),
        skills.length
          ? chartFigure(names, scale.map((step) => step.code), series, `Chart of ${series.map((one) => one.label).join(', ')} levels per skill; the table below has the same figures.`)
          : '',
        table(
          `${shown.name} against the required levels${compared ? `; Difference is the change from ${compared.name}` : ''}`,
          ['Skill', 'Required', shown.name, 'Result', ...(compared ? [compared.name, 'Difference'] : []), 'Evidence'],
          rows.map((row, i) => {
            const level = row.entry?.level ?? null;
            const old = before?.[i]!.entry?.level ?? null;
            return [
              row.skill.name,
              requiredCode(row.skill.level),
              levelLabel(scale, level),
              h('span', { 'data-status': row.result.status }, resultText(row.result)),
              ...(before ? [levelLabel(scale, old), level === null || old === null ? '–' : steps(Math.round(position(level) - position(old)))] : []),
              row.entry?.evidence ?? '',
            ];
          }),
          [before ? 6 : 4],
        ),
      );
    },
  };
}

start('role-guide', adapter);
