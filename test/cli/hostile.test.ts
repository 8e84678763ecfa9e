// The command line under hostile conditions (issue 7, items 7-10), each with real child processes
// of the built binary: output that cannot be written, file names that would forge log lines or are
// not UTF-8, configuration modules that throw odd values, and files too large to read.

import { execFile, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, ensureBuilt, root, runCli, type RunResult } from './helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-hostile-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** An invalid body (a reversed port range and no applicationServer): two errors. */
const INVALID = JSON.stringify({ device: { phoneNumber: '+34600000001' }, qosProfile: 'QOS_E', duration: 3600, devicePorts: { ranges: [{ from: 5020, to: 5010 }] } });
const VALID = JSON.stringify({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 });

/** A fresh folder under the test's temporary folder. */
function folder(name: string): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface SpawnOptions {
  cwd?: string;
  /** A file descriptor for the child's standard output; default a pipe. */
  stdoutFd?: number;
  /** A file descriptor for the child's standard input; default an empty pipe. */
  stdinFd?: number;
  /** A file descriptor for the child's standard error; default a pipe. */
  stderrFd?: number;
  /** Close our end of the stdout pipe as soon as the first bytes arrive (as `| head -c1` does). */
  closeStdoutEarly?: boolean;
}

/** Runs the built binary with the given standard streams; resolves when it exits. */
function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<RunResult & { firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: cleanEnv(),
      stdio: [options.stdinFd ?? 'pipe', options.stdoutFd ?? 'pipe', options.stderrFd ?? 'pipe'],
    });
    let stdout = '';
    let firstChunk = '';
    let stderr = '';
    child.stdin?.end();
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (firstChunk === '') firstChunk = chunk;
      if (options.closeStdoutEarly) child.stdout!.destroy();
      else stdout += chunk;
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === null) reject(new Error(`killed by ${signal}`));
      else resolve({ status: code, stdout, stderr, firstChunk });
    });
  });
}

