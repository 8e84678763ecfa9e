// The command line under hostile conditions (issue 7, items 7-10), each with real child processes
// of the built binary: output that cannot be written, file names that would forge log lines or are
// not UTF-8, configuration modules that throw odd values, and files too large to read.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-hostile-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

const VALID = JSON.stringify({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 });

/** A fresh folder under the test's temporary folder. */
function folder(name: string): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One line on stderr, prefixed 'qod-policy: ', with no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^qod-policy: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('a .mjs configuration that throws an odd value (item 9)', { timeout: 60_000 }, () => {
  it.each([
    ['a null-prototype object', 'throw Object.create(null);', /cannot be loaded: a value that is not an Error$/],
    ['an Error whose message getter throws', 'class E extends Error { get message() { throw Object.create(null); } }\nthrow new E();', /cannot be loaded: a value that cannot be described$/],
    ['a Symbol', "throw Symbol('odd');", /cannot be loaded: Symbol\(odd\)$/],
    ['undefined', 'throw undefined;', /cannot be loaded: undefined$/],
    ['a multi-line message with escape sequences', "throw new Error('one\\n::error::forged \\u001b[2J');", /cannot be loaded: one\\u000a::error::forged \\u001b\[2J$/],
    // Node's module loader reads the thrown value's stack itself: what reaches us may be what the trap threw.
    ['a Proxy whose every trap throws', 'throw new Proxy({}, { get() { throw Object.create(null); }, getPrototypeOf() { throw Object.create(null); } });', /cannot be loaded: a value that (cannot be described|is not an Error)$/],
    ['a default export whose getter throws', 'export default { get rules() { throw Object.create(null); } };', /qod-policy\.config\.mjs: /],
    ['a default export that is a throwing Proxy', 'export default new Proxy({}, { ownKeys() { throw Symbol(); }, get() { throw Symbol(); }, has() { throw Symbol(); }, getPrototypeOf() { throw Symbol(); }, getOwnPropertyDescriptor() { throw Symbol(); } });', /qod-policy\.config\.mjs: /],
    ['a plugin whose rules getter throws', "export default { plugins: [{ name: 'p', get rules() { throw Object.create(null); } }] };", /qod-policy\.config\.mjs: /],
    ['a plugin rule whose meta getter throws', "export default { plugins: [{ name: 'p', rules: { r: { get meta() { throw Symbol('meta'); }, check() {} } } }] };", /qod-policy\.config\.mjs: /],
    ['a timer that throws after loading', 'setTimeout(() => { throw Object.create(null); });\nexport default { rules: {} };', /^qod-policy: internal error: a value that is not an Error$/],
  ])('%s: one line on stderr, status 2', async (_, module, expected) => {
    const dir = mkdtempSync(join(temp, 'config-'));
    writeFileSync(join(dir, 'qod-policy.config.mjs'), module);
    writeFileSync(join(dir, 'body.json'), VALID);
    const result = await runCli(['lint', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr.trimEnd()).toMatch(expected);
  });
});
