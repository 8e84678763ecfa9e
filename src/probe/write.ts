// `qod-policy probe --write <dir>`: the suite as files, for teams that run it with their own tools.
// - bodies/<NN>-<ruleId>.<messageId>[.<variant>].json: each case's request body, exactly as the probe
//   sends it (a case about text that is not JSON holds that text);
// - manifest.json: the request to make and, per case, its file, the finding, where it is, the
//   answers CAMARA accepts and why (docs/probe.md, "The manifest");
// - qod-policy.config.json: the configuration the suite was built with (what JSON can hold), so
//   that `qod-policy lint --config <dir>/qod-policy.config.json <dir>/bodies` reports exactly each
//   case's finding.
// Pure: the file names and texts; the command line writes them.

import type { ValidateOptions } from '../types.js';
import { echoesCorrelator } from './checks.js';
import type { ProbeCase, ProbeSuite } from './types.js';

export const MANIFEST = 'manifest.json';
export const BODIES = 'bodies';
const CONFIG = 'qod-policy.config.json';
/** The manifest's `tool`, by which a folder written before is recognised (and may be written again). */
export const MANIFEST_TOOL = 'qod-policy probe';

/** The body file of a case: its place in the suite and its id. */
function bodyFile(probeCase: ProbeCase, index: number): string {
  const name = probeCase.id.replace('/', '.').replace('#', '.').replace(/[^A-Za-z0-9._-]/g, '_');
  return `${BODIES}/${String(index + 1).padStart(2, '0')}-${name}.json`;
}

/** The options JSON can hold (no plugins, no resolveDevice), for lint to judge the bodies alike. */
function lintConfig(suite: ProbeSuite, options: ValidateOptions): Record<string, unknown> {
  const config: Record<string, unknown> = { dialect: suite.dialect };
  const { resolveDevice: _resolver, ...policy } = options.policy ?? {};
  void _resolver;
  if (Object.keys(policy).length > 0) config.policy = policy;
  const context: Record<string, unknown> = {};
  if (suite.tokenKind !== undefined) context.tokenIdentifiesDevice = suite.tokenKind === 'three-legged';
  if (options.context?.now !== undefined) context.now = options.context.now.toISOString();
  if (Object.keys(context).length > 0) config.context = context;
  if (options.rules !== undefined) config.rules = options.rules;
  if (options.limits !== undefined) config.limits = options.limits;
  return config;
}

/** The files of a written suite, by path relative to the folder. */
export function suiteFiles(suite: ProbeSuite, options: ValidateOptions, version: string): { path: string; text: string }[] {
  const files = suite.cases.map((probeCase, i) => ({ path: bodyFile(probeCase, i), text: probeCase.body }));
  const manifest = {
    tool: MANIFEST_TOOL,
    version,
    dialect: suite.dialect,
    apiVersion: suite.apiVersion,
    release: suite.release,
    tokenKind: suite.tokenKind ?? null,
    request: {
      method: 'POST',
      path: '<base-url>/sessions',
      headers: { 'content-type': 'application/json' },
      // A fresh x-correlator per request, which the answer echoes (the release declares the header).
      correlatorEchoed: echoesCorrelator(suite.release),
    },
    answer: {
      contentType: 'application/json',
      errorInfo: suite.release === 'v0.8.1' ? ['code', 'message'] : ['status', 'code', 'message'],
    },
    cases: suite.cases.map((probeCase, i) => {
      const { id, ruleId, messageId, title, path, finding, accepted, basis, scenario, mutation, valid } = probeCase;
      return {
        id,
        file: bodyFile(probeCase, i),
        ...(valid === true ? { valid, expected: { status: 201 } } : { ruleId, messageId, path, finding, expected: { accepted } }),
        title,
        basis,
        ...(scenario === undefined ? {} : { scenario }),
        mutation,
      };
    }),
    omitted: suite.omitted,
    ...((options.plugins?.length ?? 0) > 0 ? { note: 'The configuration has plugins, which qod-policy.config.json cannot hold.' } : {}),
  };
  files.push({ path: MANIFEST, text: `${JSON.stringify(manifest, null, 2)}\n` });
  files.push({ path: CONFIG, text: `${JSON.stringify(lintConfig(suite, options), null, 2)}\n` });
  return files;
}