/** One line on stderr, prefixed 'qod-policy: ', with no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^qod-policy: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('output that cannot be written (item 7)', { timeout: 60_000 }, () => {
  // More output than a pipe holds (64 KiB on Linux), so that a reader that stops early leaves the
  // command writing: 2,000 invalid bodies in one NDJSON file.
  let big: string;
  beforeAll(() => {
    big = join(folder('output'), 'many.ndjson');
    writeFileSync(big, `${Array.from({ length: 2000 }, () => INVALID).join('\n')}\n`);
  });

  it.each([
    [['lint', '--no-config', 'fixtures/']],
    [['lint', '--no-config', '--format', 'sarif', 'fixtures/qod-1.2/valid/']],
    [['rules']],
    [['--help']],
    [['--version']],
  ])('%j to a full disk (/dev/full): one line on stderr, status 2', async (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = await spawnCli(args, { stdoutFd: full });
      expect(result.status).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(/^qod-policy: Cannot write to standard output: ENOSPC \(no space left on device\)\.\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('stops quietly with the status of the run when the reader closes the pipe early (| head)', async () => {
    const invalid = await spawnCli(['lint', '--no-config', '--format', 'json', big], { closeStdoutEarly: true });
    expect(invalid.firstChunk).toMatch(/^\[\{"filePath":/);
    expect(invalid).toMatchObject({ status: 1, stderr: '' });

    const valid = join(folder('output-valid'), 'many.ndjson');
    writeFileSync(valid, `${Array.from({ length: 2000 }, () => VALID).join('\n')}\n`);
    const clean = await spawnCli(['lint', '--no-config', '--format', 'json', valid], { closeStdoutEarly: true });
    expect(clean.firstChunk).toMatch(/^\[\{"filePath":/);
    expect(clean).toMatchObject({ status: 0, stderr: '' });
  });

  it('ends with the status of the run when stderr cannot be written either', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      expect((await spawnCli(['lint', '--no-config', 'no-such-file.json'], { stderrFd: full })).status).toBe(2);
      expect((await spawnCli(['lint', '--no-config', 'fixtures/qod-1.2/valid/'], { stdoutFd: full, stderrFd: full })).status).toBe(0);
      expect((await spawnCli(['lint', '--no-config', 'fixtures/qod-1.2/invalid/'], { stdoutFd: full, stderrFd: full })).status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it.each([
    ['a path inside a file', (dir: string) => join(dir, 'a-file', 'report.txt'), /a part of the path is not a folder/],
    ['a folder', (dir: string) => dir, /EISDIR \(it is a folder\)/],
    ['a full disk', () => '/dev/full', /ENOSPC \(no space left on device\)/],
  ])('--output to %s: one line naming it, status 2', async (_, target, reason) => {
    const dir = folder('unwritable');
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const output = target(dir);
    const result = await runCli(['lint', '--no-config', '--output', output, 'fixtures/qod-1.2/invalid/port-range-reversed.json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(`Cannot write the report to '${output}'`);
    expect(result.stderr).toMatch(reason);
  });
});

describe('file names that would forge log lines, or are not UTF-8 (item 8)', { timeout: 60_000 }, () => {
  // Each name as the reports must show it where they keep names exactly (json, sarif, junit):
  // bytes that are not UTF-8 as \xNN.
  // In the order of a folder walk (by name).
  const NAMES = [
    '::warning::d %,:.json', // a workflow command at the start of a name; % , : for GitHub's escaping
    'a\n::error file=x::forged.json', // a line break, then a workflow command
    'b\r\u001b[31mred.json', // CR and an escape sequence
    'c\u0085\u007f\u2028\u2029\u009b[2J.json', // C1 NEL, DEL, line and paragraph separators, C1 CSI
    'f\\xff.json', // written below as bytes 66 ff 2e 6a 73 6f 6e
    'g\\xfe/in.json', // a folder whose name is not UTF-8
    'hostile-values.json', // a plain name, a body quoting control characters
    'z.json',
  ];
  // As GitHub workflow commands can carry them: CR, LF, %, : and , are the runner's own escapes
  // (read back below); other controls can only be shown as \uXXXX.
  const GITHUB_NAMES = NAMES.map((name) => name.replace('\u001b', '\\u001b').replace('c\u0085\u007f\u2028\u2029\u009b', 'c\\u0085\\u007f\\u2028\\u2029\\u009b'));
  // In stylish, every control is shown as an escape, and no line starts with '::'.
  const STYLISH_HEADINGS = [
    './::warning::d %,:.json',
    'a\\n::error file=x::forged.json',
    'b\\r\\u001b[31mred.json',
    'c\\u0085\\u007f\\u2028\\u2029\\u009b[2J.json',
    'f\\xff.json',
    'g\\xfe/in.json',
    'hostile-values.json',
    'z.json',
  ];
  // Characters that must never appear raw in any output (tab and LF, the outputs' own, aside).
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

  let dir: string;
  beforeAll(() => {
    dir = folder('names');
    for (const name of NAMES.slice(0, 4)) writeFileSync(join(dir, name), INVALID);
    writeFileSync(Buffer.from([...Buffer.from(dir), 0x2f, 0x66, 0xff, 0x2e, 0x6a, 0x73, 0x6f, 0x6e]), INVALID);
    mkdirSync(Buffer.from([...Buffer.from(dir), 0x2f, 0x67, 0xfe]));
    writeFileSync(Buffer.from([...Buffer.from(dir), 0x2f, 0x67, 0xfe, ...Buffer.from('/in.json')]), INVALID);
    // A body whose keys and values quote controls: whatever the messages say, the outputs escape.
    writeFileSync(join(dir, 'hostile-values.json'), JSON.stringify({ '\u001b[2J\n::error::key\u2028': 1, device: { phoneNumber: '+34\u001b[31m\r\n::error::x' }, qosProfile: 'QOS_E\u0085', duration: 3600 }));
    writeFileSync(join(dir, 'z.json'), INVALID);
  });

  /** Every line of an output that is not the output's own: none may start with '::'. */
  function expectNoForgedLine(text: string): void {
    expect(text).not.toMatch(RAW_CONTROL);
    for (const line of text.split('\n')) expect(line.trimStart(), JSON.stringify(line)).not.toMatch(/^::/);
  }

  it('stylish: lints every file, names shown with escapes, no line forged', async () => {
    const result = await runCli(['lint', '--no-config', '.'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expectNoForgedLine(result.stdout);
    const headings = result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('  ') && !line.startsWith('\u2716'));
    expect(headings).toEqual(STYLISH_HEADINGS);
  });

  it('json: every file, names exactly, no raw control character', async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stderr: '' });
    expectNoForgedLine(result.stdout);
    const results = JSON.parse(result.stdout) as { filePath: string; errorCount: number }[];
    expect(results.map((r) => r.filePath)).toEqual(NAMES);
    for (const r of results) expect(r.errorCount, r.filePath).toBeGreaterThan(0);
  });

  it('sarif: every file, names exactly once the URIs are decoded, no raw control character', async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'sarif', '.'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stderr: '' });
    expectNoForgedLine(result.stdout);
    const log = JSON.parse(result.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris].map((uri) => decodeURIComponent(uri))).toEqual(NAMES);
  });

  it('junit: every file, names exactly once the XML is read, no raw control character', async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'junit', '.'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stderr: '' });
    expectNoForgedLine(result.stdout);
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') names.push(tag.attributes.name as string);
    });
    parser.write(result.stdout).close();
    // ESC is no XML character at all: shown as \u001b.
    expect(names).toEqual(NAMES.map((name) => name.replace('\u001b', '\\u001b')));
  });

  it("github: one workflow command per finding, names read back with the runner's unescaping", async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'github', '.'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stderr: '' });
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const lines = result.stdout.trimEnd().split('\n');
    const files = new Set<string>();
    for (const line of lines) {
      const command = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(command, JSON.stringify(line)).not.toBeNull();
      const properties = new Map(command![2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
      const unescape = (value: string) => value.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      files.add(unescape(properties.get('file')!));
    }
    expect([...files]).toEqual(GITHUB_NAMES);
  });

  it('lints files named on the command line by bytes that are not UTF-8 (through the shell)', async () => {
    const result = await new Promise<RunResult>((resolve, reject) => {
      const child = spawn('bash', ['-c', `exec "$0" "$1" lint --no-config --format json $'f\\xff.json' $'g\\xfe'`, process.execPath, bin], { cwd: dir, env: cleanEnv() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    });
    expect(result).toMatchObject({ status: 1, stderr: '' });
    expect((JSON.parse(result.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual(['f\\xff.json', 'g\\xfe/in.json']);
  });

  it('escapes names in messages on stderr', async () => {
    const missing = await runCli(['lint', '--no-config', 'gone\u001b[2J\n::error::x.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("qod-policy: No such file or directory: 'gone\\u001b[2J\\n::error::x.json'.\n");

    const configured = folder('names-ignored');
    writeFileSync(join(configured, 'qod-policy.config.json'), JSON.stringify({ ignores: ['ign*'] }));
    writeFileSync(join(configured, 'ign\r\u0085.json'), VALID);
    writeFileSync(join(configured, 'ok.json'), VALID);
    const ignored = await runCli(['lint', 'ign\r\u0085.json', 'ok.json'], { cwd: configured });
    expect(ignored.status).toBe(0);
    expect(ignored.stderr).toBe("qod-policy: 'ign\\r\\u0085.json' is ignored by qod-policy.config.json ('ignores'); not linted.\n");
  });
});

describe('files too large to read (item 10)', { timeout: 60_000 }, () => {
  const MiB = 1024 * 1024;
  interface Finding {
    filePath: string;
    issues: { ruleId: string; messageId: string; message: string; data?: Record<string, number>; line?: number }[];
  }

  /** A sparse file (it takes no disk space) that starts as JSON does, as a crafted body would. */
  function sparse(path: string, size: number): string {
    writeFileSync(path, '{"device":');
    truncateSync(path, size);
    return path;
  }

  it('reports a file over the default 64 MiB as a finding without reading it; memory stays bounded', async () => {
    const dir = folder('large');
    sparse(join(dir, 'huge.json'), 600 * MiB); // more than a string can hold
    sparse(join(dir, 'large.json'), 300 * MiB);
    writeFileSync(join(dir, 'small.json'), VALID);
    // The run in-process in a child that reports its peak memory: reading either file would take
    // 300 MiB or more; linting the small one takes about 50 MiB.
    const bundle = join(root, 'dist', 'cli', 'bundle', 'qod-policy.cjs');
    const script = [
      `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
      `const status = await main(['lint', '--no-config', '--format', 'json', '.']);`,
      'process.stderr.write(String(process.resourceUsage().maxRSS * 1024));',
      'process.exitCode = status;',
    ].join('\n');
    const result = await new Promise<RunResult>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: cleanEnv(), maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      });
    });
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as Finding[];
    expect(results.map((r) => [r.filePath, r.issues.map((i) => `${i.ruleId}/${i.messageId}`)])).toEqual([
      ['huge.json', ['parse/fileTooLarge']],
      ['large.json', ['parse/fileTooLarge']],
      ['small.json', []],
    ]);
    expect(results[0]!.issues[0]).toMatchObject({
      message: 'The file is 629145600 bytes, more than the maximum of 67108864 (--max-file-size): it was not read.',
      data: { size: 600 * MiB, maxFileSize: 64 * MiB },
      line: 1,
    });
    expect(Number(result.stderr)).toBeGreaterThan(0);
    expect(Number(result.stderr)).toBeLessThan(200 * MiB);
  });

  it('--max-file-size lowers the limit: a file at the limit is read, one byte more is a finding', async () => {
    const dir = folder('limit');
    const body = `${VALID}\n`;
    writeFileSync(join(dir, 'at.json'), body);
    writeFileSync(join(dir, 'over.json'), `${body} `);
    const result = await runCli(['lint', '--no-config', '--format', 'json', '--max-file-size', String(body.length), '.'], { cwd: dir });
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as Finding[];
    expect(results.map((r) => [r.filePath, r.issues.map((i) => i.messageId)])).toEqual([['at.json', []], ['over.json', ['fileTooLarge']]]);
    expect(results[1]!.issues[0]!.data).toEqual({ size: body.length + 1, maxFileSize: body.length });
  });

  it('stops reading at the limit when the size says nothing (a /proc file says 0)', async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'json', '--max-file-size', '16', '/proc/self/status']);
    expect(result.status).toBe(1);
    const [only] = JSON.parse(result.stdout) as Finding[];
    expect(only!.issues).toMatchObject([{ ruleId: 'parse', messageId: 'fileTooLarge', message: 'The file is more than the maximum of 16 bytes (--max-file-size): reading stopped there.' }]);
  });

  it('standard input: a file over the limit is judged by its size; a pipe is read up to the limit', async () => {
    const huge = sparse(join(folder('stdin'), 'huge.json'), 600 * MiB);
    const fd = openSync(huge, 'r');
    let fromFile: RunResult;
    try {
      fromFile = await spawnCli(['lint', '--no-config', '--format', 'json', '-'], { stdinFd: fd });
    } finally {
      closeSync(fd);
    }
    expect(fromFile.status).toBe(1);
    expect((JSON.parse(fromFile.stdout) as Finding[])[0]!.issues).toMatchObject([
      { messageId: 'fileTooLarge', message: 'Standard input is 629145600 bytes, more than the maximum of 67108864 (--max-file-size): it was not read.' },
    ]);

    const fromPipe = await new Promise<RunResult>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'lint', '--no-config', '--format', 'json', '--max-file-size', '1000', '-'], { env: cleanEnv() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The command stops reading and exits: what we still write may meet a closed pipe.
      child.stdin.on('error', () => undefined);
      child.stdin.end(' '.repeat(1 << 20));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    });
    expect(fromPipe).toMatchObject({ status: 1, stderr: '' });
    expect((JSON.parse(fromPipe.stdout) as Finding[])[0]!.issues).toMatchObject([
      { messageId: 'fileTooLarge', message: 'Standard input is more than the maximum of 1000 bytes (--max-file-size): reading stopped there.' },
    ]);
  });

  it.each(['0', '-1', '1.5', 'lots', '536870889'])('--max-file-size %s is a usage error', async (value) => {
    const result = await runCli(['lint', '--no-config', `--max-file-size=${value}`, 'fixtures/qod-1.2/valid/']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`qod-policy: Option --max-file-size needs a whole number of bytes from 1 to 536870888, not '${value}'.\n`);
  });
});

describe('a .mjs configuration that throws an odd value (item 9)', { timeout: 60_000 }, () => {
  it.each([
    ['a null-prototype object', 'throw Object.create(null);', /cannot be loaded: a value that is not an Error$/],
    ['an Error whose message getter throws', 'class E extends Error { get message() { throw Object.create(null); } }\nthrow new E();', /cannot be loaded: a value that cannot be described$/],
    ['a Symbol', "throw Symbol('odd');", /cannot be loaded: Symbol\(odd\)$/],
    ['undefined', 'throw undefined;', /cannot be loaded: undefined$/],
    ['a multi-line message with escape sequences', "throw new Error('one\\n::error::forged \\u001b[2J');", /cannot be loaded: one\\n::error::forged \\u001b\[2J$/],
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
