// json: for machines. Exactly the array of results (DESIGN.md, CLI section): one element per body,
// `{ filePath, index, dialect, valid, errorCount, warningCount, issues }`, issues with their
// line/column positions in the file. No trailing newline (the CLI ends what it writes). File names
// and messages keep every character; those a terminal would act on are \u escapes (escapeJsonText).

import type { Formatter } from './types.js';
import { escapeJsonText } from './utils.js';

const json: Formatter = (results) => escapeJsonText(JSON.stringify(results));

export default json;
