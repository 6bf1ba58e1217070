/**
 * `rolebook` — parse, check and scaffold content. Exit codes: 0 fine, 1 content errors, 2 the
 * command itself was wrong (unknown command, missing file, invalid config; never a stack trace for
 * those), 70 a bug in Rolebook (the stack, and a line saying so).
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config-file.ts';
import { BUG_LINE, EXIT_BUG, EXIT_USAGE, UsageError, type Io, type ParsedOptions } from './io.ts';

export { UsageError, type Io };

export const USAGE = `Usage:
  rolebook parse FILE… [--content-root DIR]     print the models of FILE… as JSON
  rolebook check [DIR] [--format text|github|json] [--stale]
                                                 check every document in DIR (default content/)
  rolebook build                                 check, build the site, index it for search and
                                                 check its links (what npm run build runs)
  rolebook index [SITE_DIR]                      build the search index of a built site (default dist/)
  rolebook new role|playbook|skill "Name" [--content-root DIR]
                                                 write a new, correctly shaped document
  rolebook explain [RULE]                        what a rule id (such as link-broken) means and how
                                                 to fix it; without RULE, every rule
  rolebook help                                  show this help`;

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
      case 'explain':
        return await (await import('./explain.ts')).runExplain(options(rest, {}), io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(`rolebook: no command given.\n${USAGE}`);
        return EXIT_USAGE;
      default:
        io.err(`rolebook: unknown command “${command}”. Run “rolebook help” for the commands.`);
        return EXIT_USAGE;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || isParseArgsError(error)) {
      io.err(`rolebook ${command}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    // Anything else is a fault in Rolebook, not in what the user typed: say so, with the stack a
    // maintainer needs, and exit with sysexits' EX_SOFTWARE so scripts can tell the two apart.
    io.err(`rolebook ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    io.err(BUG_LINE);
    return EXIT_BUG;
  }
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];


function options(args: string[], spec: OptionSpec): ParsedOptions {
  const { values, positionals } = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  return { values: values as ParsedOptions['values'], positionals };
}

function isParseArgsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
}
