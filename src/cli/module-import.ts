// Loading a user's module (qod-policy.config.mjs, .cjs or .js) by its URL. Where this code is an
// ES module (dist/cli/), import() is Node's own. The command line's bundle runs as a script that
// bin/qod-policy.js compiles with vm.Script, where import() has no module loader to call (and
// Node's stand-in is experimental and lost with a code cache), so bin/qod-policy.js passes its own
// import() to main().

/** Imports a module by URL; resolves to its namespace. */
export type ModuleImporter = (url: string) => Promise<unknown>;

let importer: ModuleImporter = (url) => import(url);

export function importModule(url: string): Promise<unknown> {
  return importer(url);
}

export function useModuleImporter(importModule: ModuleImporter): void {
  importer = importModule;
}
