// Where the built-in rules' documentation links point (src/shared/docs-url.ts): the package's folder
// is read from the module's own URL, and only from the places the module has in the package.
import { describe, expect, it } from 'vitest';
import { packageFolderOf } from '../../src/shared/docs-url.js';

describe('packageFolderOf', () => {
  it('finds the package folder from the places the module has in it', () => {
    const pkg = 'file:///home/me/app/node_modules/qod-policy/';
    expect(packageFolderOf(`${pkg}dist/shared/docs-url.js`)).toBe(pkg);
    expect(packageFolderOf(`${pkg}dist/cli/bundle/qod-policy.cjs`)).toBe(pkg);
    expect(packageFolderOf('file:///work/qod-policy/src/shared/docs-url.ts')).toBe('file:///work/qod-policy/');
    expect(packageFolderOf('https://cdn.example/qod-policy@0.1.0/dist/shared/docs-url.js?v=1')).toBe('https://cdn.example/qod-policy@0.1.0/');
  });

  it('knows no folder in a bundle of another program, or without a module URL', () => {
    expect(packageFolderOf('file:///srv/app/dist/server.js')).toBeUndefined();
    expect(packageFolderOf('file:///srv/app/dist/cli/bundle/other.cjs')).toBeUndefined();
    expect(packageFolderOf('https://site.example/assets/index-3f2a.js')).toBeUndefined();
    expect(packageFolderOf(undefined)).toBeUndefined(); // an iife or CommonJS bundle: import.meta is {}
    expect(packageFolderOf('')).toBeUndefined();
  });
});
