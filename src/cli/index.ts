/**
 * `rolebook` — parse, check and scaffold content. Exit codes: 0 fine, 1 content errors, 2 the
 * command itself was wrong (unknown command, missing file); never a stack trace for those.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  rolebook parse FILE… [--content-root DIR]     print the models of FILE… as JSON
  rolebook check [DIR] [--format text|github|json] [--stale]
                                                 check every document in DIR (default content/)
  rolebook build                                 check, build the site, index it for search and
                                                 check its links (what npm run build runs)
  rolebook index [SITE_DIR]                      build the search index of a built site (default dist/)
  rolebook new role|playbook|skill "Name" [--content-root DIR]
                                                 write a new, correctly shaped document
  rolebook help                                  show this help`;

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Each command loads only its own modules: `rolebook index` need not load the markdown pipeline.
      case 'parse':
        return await (await import('./parse.ts')).runParse(options(rest, { 'content-root': { type: 'string' } }), io);
      case 'check':
        return await (await import('./check.ts')).runCheck(
          options(rest, { format: { type: 'string', default: 'text' }, stale: { type: 'boolean', default: false } }),
          io,
        );
      case 'build':
        return await (await import('./build-command.ts')).runBuild(options(rest, {}), io);
      case 'index':
        return await (await import('./index-command.ts')).runIndex(options(rest, {}), io);
      case 'new':
        return await (await import('./new-command.ts')).runNew(options(rest, { 'content-root': { type: 'string' } }), io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(`rolebook: no command given.\n${USAGE}`);
        return 2;
      default:
        io.err(`rolebook: unknown command “${command}”. Run “rolebook help” for the commands.`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`rolebook ${command}: ${(error as Error).message}`);
      return 2;
    }
    io.err(`rolebook ${command}: ${(error as Error).message}`);
    return 2;
  }
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export interface ParsedOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function options(args: string[], spec: OptionSpec): ParsedOptions {
  const { values, positionals } = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  return { values: values as ParsedOptions['values'], positionals };
}

function isParseArgsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
}
