// Bad input costs little (issue 7): locating the issues of a JSON body without duplicate keys
// walks only towards the places they name and builds no tree of offsets. The tree (scanJson)
// is built only when a duplicate key is suspected, and then also serves the positions. Checked
// by watching scanJson, not by timing.

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/parse/json-scan.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/parse/json-scan.js')>();
  return { ...original, scanJson: vi.fn(original.scanJson) };
});

const { scanJson } = await import('../../src/parse/json-scan.js');
const { validateJson } = await import('../../src/index.js');
const { parseSource } = await import('../../src/parse/index.js');

const body = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  devicePorts: { ranges: Array.from({ length: 200 }, (_, i) => ({ from: i + 1, to: i + 1 })) },
  qosProfile: 'QOS_L',
  duration: 0,
};

describe('locating builds no tree of offsets for a body without duplicate keys', () => {
  afterEach(() => vi.mocked(scanJson).mockClear());

  it('validateJson: an issue located exactly, without scanJson', () => {
    const text = JSON.stringify(body, null, 2);
    const report = validateJson(text);
    const duration = report.issues.find((issue) => issue.path === '/duration');
    const line = text.split('\n').findIndex((l) => l.includes('"duration"')) + 1;
    expect(duration).toMatchObject({ line, column: 15, endLine: line, endColumn: 16 });
    expect(scanJson).not.toHaveBeenCalled();
  });

  it('a key given twice: the tree is built (once) for the duplicate, and positions come from it', () => {
    const text = '{\n  "duration": 5,\n  "duration": 0,\n  "qosProfile": "QOS_L"\n}';
    const report = validateJson(text);
    expect(report.issues.find((issue) => issue.messageId === 'duplicateKey')).toMatchObject({ line: 3, column: 3 });
    expect(scanJson).toHaveBeenCalledTimes(1);
    const [parsed] = parseSource(text, 'json');
    expect(parsed!.locatePlaces([{ pointer: '/duration', member: false }])).toEqual([{ line: 3, column: 15, endLine: 3, endColumn: 16 }]);
    expect(scanJson).toHaveBeenCalledTimes(2);
  });

  it('many places of one body are found in one call, each as locate finds it alone', () => {
    const text = JSON.stringify(body, null, '\t').replace(/\n/g, '\r\n');
    const [parsed] = parseSource(text, 'json');
    const places = [
      { pointer: '/duration', member: false },
      { pointer: '/devicePorts/ranges/150/to', member: true },
      { pointer: '/devicePorts/ranges/150/x', member: true }, // names nothing: its parent's value
      { pointer: '/device', member: true },
      { pointer: '/nothing/here', member: false }, // names nothing: the body
    ];
    expect(parsed!.locatePlaces(places)).toEqual([
      parsed!.locate('/duration'),
      parsed!.locateMember('/devicePorts/ranges/150/to'),
      parsed!.locate('/devicePorts/ranges/150'),
      parsed!.locateMember('/device'),
      parsed!.locate(''),
    ]);
    expect(scanJson).not.toHaveBeenCalled();
  });
});
