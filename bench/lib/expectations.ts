/**
 * Compares the models Rolebook built from a generated corpus with what the generator put in: a
 * parser that silently drops a skill, a metric or a key result would otherwise look fast and valid.
 */
import type { ExpectedModel } from '../generate.ts';

/** The parts of a model compared here (structurally typed so this file does not import src/). */
interface ModelLike {
  id: string;
  kind: string;
  title: string;
  includes: string[];
  responsibilities?: unknown[];
  capabilities?: unknown[];
  skills?: { name: string; level: { code: string; orAbove: boolean } }[];
  stakeholders?: unknown[];
  successFactors?: { name: string; metrics: { kind: string; future: boolean }[] }[];
  okrs?: { area: string; objectives: unknown[]; keyResults: { future: boolean }[] }[];
  definitions?: unknown[];
  drafts?: { title: string }[];
}

export function compareModel(model: ModelLike, expected: ExpectedModel): string[] {
  const out: string[] = [];
  const same = (what: string, actual: unknown, wanted: unknown) => {
    const a = JSON.stringify(actual);
    const w = JSON.stringify(wanted);
    if (a !== w) out.push(`${model.id}: ${what} is ${a}, expected ${w}`);
  };
  same('title', model.title, expected.title);
  same('includes', [...model.includes].sort(), [...new Set(expected.includes)].sort());
  if (expected.skills) {
    same('responsibilities', model.responsibilities?.length, expected.responsibilities);
    same('capabilities', model.capabilities?.length, expected.capabilities);
    same(
      'skills',
      model.skills?.map((s) => ({ name: s.name, code: s.level.code, orAbove: s.level.orAbove })),
      expected.skills,
    );
    same('stakeholders', model.stakeholders?.length, expected.stakeholders);
    same(
      'success factors',
      model.successFactors?.map((f) => ({
        name: f.name,
        metrics: f.metrics.map((m) => `${m.kind === 'quantitative' ? 'Q' : 'q'}${m.future ? '*' : ''}`).join(''),
      })),
      expected.successFactors,
    );
  }
  if (expected.okrs) {
    same(
      'okrs',
      model.okrs?.map((o) => ({
        area: o.area,
        objectives: o.objectives.length,
        keyResults: o.keyResults.length,
        future: o.keyResults.filter((k) => k.future).length,
      })),
      expected.okrs,
    );
    same('definitions', model.definitions?.length, expected.definitions);
    same('drafts', model.drafts?.map((d) => d.title), expected.drafts);
  }
  return out;
}
