// Help texts. Kept as plain strings so that --help costs nothing but printing (the formatter
// names come from the formatter registry, which loads no formatter).

import { defaultFormatterName, formatterNames } from '../formatters/index.js';

const FORMAT_CHOICES = [`${defaultFormatterName} (default)`, ...formatterNames.filter((name) => name !== defaultFormatterName)].join(', ');

export const MAIN_HELP = `qod-policy — validate CAMARA Quality-on-Demand CreateSession request bodies

Usage:
  qod-policy lint [paths/globs...] [options]   check request-body files (see qod-policy lint --help)
  qod-policy rules [--format text|json]        list the rules: id, default severity, CAMARA answer, description
  qod-policy serve [options]                   the HTTP sidecar (see qod-policy serve --help)
  qod-policy init [--force]                    write a starter configuration and example fixtures
  qod-policy probe <base-url> [options]        test a running QoD API (see qod-policy probe --help)
  qod-policy migrate --to <dialect> <paths>    carry bodies to another version (see qod-policy migrate --help)
  qod-policy --help | -h                       show this help
  qod-policy --version | -v                    show the version

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, configuration or input, or an internal error.
`;

export const LINT_HELP = `Usage: qod-policy lint [paths/globs...] [options]

Checks CreateSession request bodies in files, directories (recursive) and globs; '-' reads stdin.
Files: .json (one body), .ndjson/.jsonl (one body a line), .yaml/.yml (one body a document).
Directories and globs yield only those extensions, and skip node_modules, dot-directories and
files that are not request bodies (package.json, lock files, tsconfig*.json...); a file named is
linted whatever its name. Without paths: the files below the working directory that the
configuration's 'files' select (default: fixtures/, test/fixtures/, tests/fixtures/, *.qod.*).

Options:
  -f, --format <name>       ${FORMAT_CHOICES}
  -o, --output <file>       write the report to a file instead of stdout (also --output-file)
      --dialect <id|auto>   API version of the bodies: qod-1.2, qod-1.1, qod-1.0, qod-0.11, qod-0.10,
                            qod-0.9, qod-0.8, qod-sdk or auto (default: config, else auto)
  -c, --config <file>       use this configuration file for every file instead of looking one up
      --no-config           do not look up a configuration file
      --qos-profiles <file> QoS-profile catalogue as the CAMARA qos-profiles API returns it (JSON or YAML)
      --max-warnings <n>    exit 1 when there are more than n warnings (default: -1; negative: no limit)
      --max-file-size <n>   a file larger than n bytes is a finding, not read (default: 67108864, 64 MiB)
      --quiet               report errors only (warnings still count for --max-warnings)
      --stdin-filename <p>  name (and kind, by extension) of the body read from '-'
      --color, --no-color   force colour on or off (NO_COLOR always turns it off)
      --fix                 fix in the files what cannot change a body's meaning (phone numbers'
                            separators, IPv6 spelling, repeated ports, leading zeros read alike);
                            the report is of the fixed files
      --fix-dry-run         print those fixes as a unified diff, then the report; write nothing
  -h, --help                show this help

Configuration: qod-policy.config.json, .jsonc, .js, .mjs or .cjs, looked up from each linted
file's folder upward ('qod-policy init' writes a starter). See docs/cli.md.
`;

export const RULES_HELP = `Usage: qod-policy rules [--format text|json]

Lists the built-in rules: id, default severity, CAMARA status and code, description and
documentation link.
`;

