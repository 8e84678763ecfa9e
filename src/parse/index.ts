// The parse layer: source text (JSON, NDJSON, YAML) → bodies with values, parse findings and a
// lazy map from JSON Pointers to positions in the file. The engine turns a body into a report
// (src/engine/validator.ts: validateJson and the CLI's validateSource).
//
// Positions: 1-based lines and columns in UTF-16 code units, end exclusive (ESLint, SARIF). A
// leading BOM is not a column; LF, CRLF and a lone CR each end a line; a tab is one column.
// NDJSON and YAML positions are positions in the file, not in the body.
//
// Cost: a clean JSON body costs JSON.parse plus a duplicate-key test of about a third of it;
// positions are computed only for the findings a report lists, by a walk towards the places they
// name (json-locate.ts) that skips everything else, or from the tree of offsets when a duplicate
// key was suspected and the tree was built for it anyway.

export type { SourceBody, SourceKind, SourceRange } from './types.js';
export type { JsonRead } from './source.js';
export {
  MEMBER_MESSAGE_IDS,
  parseJsonSource,
  parseProblem,
  parseSource,
  readJson,
  sourceKindOf,
  withLocations,
} from './source.js';
export { decodeUtf8, hasNoDuplicateKeys } from './json.js';
