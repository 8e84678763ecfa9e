// github: GitHub Actions workflow commands, one per issue, which the runner turns into annotations
// on the pull request's files:
//   ::error file=<path>,line=<l>,col=<c>,endLine=<el>,endColumn=<ec>,title=<ruleId>::<message>
// (warning for warn, notice for info). Escaping follows the Actions toolkit: in the message
// % CR LF become %25 %0D %0A; in property values also : and , become %3A and %2C. Other control
// characters (ESC, NUL...), bidirectional controls and lone surrogates, which a message may quote
// from a body, are first made visible as \uXXXX so that the log shows them instead of acting on them.

import type { Severity } from '../types.js';
import type { Formatter } from './types.js';
import { regionOf, visibleControls } from './utils.js';

/** The command for a severity. */
function command(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'notice';
}

/** The message part of a command. */
export function escapeData(text: string): string {
  return visibleControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const github: Formatter = (results) => {
  let output = '';
  for (const result of results) {
    for (const issue of result.issues) {
      const properties: string[] = [];
      if (result.filePath !== '<stdin>') properties.push(`file=${escapeProperty(result.filePath)}`);
      const region = regionOf(issue);
      if (region !== undefined) {
        properties.push(`line=${region.line}`);
        // GitHub accepts columns only for an annotation on one line; its endColumn is inclusive
        // (ours is one past the last character).
        const oneLine = region.endLine === undefined || region.endLine === region.line;
        if (oneLine && region.column !== undefined) properties.push(`col=${region.column}`);
        if (region.endLine !== undefined) properties.push(`endLine=${region.endLine}`);
        if (oneLine && region.column !== undefined && region.endColumn !== undefined) {
          properties.push(`endColumn=${Math.max(region.column, region.endColumn - 1)}`);
        }
      }
      properties.push(`title=${escapeProperty(issue.ruleId)}`);
      output += `::${command(issue.severity)} ${properties.join(',')}::${escapeData(issue.message)}\n`;
    }
  }
  return output;
};

export default github;
