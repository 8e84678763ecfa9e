// Nothing in qod-policy may generate code at run time (edge runtimes and hardened Node forbid
// `eval`/`new Function`): the body schemas and the configuration schema are compiled at build time
// and rule options, a plugin's included, are interpreted. Proven here by running the BUILT package
// and command line in a child process under `node --disallow-code-generation-from-strings`, with a
// plugin rule that has an options schema, given bad options and then good ones.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, ensureBuilt, root } from '../cli/helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-no-codegen-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

function runNode(args: readonly string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--disallow-code-generation-from-strings', ...args], { cwd, env: cleanEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** A plugin rule with options, as source text: the profile must not start with the configured prefix. */
const PLUGIN = `{
  name: 'acme',
  rules: {
    'no-test-profiles': {
      meta: {
        docs: { description: 'No test profiles.' },
        messages: { testProfile: "qosProfile '{{ name }}' starts with '{{ prefix }}'." },
        schema: {
          type: 'object',
          properties: {
            prefix: { type: 'string', minLength: 1, description: 'Prefix of test profiles.' },
            mode: { enum: ['strict', 'lenient'], description: 'How strict.' },
          },
          additionalProperties: false,
        },
        defaultOptions: { prefix: 'TEST_', mode: 'strict' },
        status: 422,
        code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
      },
      check(model, ctx) {
        const p = model.qosProfile;
        if (p && p.value.startsWith(ctx.options.prefix)) ctx.report({ messageId: 'testProfile', path: p.path, data: { name: p.value, prefix: ctx.options.prefix } });
      },
    },
  },
}`;

const BODY = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QA_FAST', duration: 3600 };

describe('no code generation at run time (node --disallow-code-generation-from-strings)', { timeout: 60_000 }, () => {
  it('the library checks a plugin rule\'s options, bad and good, and validates', async () => {
    const script = join(temp, 'library.mjs');
    writeFileSync(
      script,
      `import { createValidator } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'index.js')).href)};
const out = {};
// The flag is in force: this is exactly what ajv's run-time compiler would do.
try { new Function('return 1'); out.codegen = 'allowed'; } catch (error) { out.codegen = error.name; }
const plugin = ${PLUGIN};
const attempt = (options) => { try { createValidator(options); return 'accepted'; } catch (error) { return error.name + ': ' + error.message; } };
out.badOptions = attempt({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['error', { prefix: '' }] } });
out.badEnum = attempt({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['error', { mode: 'loose' }] } });
out.typo = attempt({ plugins: [plugin], policy: { qosProfile: [] } });
const { validate, validateJson } = createValidator({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['warn', { prefix: 'QA_', mode: 'lenient' }] }, policy: { qosProfiles: [{ name: 'QA_FAST', status: 'ACTIVE' }] } });
const body = ${JSON.stringify(BODY)};
out.issues = validate(body).issues.map((issue) => issue.ruleId + ' ' + issue.severity + ' ' + issue.message);
out.jsonValid = validateJson(JSON.stringify(body)).valid;
out.standard = (await createValidator({ plugins: [plugin] })['~standard'].validate({ ...body, duration: 0 })).issues.map((issue) => issue.path.join('.'));
const registry = createValidator({ policy: { resolveDevice: () => new Promise(() => {}), resolveDeviceTimeout: 5 } });
out.timeout = (await registry.validateAsync(body)).issues.map((issue) => issue.messageId);
console.log(JSON.stringify(out));
`,
    );
    const result = await runNode([script], temp);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      codegen: 'EvalError',
      badOptions: "QodPolicyConfigError: Rule 'acme/no-test-profiles': option 'prefix' must not be empty (got '').",
      badEnum: "QodPolicyConfigError: Rule 'acme/no-test-profiles': option 'mode' must be one of 'strict', 'lenient' (got 'loose').",
      typo: "QodPolicyConfigError: policy.qosProfile is not an option; did you mean 'policy.qosProfiles'?",
      issues: ["acme/no-test-profiles warn qosProfile 'QA_FAST' starts with 'QA_'."],
      jsonValid: true,
      standard: ['duration'],
      timeout: ['resolverTimeout'],
    });
  });

  it('the command line loads a .mjs configuration with that plugin, bad options and good', async () => {
    const dir = mkdtempSync(join(temp, 'cli-'));
    writeFileSync(join(dir, 'body.json'), JSON.stringify(BODY));
    writeFileSync(join(dir, 'bad.mjs'), `export default { plugins: [${PLUGIN}], rules: { 'acme/no-test-profiles': ['error', { prefix: 3 }] } };\n`);
    writeFileSync(join(dir, 'good.mjs'), `export default { plugins: [${PLUGIN}], rules: { 'acme/no-test-profiles': ['error', { prefix: 'QA_' }] } };\n`);

    const bad = await runNode([bin, 'lint', '--config', 'bad.mjs', 'body.json'], dir);
    expect(bad).toEqual({ status: 2, stdout: '', stderr: "qod-policy: bad.mjs: Rule 'acme/no-test-profiles': option 'prefix' must be a string (got 3).\n" });

    const good = await runNode([bin, 'lint', '--config', 'good.mjs', '--format', 'json', 'body.json'], dir);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(1);
    const [report] = JSON.parse(good.stdout) as { issues: { ruleId: string; message: string }[] }[];
    expect(report!.issues.map((issue) => `${issue.ruleId} ${issue.message}`)).toEqual(["acme/no-test-profiles qosProfile 'QA_FAST' starts with 'QA_'."]);
  });

  it('the command line reads a JSON configuration with overrides, a catalogue, YAML and NDJSON bodies', async () => {
    const dir = mkdtempSync(join(temp, 'json-'));
    writeFileSync(join(dir, 'body.yaml'), `device:\n  phoneNumber: '+34600000001'\napplicationServer:\n  ipv4Address: 198.51.100.0/24\nqosProfile: QA_FAST\nduration: 7300\n`);
    writeFileSync(join(dir, 'bodies.ndjson'), `${JSON.stringify(BODY)}\n${JSON.stringify({ ...BODY, duration: 7300 })}\n`);
    writeFileSync(
      join(dir, 'qod-policy.config.json'),
      JSON.stringify({
        dialect: 'qod-1.2',
        policy: { qosProfiles: [{ name: 'QA_FAST', status: 'ACTIVE', maxDuration: { value: 2, unit: 'Hours' } }] },
        rules: { 'phone-number': ['error', { numberingPlan: true }] },
        overrides: [{ files: ['*.ndjson'], rules: { 'duration-bounds': 'warn' } }],
      }),
    );
    const result = await runNode([bin, 'lint', '--format', 'json', 'body.yaml', 'bodies.ndjson'], dir);
    expect(result.stderr).toBe('');
    const reports = JSON.parse(result.stdout) as { filePath: string; index: number; issues: { ruleId: string; severity: string }[] }[];
    expect(reports.map((r) => [r.filePath.split(/[\\/]/).pop(), r.index, r.issues.map((i) => `${i.ruleId} ${i.severity}`)])).toEqual([
      ['body.yaml', 0, ['duration-bounds error']],
      ['bodies.ndjson', 0, []],
      ['bodies.ndjson', 1, ['duration-bounds warn']],
    ]);
  });

  it("the sidecar's handle() answers valid and invalid bodies, with a plugin rule's options", async () => {
    const script = join(temp, 'handle.mjs');
    writeFileSync(
      script,
      `import { createHandler } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'gateway', 'index.js')).href)};
const plugin = ${PLUGIN};
const handle = createHandler({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['error', { prefix: 'QA_' }] } });
const body = ${JSON.stringify(BODY)};
const ask = async (value) => {
  const answer = await handle({ method: 'POST', headers: { 'content-type': 'application/json', 'x-correlator': 'abc-123' }, body: JSON.stringify(value) });
  return { status: answer.status, correlator: answer.headers['x-correlator'], body: JSON.parse(answer.body) };
};
const out = { plugin: await ask(body), schema: await ask({ ...body, qosProfile: 'QOS_E', duration: 0 }), valid: (await ask({ ...body, qosProfile: 'QOS_E' })).status };
console.log(JSON.stringify(out));
`,
    );
    const result = await runNode([script], temp);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, { status: number; correlator: string; body: { code: string } } | number>;
    expect(out).toMatchObject({
      plugin: { status: 422, correlator: 'abc-123', body: { code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE' } },
      schema: { status: 400, correlator: 'abc-123', body: { code: 'OUT_OF_RANGE' } },
      valid: 200,
    });
  });
});
