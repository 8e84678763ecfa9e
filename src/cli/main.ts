// The command-line entry point: picks the command and maps failures to exit statuses.
// Only what a command needs is imported (lazily), so that --help, --version and `rules` start fast.

import { CliError, firstLine } from './errors.js';
import { LINT_HELP, MAIN_HELP, RULES_HELP } from './help.js';
import { packageVersion } from './version.js';

/** Exit statuses: 0 clean, 1 findings over the threshold, 2 usage/configuration/internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

function isConfigError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'QodPolicyConfigError';
}

/** Runs the CLI with the arguments after `node bin/qod-policy.js`; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`qod-policy lint ... | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        process.stderr.write(MAIN_HELP);
        return EXIT_ERROR;
      case '-h':
      case '--help':
      case 'help':
        if (command === 'help' && rest[0] === 'lint') return print(LINT_HELP);
        if (command === 'help' && rest[0] === 'rules') return print(RULES_HELP);
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
        return rulesCommand([...rest]);
      }
      case 'serve':
        process.stderr.write("qod-policy: 'serve' (the HTTP sidecar) is not available yet in this version.\n");
        return EXIT_ERROR;
      default: {
        const hint = command.startsWith('-')
          ? `Unknown option '${command}'.`
          : `Unknown command '${command}'. Did you mean 'qod-policy lint ${command}'?`;
        throw new CliError(`${hint} Run 'qod-policy --help' for usage.`);
      }
    }
  } catch (error) {
    if (error instanceof CliError || isConfigError(error)) {
      process.stderr.write(`qod-policy: ${firstLine(error.message)}\n`);
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`qod-policy: internal error: ${firstLine(message)}\n`);
    if (process.env.QOD_POLICY_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}

function print(text: string): number {
  process.stdout.write(text);
  return EXIT_OK;
}
