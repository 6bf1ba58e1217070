/** `rolebook explain`: every registered rule explained in the terminal; unknown ids exit 2 with close ids. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/index.ts';
import { RULE_IDS, RULES } from '../../src/model/rules.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text), cwd: projectRoot };
  const code = await main(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('rolebook explain', () => {
  it('prints the severity, explanation, fix, example and the guide link of a rule', async () => {
    const { code, stdout, stderr } = await run(['explain', 'skill-level-range']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rule = RULES['skill-level-range'];
    expect(stdout.split('\n')).toEqual([
      'skill-level-range (error)',
      rule.summary,
      '',
      `How to fix: ${rule.fix}`,
      '',
      'Example:',
      `  ${rule.example}`,
      '',
      'In the guide for content owners: /contributing/rules/#skill-level-range',
    ]);
  });

  it('accepts the id as check prints it, in brackets', async () => {
    const { code, stdout } = await run(['explain', '[link-broken]']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^link-broken \(error\)\n/);
  });

  it('exits 2 for an unknown rule and names the close ones', async () => {
    const { code, stdout, stderr } = await run(['explain', 'link-brokn']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rolebook explain: no rule “link-brokn”. Did you mean link-broken? Run “rolebook explain” for every rule.');
    const partial = await run(['explain', 'skill-level']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/Did you mean skill-level-\S+, skill-level-\S+, skill-level-\S+\?/);
    const far = await run(['explain', 'zzzzzzzz']);
    expect(far.stderr).toBe('rolebook explain: no rule “zzzzzzzz”. Run “rolebook explain” for every rule.');
  });

  it('lists every rule without an argument', async () => {
    const { code, stdout } = await run(['explain']);
    expect(code).toBe(0);
    const lines = stdout.split('\n').slice(1);
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(RULE_IDS);
  });

  it('is in the help', async () => {
    expect((await run(['help'])).stdout).toContain('rolebook explain [RULE]');
  });
});