export const SERVE_HELP = `Usage: qod-policy serve [options]

The HTTP sidecar: validates CreateSession bodies sent over HTTP and answers with the CAMARA
error of the body's API version. Stops gracefully on SIGTERM or SIGINT.

Modes:
  plain (default)           POST /validate: 200 with the report when valid, else the CAMARA error
  ext-authz                 Envoy ext_authz (HTTP service, with the request body): a CreateSession
                            (POST .../sessions) is judged, 200 allows it, the CAMARA error denies it;
                            any other request is allowed
  proxy (--upstream <url>)  valid CreateSession requests are forwarded to the upstream unchanged and
                            its answer streamed back; invalid ones are answered here; any other
                            request is forwarded as it is
Every mode: GET /healthz, GET /metrics (Prometheus text).

Options:
      --host <address>          address to listen on (default 127.0.0.1)
  -p, --port <n>                port (default 8080; 0: any free port, printed when listening)
      --mode <mode>             plain, ext-authz or proxy (default plain; proxy with --upstream)
      --upstream <url>          the QoD API to forward valid requests to (proxy mode)
      --dialect <id|auto>       API version of the bodies (default: config, else qod-1.2)
  -c, --config <file>           use this configuration file (.json or .mjs) instead of looking one up
      --no-config               do not look up a configuration file
      --qos-profiles <file>     QoS-profile catalogue (JSON or YAML)
      --max-body-bytes <n>      larger bodies are answered 413 unread (default 65536)
      --token-header <name|none> header the gateway sets after checking the token: true (3-legged)
                                or false (2-legged) (default x-qod-token-identifies-device; none:
                                ignore it). Never let clients set it: see docs/http.md
      --headers-timeout <ms>    time to receive the request headers (default 10000)
      --request-timeout <ms>    time to receive the whole request (default 30000)
      --keep-alive-timeout <ms> idle time before a kept-alive connection closes (default 65000)
      --upstream-timeout <ms>   idle time before the upstream counts as not answering (default 30000)
      --shutdown-timeout <ms>   time in-flight requests get to finish after SIGTERM (default 10000)
  -h, --help                    show this help

Exit status: 0 after a graceful stop; 2 for a mistake in the options or the configuration (checked
at start) or an address that cannot be listened on. See docs/cli.md.
`;

export const INIT_HELP = `Usage: qod-policy init [--force]

Writes, in the working directory:
  qod-policy.config.jsonc               a starter configuration, commented, with $schema for editors
  fixtures/create-session/valid.json    a valid CreateSession body
  fixtures/create-session/invalid.yaml  an invalid one, to show what findings look like

Options:
      --force      overwrite these files when they exist (without it, nothing is written then)
  -h, --help       show this help

A folder that already has another configuration file (qod-policy.config.json, .js, .mjs, .cjs)
gets nothing: two in one folder would be an error.
`;

export const MIGRATE_HELP = `Usage: qod-policy migrate --to <dialect> [--from <dialect>|auto] [--write] <paths/globs...>

Carries the CreateSession bodies of files, directories (recursive) and globs to another API
version. Without --write: prints a unified diff per file, then every change, everything that
could not be carried (lost) and what the target version still rejects, each with its line and
column (-L:C in the file as it is, +L:C in the migrated text). With --write: rewrites the files in
place, keeping their format (indentation, key order, line ends, BOM; YAML comments and anchors;
NDJSON one body a line). Files are found as 'qod-policy lint' finds them.

Options:
      --to <dialect>        the version to migrate to: qod-1.2, qod-1.1, qod-1.0, qod-0.11, qod-0.10,
                            qod-0.9, qod-0.8 or qod-sdk (required)
      --from <dialect|auto> the bodies' version (default: each file's configuration, else auto:
                            detected from the keys; name 0.11, 1.0 and 1.1, which look like 1.2)
      --write               rewrite the files (nothing is written when some file cannot be migrated)
  -f, --format <name>       stylish (default) or json
  -c, --config <file>       use this configuration file instead of looking one up
      --no-config           do not look up a configuration file
      --color, --no-color   force colour on or off (NO_COLOR always turns it off)
  -h, --help                show this help

Exit status: 0 nothing lost, 1 something could not be carried (listed), 2 bad usage, or a file that
cannot be read, does not parse or cannot be rewritten (nothing written). See docs/migrate.md.
`;
