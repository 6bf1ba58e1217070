/** `rolebook explain [RULE]`: what a rule id means and how to fix it, from the rule registry. */
import { loadConfig } from '../config.ts';
import { closeRuleIds, isRuleId, RULE_IDS, RULES, ruleUrl, type RuleId } from '../model/rules.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

export async function runExplain({ positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError('explain takes one rule id, such as “rolebook explain link-broken”.');
  const wanted = positionals[0]?.trim().replace(/^\[|\]$/g, '');
  if (!wanted) {
    io.out(listRules());
    return 0;
  }
  if (!isRuleId(wanted)) {
    const close = closeRuleIds(wanted);
    const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
    throw new UsageError(`no rule “${wanted}”.${hint} Run “rolebook explain” for every rule.`);
  }
  io.out(explainRule(wanted, urlOptions(io.cwd)));
  return 0;
}

/** The site's base and public URL for the link to the rule reference; defaults when there is no config. */
function urlOptions(cwd: string): { base: string; site?: string } {
  try {
    const config = loadConfig(cwd);
    return { base: config.base, ...(config.site ? { site: config.site } : {}) };
  } catch {
    return { base: '/' };
  }
}

export function explainRule(id: RuleId, url: { base: string; site?: string }): string {
  const rule = RULES[id];
  const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');
  return [
    `${id} (${rule.severity})`,
    rule.summary,
    '',
    `How to fix: ${rule.fix}`,
    '',
    'Example:',
    indent(rule.example),
    '',
    `In the guide for content owners: ${ruleUrl(id, url)}`,
  ].join('\n');
}

function listRules(): string {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  const lines = RULE_IDS.map((id) => `  ${id.padEnd(width)}  ${RULES[id].severity.padEnd(7)}  ${RULES[id].summary}`);
  return ['Rules rolebook check reports (rolebook explain RULE for one of them):', ...lines].join('\n');
}
