// json: for machines. Exactly the array of results (DESIGN.md, CLI section): one element per body,
// `{ filePath, index, dialect, valid, errorCount, warningCount, issues }`, issues with their
// line/column positions in the file. No trailing newline (the CLI ends what it writes).

import type { Formatter } from './types.js';

const json: Formatter = (results) => JSON.stringify(results);

export default json;
