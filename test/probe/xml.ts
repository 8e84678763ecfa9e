// Reads a probe JUnit report with saxes, a strict XML 1.0 parser (any well-formedness error throws),
// into its counts and test cases.
import { SaxesParser } from 'saxes';

interface JunitCase {
  classname: string;
  name: string;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
  message?: string;
  text: string;
}

export interface Junit {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: JunitCase[];
}

export function parseJunit(xml: string): Junit {
  const parser = new SaxesParser();
  const junit: Junit = { tests: -1, failures: -1, errors: -1, skipped: -1, cases: [] };
  let current: JunitCase | undefined;
  let inOutcome = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'testsuite') {
      junit.tests = Number(attributes.tests);
      junit.failures = Number(attributes.failures);
      junit.errors = Number(attributes.errors);
      junit.skipped = Number(attributes.skipped);
    } else if (tag.name === 'testcase') {
      current = { classname: attributes.classname ?? '', name: attributes.name ?? '', outcome: 'passed', text: '' };
      junit.cases.push(current);
    } else if (current !== undefined && (tag.name === 'failure' || tag.name === 'error' || tag.name === 'skipped')) {
      current.outcome = tag.name;
      if (attributes.message !== undefined) current.message = attributes.message;
      inOutcome = true;
    }
  });
  parser.on('text', (text) => {
    if (inOutcome && current !== undefined) current.text += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'failure' || tag.name === 'error' || tag.name === 'skipped') inOutcome = false;
    if (tag.name === 'testcase') current = undefined;
  });
  parser.write(xml).close();
  return junit;
}
