// Help texts. Kept as plain strings so that --help costs nothing but printing (the formatter
// names come from the formatter registry, which loads no formatter).

import { defaultFormatterName, formatterNames } from '../formatters/index.js';

const FORMAT_CHOICES = [`${defaultFormatterName} (default)`, ...formatterNames.filter((name) => name !== defaultFormatterName)].join(', ');

export const MAIN_HELP = `qod-policy — validate CAMARA Quality-on-Demand CreateSession request bodies

Usage:
  qod-policy lint [paths/globs...] [options]   check request-body files (see qod-policy lint --help)
  qod-policy rules [--format text|json]        list the rules: id, default severity, CAMARA answer, description
  qod-policy serve                             the HTTP sidecar (not available yet)
  qod-policy --help | -h                       show this help
  qod-policy --version | -v                    show the version

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, configuration or input, or an internal error.
`;

export const LINT_HELP = `Usage: qod-policy lint [paths/globs...] [options]

Checks CreateSession request bodies in files, directories (recursive) and globs; '-' reads stdin.
Files: .json (one body), .ndjson/.jsonl (one body a line), .yaml/.yml (one body a document).
Directories and globs yield only those extensions and skip node_modules and dot-directories.
Without paths, the current directory is linted.

Options:
  -f, --format <name>       ${FORMAT_CHOICES}
  -o, --output <file>       write the report to a file instead of stdout
      --dialect <id|auto>   API version of the bodies: qod-1.2, qod-1.1, qod-1.0, qod-0.11, qod-0.10,
                            qod-0.9, qod-0.8, qod-sdk or auto (default: config, else auto)
  -c, --config <file>       use this configuration file (.json or .mjs) instead of looking one up
      --no-config           do not look up a configuration file
      --qos-profiles <file> QoS-profile catalogue as the CAMARA qos-profiles API returns it (JSON or YAML)
      --max-warnings <n>    exit 1 when there are more than n warnings (default: -1, no limit)
      --max-file-size <n>   a file larger than n bytes is a finding, not read (default: 67108864, 64 MiB)
      --quiet               report errors only (warnings still count for --max-warnings)
      --stdin-filename <p>  name (and kind, by extension) of the body read from '-'
      --color, --no-color   force colour on or off (NO_COLOR always turns it off)
  -h, --help                show this help

Configuration: qod-policy.config.json or qod-policy.config.mjs, looked up from the working
directory upward. See docs/cli.md.
`;

export const RULES_HELP = `Usage: qod-policy rules [--format text|json]

Lists the built-in rules: id, default severity, CAMARA status and code, description and
documentation link.
`;
