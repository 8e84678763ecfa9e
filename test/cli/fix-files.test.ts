// `qod-policy lint --fix` on real files, byte for byte (the golden scenarios in cases/fix-*.scenario
// show the usual cases; these are the bytes a scenario's text cannot hold): a BOM, CRLF line ends
// and tabs stay; a second run changes nothing; the file keeps its mode; a file that does not parse,
// or is not UTF-8, is not touched; --fix-dry-run writes nothing. Runs the built binary.

import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliError } from '../../src/cli/errors.js';
import { writeFixed } from '../../src/cli/lint-file.js';
import { ensureBuilt, runCli } from './helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-fix-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Writes the files into a folder of their own; returns its path. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(temp, 'case-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const JSON_CRLF = [
  '\ufeff{',
  '\t"device": {',
  '\t\t"phoneNumber": "+34 600 000 000"',
  '\t},',
  '\t"applicationServer": { "ipv4Address": "198.51.100.000/24" },',
  '\t"devicePorts": { "ports": [5060,\t5060, 443] },',
  '\t"qosProfile": "QOS_E",',
  '\t"duration": 3600',
  '}',
  '',
].join('\r\n');

const YAML_CRLF = [
  '\ufeff# fixtures of the campaign',
  'device:',
  "  phoneNumber: '+34 600 000 000' # mobile",
  'applicationServer:',
  '  ipv4Address: 198.51.100.0/24',
  'devicePorts:',
  '  ports:',
  '    - 5060',
  '    - 5060',
  '    - 443',
  'qosProfile: QOS_E',
  'duration: 3600',
].join('\r\n');

describe('lint --fix on files', { timeout: 60_000 }, () => {
  it('keeps a BOM, CRLF line ends, tabs and comments, byte for byte outside the fixes (JSON and YAML)', async () => {
    const dir = folder({ 'a.json': JSON_CRLF, 'b.yaml': YAML_CRLF });
    const result = await runCli(['lint', '--no-config', '--fix', '.'], { cwd: dir });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(
      JSON_CRLF.replace('+34 600 000 000', '+34600000000').replace('198.51.100.000/24', '198.51.100.0/24').replace('[5060,\t5060, 443]', '[5060, 443]'),
    );
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(YAML_CRLF.replace("'+34 600 000 000'", "'+34600000000'").replace('    - 5060\r\n    - 5060\r\n', '    - 5060\r\n'));
  });

  it('changes nothing the second time (same bytes, file not rewritten)', async () => {
    const dir = folder({ 'a.json': JSON_CRLF, 'b.yaml': YAML_CRLF });
    await runCli(['lint', '--no-config', '--fix', '.'], { cwd: dir });
    const once = { a: readFileSync(join(dir, 'a.json')), b: readFileSync(join(dir, 'b.yaml')) };
    const times = { a: statSync(join(dir, 'a.json')).mtimeMs, b: statSync(join(dir, 'b.yaml')).mtimeMs };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await runCli(['lint', '--no-config', '--fix', '.'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, 'a.json'))).toEqual(once.a);
    expect(readFileSync(join(dir, 'b.yaml'))).toEqual(once.b);
    expect({ a: statSync(join(dir, 'a.json')).mtimeMs, b: statSync(join(dir, 'b.yaml')).mtimeMs }).toEqual(times);
    const dry = await runCli(['lint', '--no-config', '--fix-dry-run', '.'], { cwd: dir });
    expect(dry).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('keeps the mode of the file it rewrites', async () => {
    const dir = folder({ 'a.json': JSON_CRLF });
    chmodSync(join(dir, 'a.json'), 0o640);
    await runCli(['lint', '--no-config', '--fix', 'a.json'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).not.toBe(JSON_CRLF);
    expect(statSync(join(dir, 'a.json')).mode & 0o777).toBe(0o640);
  });

  it('touches no file that does not parse, nor one that is not UTF-8', async () => {
    const broken = `${JSON_CRLF}}`;
    const latin1 = Buffer.from('{"device": {"phoneNumber": "+34 600 000 000"}, "qosProfile": "QOS_\xc9", "duration": 3600}', 'latin1');
    const dir = folder({ 'broken.json': broken, 'latin1.json': latin1 });
    const times = { broken: statSync(join(dir, 'broken.json')).mtimeMs, latin1: statSync(join(dir, 'latin1.json')).mtimeMs };
    const result = await runCli(['lint', '--no-config', '--fix', '--format', 'json', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { issues: { messageId: string }[] }[]).map((r) => r.issues.map((i) => i.messageId))).toEqual([['invalidJson'], ['invalidUtf8']]);
    expect(readFileSync(join(dir, 'broken.json'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'latin1.json'))).toEqual(latin1);
    expect({ broken: statSync(join(dir, 'broken.json')).mtimeMs, latin1: statSync(join(dir, 'latin1.json')).mtimeMs }).toEqual(times);
  });

  it('--fix-dry-run writes nothing and prints a diff that keeps CRLF', async () => {
    const dir = folder({ 'b.yaml': YAML_CRLF });
    const result = await runCli(['lint', '--no-config', '--fix-dry-run', 'b.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(YAML_CRLF);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '--- a/b.yaml',
        '+++ b/b.yaml',
        '@@ -1,12 +1,11 @@',
        ' \ufeff# fixtures of the campaign\r',
        ' device:\r',
        "-  phoneNumber: '+34 600 000 000' # mobile\r",
        "+  phoneNumber: '+34600000000' # mobile\r",
        ' applicationServer:\r',
        '   ipv4Address: 198.51.100.0/24\r',
        ' devicePorts:\r',
        '   ports:\r',
        '     - 5060\r',
        '-    - 5060\r',
        '     - 443\r',
        ' qosProfile: QOS_E\r',
        ' duration: 3600',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('says in one line when the fixed file cannot be written', () => {
    const dir = folder({});
    // A folder where the file was: writing fails whoever runs the test (root included).
    let thrown: unknown;
    try {
      writeFixed({ input: { path: dir, filePath: 'fixtures/a.json' } as never, before: '', after: '{}' });
    } catch (error) {
      thrown = error;
    }
    expect(isCliError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe("Cannot write the fixes to 'fixtures/a.json': EISDIR (it is a folder).");
  });
});
