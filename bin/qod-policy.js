#!/usr/bin/env node
// The qod-policy command. The code lives in dist/ (npm run build): the bundled CLI
// (dist/cli/bundle/, fast to start) when the build made it, else the plain modules.

let cli;
try {
  cli = await import('../dist/cli/bundle/qod-policy.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('qod-policy.js')) throw error;
  try {
    cli = await import('../dist/cli/main.js');
  } catch (inner) {
    if (inner?.code === 'ERR_MODULE_NOT_FOUND' && String(inner.message).includes('main.js')) {
      process.stderr.write("qod-policy: the package is not built (dist/ is missing): run 'npm run build' first.\n");
      process.exit(2);
    }
    throw inner;
  }
}
process.exitCode = await cli.main(process.argv.slice(2));
