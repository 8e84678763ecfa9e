// The package version, read on demand from the package.json of this package (found upward from
// this file, which may sit in dist/cli/ or, bundled, in dist/cli/bundle/).

import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  for (let up = '../'; up.length <= 5 * 3; up += '../') {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'qod-policy' && typeof pkg.version === 'string') {
        cached = pkg.version;
        break;
      }
    } catch {
      // not here: look one folder up
    }
  }
  return cached;
}
