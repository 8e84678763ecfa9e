// `qod-policy init`: a commented starter configuration (qod-policy.config.jsonc, JSON with
// comments, whose $schema lets an editor complete and check it) and an example fixture folder with
// a valid and an invalid CreateSession body. It never overwrites a file unless told (--force), and
// never writes a second configuration file into a folder that has one.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { dialectIds } from '../dialects/index.js';
import { parseStrict } from './args.js';
import { CONFIG_NAMES, DEFAULT_FILES } from './config.js';
import { CliError, systemErrorText } from './errors.js';
import { INIT_HELP } from './help.js';
import { writeStdout } from './output.js';

const CONFIG_FILE = 'qod-policy.config.jsonc';
const VALID_FIXTURE = 'fixtures/create-session/valid.json';
const INVALID_FIXTURE = 'fixtures/create-session/invalid.yaml';

/** Where the schema is when the package is installed: in node_modules, from here upward. */
const SCHEMA_IN_PACKAGE = join('node_modules', 'qod-policy', 'schemas', 'config.schema.json');

/**
 * The `$schema` of the starter: a path relative to the configuration file (editors resolve paths
 * and URLs, not package names), to the package's schema in the nearest node_modules that holds
 * it; `./node_modules/...` when none does yet (the package is about to be installed).
 */
function schemaReference(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_IN_PACKAGE);
    if (existsSync(candidate)) {
      const rel = relative(cwd, candidate).split(sep).join('/');
      return rel.startsWith('../') ? rel : `./${rel}`;
    }
    if (dirname(dir) === dir) return `./${SCHEMA_IN_PACKAGE.split(sep).join('/')}`;
  }
}

function starterConfig(schema: string): string {
  const dialects = dialectIds.map((id) => `"${id}"`).join(', ');
  return `// qod-policy configuration (JSON with comments). qod-policy looks a configuration up from
// each linted file's folder upward: this one applies to the files in this folder and below it.
// "$schema" lets your editor complete and check every key; qod-policy's docs/configuration.md
// describes them.
{
  "$schema": ${JSON.stringify(schema)},

  // What \`qod-policy lint\` checks when it is given no paths (globs relative to this file).
  // Paths named on the command line are linted whatever this says.
  "files": [${DEFAULT_FILES.map((glob) => JSON.stringify(glob)).join(', ')}],

  // The CAMARA QoD API version of the bodies: "auto" detects it for each body; or one of
  // ${dialects}.
  "dialect": "auto",

  // The operator's facts, for the rules that need them.
  "policy": {
    // The QoS profiles the network offers, as the CAMARA qos-profiles API returns them:
    // "qosProfiles": [{ "name": "QOS_E", "status": "ACTIVE", "maxDuration": { "value": 1, "unit": "Hours" } }],
    // Bounds of your own on the session duration, in seconds:
    // "duration": { "min": 60, "max": 86400 },
  },

  // Rule severities: "off", "info", "warn", "error", or [severity, { options }].
  // \`npx qod-policy rules\` lists the rules and their defaults.
  "rules": {
    // "ip-address-scope": "off",
  },

  // Other settings for some files; later entries win.
  "overrides": [
    // { "files": ["fixtures/legacy/**"], "dialect": "qod-0.10" },
  ],

  // Files and folders never linted:
  // "ignores": ["fixtures/drafts/"],
}
`;
}

const VALID_BODY = `{
  "device": { "phoneNumber": "+34600000001" },
  "applicationServer": { "ipv4Address": "198.51.100.0/24" },
  "devicePorts": { "ranges": [{ "from": 5010, "to": 5020 }] },
  "qosProfile": "QOS_E",
  "duration": 3600
}
`;

const INVALID_BODY = `# An invalid CreateSession body (CAMARA QoD 1.2), to show what findings look like:
# \`npx qod-policy lint\` reports the two lines marked below. Delete this file once your own
# fixtures are in place.
device:
  phoneNumber: "+34600000001"
applicationServer:
  ipv4Address: 198.51.100.0/24
devicePorts:
  ranges:
    - from: 5020 # 'from' is greater than 'to'
      to: 5010
qosProfile: QOS_E
duration: 0 # below the minimum of 1 second
`;

/** Runs `qod-policy init [--force]`; resolves to the exit status. */
export async function initCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(args, { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'init');
  if (values.help) {
    await writeStdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`'qod-policy init' takes no arguments (got '${positionals[0]}'); it writes into the working directory.`);
  const cwd = process.cwd();
  const files: [string, string][] = [
    [CONFIG_FILE, starterConfig(schemaReference(cwd))],
    [VALID_FIXTURE, VALID_BODY],
    [INVALID_FIXTURE, INVALID_BODY],
  ];

  // Nothing is written unless everything can be.
  const otherConfig = CONFIG_NAMES.find((name) => name !== CONFIG_FILE && existsSync(join(cwd, name)));
  if (otherConfig !== undefined) {
    throw new CliError(`${otherConfig} already configures this folder: nothing written (a second configuration file beside it would be an error).`);
  }
  if (!values.force) {
    const existing = files.map(([name]) => name).filter((name) => existsSync(resolve(cwd, name)));
    if (existing.length > 0) {
      const list = existing.length === 1 ? `${existing[0]} already exists` : `${existing.slice(0, -1).join(', ')} and ${existing.at(-1)} already exist`;
      throw new CliError(`${list}: nothing written (--force overwrites ${existing.length === 1 ? 'it' : 'them'}).`);
    }
  }
  for (const [name, content] of files) {
    const path = resolve(cwd, name);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    } catch (error) {
      throw new CliError(`Cannot write '${name}': ${systemErrorText(error)}.`);
    }
  }
  const width = Math.max(...files.map(([name]) => name.length));
  const what = ['the configuration (JSON with comments)', 'a valid CreateSession body', 'an invalid one, to show what findings look like'];
  const lines = files.map(([name], i) => `  ${name.padEnd(width)}  ${what[i]}`);
  await writeStdout(`Wrote:\n${lines.join('\n')}\nNext: 'npx qod-policy lint' checks the fixtures (and reports the invalid example, exit status 1).\n`);
  return 0;
}
