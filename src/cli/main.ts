// The command-line entry point: picks the command and maps failures to exit statuses.
// Only what a command needs is imported (lazily), so that --help, --version and `rules` start fast.

import { existsSync } from 'node:fs';
import { closestMatch } from '../engine/suggest.js';
import { printable } from '../formatters/utils.js';
import { describeThrown } from '../shared/errors.js';
import { CliError, configErrorMessage, isCliError } from './errors.js';
import { INIT_HELP, LINT_HELP, MAIN_HELP, MIGRATE_HELP, RULES_HELP, SERVE_HELP } from './help.js';
import { useModuleImporter, type ModuleImporter } from './module-import.js';
import { printError, watchStandardStreams, writeStdout } from './output.js';
import { packageVersion } from './version.js';

/** Exit statuses: 0 clean, 1 findings over the threshold, 2 usage/configuration/internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Process-wide listeners are installed once, however often main runs in one process. */
let watching = false;

/** How main runs: `importModule` loads a configuration module (./module-import.ts says when it is needed). */
export interface MainOptions {
  readonly importModule?: ModuleImporter;
}

/** Runs the CLI with the arguments after `node bin/qod-policy.js`; resolves to the exit status. Never rejects. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  if (options.importModule !== undefined) useModuleImporter(options.importModule);
  if (!watching) {
    watching = true;
    watchStandardStreams();
    // A configuration module or plugin can throw later, from a timer or a promise nobody awaits:
    // that too is one line and status 2, not Node's stack trace and status 1.
    process.on('uncaughtException', (thrown) => process.exit(fail(thrown)));
    process.on('unhandledRejection', (thrown) => process.exit(fail(thrown)));
  }
  try {
    return await run(argv);
  } catch (thrown) {
    return fail(thrown);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      process.stderr.write(MAIN_HELP);
      return EXIT_ERROR;
    case '-h':
    case '--help':
    case 'help':
      if (command === 'help' && rest[0] === 'lint') return print(LINT_HELP);
      if (command === 'help' && rest[0] === 'rules') return print(RULES_HELP);
      if (command === 'help' && rest[0] === 'serve') return print(SERVE_HELP);
      if (command === 'help' && rest[0] === 'init') return print(INIT_HELP);
      if (command === 'help' && rest[0] === 'migrate') return print(MIGRATE_HELP);
      if (command === 'help' && rest[0] === 'probe') return (await import('./probe.js')).probeCommand(['--help']);
      return print(MAIN_HELP);
    case '-v':
    case '--version':
      return print(`${packageVersion()}\n`);
    case 'lint': {
      const { parseLintArgs } = await import('./args.js');
      const args = parseLintArgs([...rest]);
      if (args.help) return print(LINT_HELP);
      const { lint } = await import('./lint.js');
      return await lint(args);
    }
    case 'rules': {
      const { rulesCommand } = await import('./rules.js');
      return await rulesCommand([...rest]);
    }
    case 'serve': {
      const { parseServeArgs } = await import('./args.js');
      const args = parseServeArgs([...rest]);
      if (args.help) return print(SERVE_HELP);
      const { serve } = await import('./serve.js');
      return await serve(args);
    }
    case 'init': {
      const { initCommand } = await import('./init.js');
      return await initCommand([...rest]);
    }
    case 'probe': {
      const { probeCommand } = await import('./probe.js');
      return await probeCommand([...rest]);
    }
    case 'migrate': {
      const { migrateCommand, parseMigrateArgs } = await import('./migrate.js');
      const args = parseMigrateArgs([...rest]);
      if (args.help) return print(MIGRATE_HELP);
      return await migrateCommand(args);
    }
    default:
      throw new CliError(`${unknownCommand(command)} Run 'qod-policy --help' for usage.`);
  }
}

/** The commands there are, as the main help lists them. */
const COMMANDS = ['lint', 'rules', 'serve', 'init', 'probe', 'migrate'] as const;

/**
 * What to say about a word that is not a command: the command it is a slip of ('lnt' → 'lint'),
 * or, for a path (ESLint's habit of `eslint <paths>`), the lint command that checks it.
 */
function unknownCommand(word: string): string {
  if (word.startsWith('-')) return `Unknown option '${word}'.`;
  const isPath = existsSync(word) || /[/\\.*?]/.test(word);
  const near = isPath ? undefined : closestMatch(word, COMMANDS);
  if (near !== undefined) return `Unknown command '${word}'. Did you mean '${near}'?`;
  if (isPath) return `Unknown command '${word}'. Did you mean 'qod-policy lint ${word}'?`;
  return `Unknown command '${word}'. The commands are ${COMMANDS.join(', ')}.`;
}

/**
 * Prints one line for whatever was thrown and answers status 2. Never throws: the value may come
 * from the user's configuration module (a null-prototype object, a Proxy whose every trap throws).
 */
function fail(thrown: unknown): number {
  try {
    printError(failureLine(thrown));
    if (process.env.QOD_POLICY_DEBUG) {
      const stack = (thrown as { stack?: unknown } | undefined)?.stack;
      if (typeof stack === 'string') process.stderr.write(`${stack.split('\n').map(printable).join('\n')}\n`);
    }
  } catch {
    // stderr cannot take it (or the stack getter threw): the status still says it.
  }
  return EXIT_ERROR;
}

/** The line for a thrown value: a CliError's or ConfigError's message, else a description. Never throws. */
function failureLine(thrown: unknown): string {
  try {
    // A CliError is ours, its message a one-line string (unless a Proxy claims its prototype).
    if (isCliError(thrown) && typeof thrown.message === 'string') return thrown.message;
  } catch {
    // such a Proxy: described below
  }
  return configErrorMessage(thrown) ?? `internal error: ${describeThrown(thrown)}`;
}

async function print(text: string): Promise<number> {
  await writeStdout(text);
  return EXIT_OK;
}
