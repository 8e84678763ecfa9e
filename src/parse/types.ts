// The parse layer's types: what a source file becomes (bodies with values, findings and a locator).

import type { Fix, Issue } from '../types.js';

/** The kinds of source file. */
export type SourceKind = 'json' | 'ndjson' | 'yaml';

/**
 * A span of a file: 1-based lines and columns in UTF-16 code units, the end exclusive (one past
 * the last character), as ESLint and SARIF count them. A leading BOM is not a column; LF, CRLF
 * and a lone CR each end a line.
 */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place an issue names: the value at a pointer or, for `member`, the object member (key and value). */
export interface SourcePlace {
  readonly pointer: string;
  readonly member: boolean;
}

/**
 * How an object member of a YAML body relates to a merge key (`<<`). 'merged': the member was
 * copied in by the merge key (it is written in the merged mapping, where locate places it);
 * 'source': the member's value is the anchored mapping a merge key copies, which the body holds
 * besides the copy.
 */
export interface MergeOrigin {
  readonly role: 'merged' | 'source';
  /** The anchor the merge key names (`<<: *base` → 'base'); absent for a mapping written after `<<:`. */
  readonly anchor?: string;
  /** The position of the merge key's `<<`. */
  readonly line: number;
  readonly column: number;
}

/**
 * A change of one value of a body: the string at `pointer` replaced by `replace`, or the array
 * item at `pointer` removed.
 */
export type ValueEdit = { readonly pointer: string; readonly replace: string } | { readonly pointer: string; readonly remove: true };

/** One request body of a source file. */
export interface SourceBody {
  /** Which body of the file, from 0 (NDJSON: counting non-blank lines; YAML: non-empty documents). */
  readonly index: number;
  /** The line of the file where the body starts (1-based). */
  readonly line: number;
  /** The parsed value; absent when the body does not parse. */
  readonly value?: unknown;
  /**
   * Findings of the parse layer (ruleId 'parse', severity error, 400 INVALID_ARGUMENT), with
   * positions: 'invalidJson' / 'invalidYaml' (syntax, blank file; for YAML beyond an alias
   * limit, data names it: `{ limit, max }`, see src/parse/yaml.ts), 'invalidUtf8' (bytes),
   * 'duplicateKey' (path: the pointer of the repeated member; position: its later key).
   */
  readonly problems: Issue[];
  /** Position of the value a JSON Pointer names; undefined when it names nothing. */
  locate(pointer: string): SourceRange | undefined;
  /** As locate, but an object member's range starts at its key (key and value). */
  locateMember(pointer: string): SourceRange | undefined;
  /**
   * The ranges of many places at once (for a JSON text, one walk for all of them): each place's
   * range as locate or locateMember gives it (a member a YAML merge key copied in: where it is
   * written, in the merged mapping) or, when its pointer names nothing in the text (a value the
   * engine filled in), the range of the value of its nearest ancestor that exists; undefined when
   * there is none.
   */
  locatePlaces(places: readonly SourcePlace[]): (SourceRange | undefined)[];
  /**
   * For an object member of a YAML body, its merge key, if one copied it in or copies its value;
   * otherwise undefined. Absent on bodies that cannot have merge keys.
   */
  mergeOrigin?(pointer: string): MergeOrigin | undefined;
  /**
   * The edit of the file's text that makes a value edit, in offsets of the text as given (a BOM
   * counted), keeping everything else as it is written; undefined when it cannot be made safely
   * (the value is not written where the pointer says, a YAML value shared through an anchor,
   * text around it that a removal would damage...). Absent on bodies without a value.
   */
  textEdit?(edit: ValueEdit): Fix | undefined;
}
