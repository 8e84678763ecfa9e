// The fenced code blocks of a Markdown file, with where they are and what the doc-test directives
// before them say (test/docs/blocks.test.ts describes the directives).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Directive {
  name: string;
  /** The text after the name, trimmed ('' when none). */
  argument: string;
  /** 1-based line of the comment. */
  line: number;
}

export interface Block {
  /** The file, relative to the root, with '/' separators. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word, lower-cased ('' when none). */
  lang: string;
  /** The block's text, without the fences and without the indentation of the fence. */
  code: string;
  /** 1-based line of the block's first line of code. */
  firstCodeLine: number;
  directives: Directive[];
  /** The lines after the closing fence up to the next blank line (a note such as "(`notE164` at ...)"). */
  after: string;
  /** The text between the previous `## ` heading (or the file's start) and the block. */
  before: string;
}

/** A mistake in how a file uses the doc-test directives: always a failure, with its place. */
class DirectiveError extends Error {}

const DIRECTIVE = /^\s*<!--\s*doc-test:\s*([a-z-]+)\b([^]*?)-->\s*$/;
const DIRECTIVE_NAMES = new Set(['skip', 'prelude', 'file', 'report-of', 'config', 'options', 'catalogue']);

/** Every fenced code block of a Markdown text. */
function codeBlocks(file: string, text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let pending: Directive[] = [];
  let sectionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^##\s/.test(line)) sectionStart = i;
    if (/^\s*<!--\s*doc-test\b/.test(line)) {
      const match = DIRECTIVE.exec(line);
      if (match === null) throw new DirectiveError(`${file}:${i + 1}: a doc-test directive is one line: <!-- doc-test: <name> <argument> -->`);
      const name = match[1]!;
      if (!DIRECTIVE_NAMES.has(name)) throw new DirectiveError(`${file}:${i + 1}: unknown doc-test directive '${name}' (known: ${[...DIRECTIVE_NAMES].join(', ')})`);
      pending.push({ name, argument: match[2]!.trim(), line: i + 1 });
      continue;
    }
    const fence = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (fence === null) {
      if (pending.length > 0 && line.trim() !== '') {
        throw new DirectiveError(`${file}:${pending[0]!.line}: a doc-test directive must come right before a code block (line ${i + 1} is not one)`);
      }
      continue;
    }
    const [, indent = '', marker = '', lang = ''] = fence;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const closing = new RegExp(`^ {0,${indent.length + 3}}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      if (closing.test(lines[i]!)) break;
      body.push(lines[i]!.startsWith(indent) ? lines[i]!.slice(indent.length) : lines[i]!.trimStart());
    }
    if (i >= lines.length) throw new DirectiveError(`${file}:${start + 1}: the code block is never closed`);
    const after: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !/^( *)(`{3,}|~{3,})/.test(lines[j]!); j++) after.push(lines[j]!);
    blocks.push({
      file,
      line: start + 1,
      lang: lang.toLowerCase(),
      code: body.join('\n'),
      firstCodeLine: start + 2,
      directives: pending,
      after: after.join('\n'),
      before: lines.slice(sectionStart, start).join('\n'),
    });
    pending = [];
  }
  if (pending.length > 0) throw new DirectiveError(`${file}:${pending[0]!.line}: a doc-test directive must come right before a code block (the file ends)`);
  return blocks;
}

/** The Markdown files the package ships: README.md and SECURITY.md at the root, docs/ and examples/ (recursively). */
function documentationFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) out.push(relative(root, path).split('\\').join('/'));
    }
  };
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) out.push(entry.name);
  }
  walk(join(root, 'docs'));
  walk(join(root, 'examples'));
  return out.sort();
}

/** The blocks of every documentation file. */
export function documentationBlocks(root: string): Block[] {
  return documentationFiles(root).flatMap((file) => codeBlocks(file, readFileSync(join(root, file), 'utf8')));
}
