// The package.json that goes into a tarball has no `prepare` script.
//
// `prepare` (npm run build) is for installs from git: npm clones the repository, installs its
// dependencies and runs `prepare` to build dist/, which git does not hold. A tarball made by
// `npm pack` already holds dist/ (prepack builds it), and npm never runs `prepare` when it installs
// a tarball; yet npm 11 lists a tarball's `prepare` among "install scripts not yet covered by
// allowScripts" and warns on every install. So `npm pack` and `npm publish` run
//
//   prepack:  npm run build && node scripts/pack-manifest.mjs strip    (package.json without prepare)
//   postpack: node scripts/pack-manifest.mjs restore                   (package.json as it was)
//
// `strip` keeps the file as it was in the system's temporary folder (one place per package folder)
// and `restore` puts it back byte for byte. A pack that failed between the two leaves the copy behind: the next `strip` (or a
// `restore`) puts it back first. test/packaging/ checks the tarball's package.json and the restore.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(tmpdir(), `qod-policy-pack-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`, 'package.json');

function restore() {
  if (!existsSync(kept)) return false;
  copyFileSync(kept, manifest);
  rmSync(dirname(kept), { recursive: true });
  return true;
}

const command = process.argv[2];
if (command === 'strip') {
  restore();
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  if (pkg.scripts?.prepare !== undefined) {
    mkdirSync(dirname(kept), { recursive: true });
    copyFileSync(manifest, kept);
    delete pkg.scripts.prepare;
    writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  }
} else if (command === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exitCode = 2;
}
