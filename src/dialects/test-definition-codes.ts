// The conformance profile (`codes: 'test-definitions'`): where a CAMARA release's own createSession
// test definitions (code/Test_definitions/*.feature) expect another answer than its specification
// defines, the findings concerned and the tests' answer, per release. With the default
// `codes: 'specification'` nothing here is used. src/engine/config.ts hands a dialect's entries to
// the rules concerned (by the dialect's `release`) and src/engine/run.ts gives their findings these
// answers, before the dialect's and the message's own.
//
// Read from every release's createSession feature file (src/dialects/camara-codes.json lists each
// scenario's expected codes; docs/dialects.md has the table):
// - duration outside the QoS profile's bounds: the specification's QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE,
//   the tests' INVALID_ARGUMENT (r1.3 and r2.2: 400.10, r3.2 and r4.1: 400.9);
// - a duration outside the schema's own bounds, and (r3.2, r4.1) a sink that is not an https URI,
//   fail the schema: scenario 400.1 ("any value which is not compliant with the schema") expects
//   INVALID_ARGUMENT where the specification defines OUT_OF_RANGE ("a field has a pre-defined
//   range") and INVALID_SINK ("sink not valid for the specified protocol");
// - r1.3 (0.11): only unsupported identifier types, 422 UNSUPPORTED_DEVICE_IDENTIFIERS (422.1, "not
//   yet considered in the API spec", whose 0.11 answers have no such code).
// Not differences: ports out of range (the tests accept OUT_OF_RANGE or INVALID_ARGUMENT), an access
// token type other than bearer (INVALID_TOKEN or INVALID_ARGUMENT), credential types (INVALID_CREDENTIAL
// in r1.3 to r3.2 and INVALID_ARGUMENT in r4.1, as the specifications), identifier answers (the
// same codes as the specifications). v0.9.0 and v0.10.1 publish test definitions without codes; v0.8.1 none.

import type { CamaraError } from '../types.js';
import type { CamaraRelease } from './types.js';

/** One difference: the findings (a rule's message ids), the scenario that expects otherwise, and its answer. */
export interface TestDefinitionAnswer {
  readonly ruleId: string;
  readonly messageIds: readonly string[];
  /** The scenario's tag in the release's feature file, without 'quality_on_demand_createSession_'. */
  readonly scenario: string;
  readonly answer: CamaraError;
}

const INVALID_ARGUMENT: CamaraError = { status: 400, code: 'INVALID_ARGUMENT' };

function profileDuration(scenario: string): TestDefinitionAnswer {
  return { ruleId: 'duration-bounds', messageIds: ['belowProfileMinimum', 'aboveProfileMaximum'], scenario, answer: INVALID_ARGUMENT };
}

/** The schema's duration minimum (and maximum where there is one): scenario 400.1. */
const SCHEMA_DURATION: TestDefinitionAnswer = {
  ruleId: 'duration-bounds',
  messageIds: ['belowMinimum', 'aboveMaximum'],
  scenario: '400.1_schema_not_compliant',
  answer: INVALID_ARGUMENT,
};

/** The sink's schema (format uri, pattern ^https://.+$) where INVALID_SINK is the specification's answer: scenario 400.1. */
const SCHEMA_SINK: TestDefinitionAnswer = {
  ruleId: 'sink',
  messageIds: ['notUri', 'notHttps', 'schemeCase'],
  scenario: '400.1_schema_not_compliant',
  answer: INVALID_ARGUMENT,
};

/** Per release, the findings its test definitions answer otherwise. */
export const testDefinitionAnswers: Readonly<Record<CamaraRelease, readonly TestDefinitionAnswer[]>> = {
  'v0.8.1': [],
  'v0.9.0': [],
  'v0.10.1': [],
  'r1.3': [
    profileDuration('400.10_invalid_duration'),
    SCHEMA_DURATION,
    {
      ruleId: 'device-identifiers',
      messageIds: ['unsupportedIdentifier'],
      scenario: '422.1_device_identifiers_unsupported',
      answer: { status: 422, code: 'UNSUPPORTED_DEVICE_IDENTIFIERS' },
    },
  ],
  'r2.2': [profileDuration('400.10_invalid_duration'), SCHEMA_DURATION],
  'r3.2': [profileDuration('400.9_invalid_duration'), SCHEMA_DURATION, SCHEMA_SINK],
  'r4.1': [profileDuration('400.9_invalid_duration'), SCHEMA_DURATION, SCHEMA_SINK],
};

/** One rule's answers under the profile in a release, by message id; undefined when it has none. */
export function testDefinitionAnswersFor(release: CamaraRelease, ruleId: string): Readonly<Record<string, CamaraError>> | undefined {
  let answers: Record<string, CamaraError> | undefined;
  for (const entry of testDefinitionAnswers[release]) {
    if (entry.ruleId !== ruleId) continue;
    answers ??= Object.create(null) as Record<string, CamaraError>;
    for (const messageId of entry.messageIds) answers[messageId] = entry.answer;
  }
  return answers;
}
