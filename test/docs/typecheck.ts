// Type-checks the TypeScript blocks of the documentation in one program, as a user's file would be:
// each block is a module of its own in a folder of the repository, so that `import ... from
// 'qod-policy'` (and 'qod-policy/http' ...) resolves through package.json "exports" to the built
// declarations in dist/, the ones the package ships. A block's `prelude` directive is compiled
// before it, on the same line, so that positions in the block stay the block's own.

import { join } from 'node:path';
import ts from 'typescript';

export interface TsSource {
  /** A unique name for the block, e.g. 'README.md-84'. */
  name: string;
  code: string;
  /** Hidden declarations the block uses but does not show (the prelude directive). */
  prelude: string;
  /** Compile it as this file of the repository (relative to the root) instead of a module of its own. */
  file?: string | undefined;
}

export interface TsProblem {
  /** 0-based line within the block's code. */
  line: number;
  /** 1-based column. */
  column: number;
  text: string;
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  resolveJsonModule: true,
};

/** Type-checks every source; the problems of each, by name. */
export function typecheck(root: string, sources: readonly TsSource[]): Map<string, TsProblem[]> {
  const folder = join(root, '.doc-blocks');
  const texts = new Map<string, TsSource>();
  for (const source of sources) texts.set(source.file === undefined ? join(folder, `${source.name}.ts`) : join(root, source.file), source);

  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  const text = (path: string): string | undefined => {
    const source = texts.get(path);
    // The prelude shares the first line, so that line numbers are the block's; `export {}` makes
    // every block a module, whatever it holds.
    return source === undefined ? undefined : `${source.prelude.replace(/\n/g, ' ')} ${source.code}\nexport {};\n`;
  };
  host.fileExists = (path) => texts.has(path) || fileExists.call(host, path);
  host.readFile = (path) => text(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const own = text(path);
    return own === undefined ? getSourceFile.call(host, path, language, onError, create) : ts.createSourceFile(path, own, language, true);
  };

  const program = ts.createProgram([...texts.keys()], options, host);
  const problems = new Map<string, TsProblem[]>(sources.map((source) => [source.name, []]));
  const global: TsProblem[] = [];
  // The blocks' own diagnostics, and those of the set-up; not those of the files the blocks import
  // (the package's declarations, the sources a `file` block imports), which other checks own.
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const path of texts.keys()) {
    const file = program.getSourceFile(path)!;
    diagnostics.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file));
  }
  for (const diagnostic of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const source = diagnostic.file === undefined ? undefined : texts.get(diagnostic.file.fileName);
    if (diagnostic.file === undefined || source === undefined || diagnostic.start === undefined) {
      global.push({ line: 0, column: 0, text: `TS${diagnostic.code} ${diagnostic.file?.fileName ?? ''} ${message}`.trim() });
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const column = line === 0 ? Math.max(1, character + 1 - (source.prelude.length + 1)) : character + 1;
    problems.get(source.name)!.push({ line, column, text: `TS${diagnostic.code} ${message}` });
  }
  // A problem of the set-up concerns every block.
  if (global.length > 0) for (const list of problems.values()) list.push(...global);
  return problems;
}

/** Syntax problems of a JavaScript block (it is not type-checked: it would need the frameworks it shows). */
export function syntaxProblems(code: string): TsProblem[] {
  const { diagnostics = [] } = ts.transpileModule(code, { fileName: 'block.mjs', reportDiagnostics: true, compilerOptions: { allowJs: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return diagnostics.map((d) => {
    const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    return { line, column: character + 1, text: `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}` };
  });
}
