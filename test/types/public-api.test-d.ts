// Type tests of the public API: the QoS-profile catalogue takes CAMARA's literal unions (a status or
// unit CAMARA does not define does not compile, rather than failing at run time), and the entry
// points' types. Run by `npm test` (vitest typecheck, vitest.config.ts); a `@ts-expect-error` whose
// line compiles fails the run.

import { describe, expectTypeOf, test } from 'vitest';
import {
  createValidator,
  toErrorInfo,
  validate,
  validateAsync,
  validateJson,
  type DialectId,
  type DurationUnit,
  type ErrorInfo,
  type FindingFix,
  type Fix,
  type Issue,
  type Policy,
  type QosDuration,
  type QosProfile,
  type QosProfileStatus,
  type Report,
  type Severity,
  type ValidateOptions,
  type Validator,
} from '../../src/index.js';

describe('QoS-profile catalogue', () => {
  test("status and unit are CAMARA's enums (QosProfileStatusEnum, TimeUnitEnum)", () => {
    expectTypeOf<QosProfileStatus>().toEqualTypeOf<'ACTIVE' | 'INACTIVE' | 'DEPRECATED'>();
    expectTypeOf<DurationUnit>().toEqualTypeOf<'Days' | 'Hours' | 'Minutes' | 'Seconds' | 'Milliseconds' | 'Microseconds' | 'Nanoseconds'>();
    expectTypeOf<QosProfile['status']>().toEqualTypeOf<QosProfileStatus | undefined>();
    expectTypeOf<QosDuration>().toEqualTypeOf<{ value: number; unit: DurationUnit }>();
    expectTypeOf<NonNullable<Policy['qosProfiles']>>().toEqualTypeOf<QosProfile[]>();
  });

  test('a catalogue as the CAMARA qos-profiles API returns it compiles, with the fields qod-policy does not read', () => {
    const profiles: QosProfile[] = [
      { name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 1, unit: 'Minutes' }, maxDuration: { value: 1, unit: 'Days' } },
      { name: 'QOS_OLD', status: 'DEPRECATED', priority: 20, packetDelayBudget: { value: 50, unit: 'Milliseconds' } },
      { name: 'QOS_OFF', status: 'INACTIVE' },
      { name: 'voice' },
    ];
    expectTypeOf(createValidator({ policy: { qosProfiles: profiles } })).toEqualTypeOf<Validator>();
  });

  test('a status CAMARA does not define is an error', () => {
    // @ts-expect-error 'PAUSED' is not a QosProfileStatusEnum value
    const paused: QosProfile = { name: 'QOS_E', status: 'PAUSED' };
    // @ts-expect-error statuses are upper case
    const active: QosProfile = { name: 'QOS_E', status: 'active' };
    expectTypeOf([paused, active]).toEqualTypeOf<QosProfile[]>();
  });

  test("'Weeks' is not a unit, in a catalogue given inline either", () => {
    // @ts-expect-error 'Weeks' is not a TimeUnitEnum value
    validate({}, { policy: { qosProfiles: [{ name: 'QOS_E', maxDuration: { value: 1, unit: 'Weeks' } }] } });
    // @ts-expect-error units are capitalised
    const lower: QosDuration = { value: 1, unit: 'days' };
    expectTypeOf(lower).toEqualTypeOf<QosDuration>();
  });

  test('a bound needs both value and unit (without them the catalogue is refused at run time)', () => {
    // @ts-expect-error unit is missing
    const valueOnly: QosDuration = { value: 1 };
    expectTypeOf(valueOnly).toEqualTypeOf<QosDuration>();
  });

  test('a status held in a plain string must be checked before it is a QosProfile', () => {
    const fromElsewhere = { name: 'QOS_E', status: 'ACTIVE' as string };
    // @ts-expect-error string is wider than QosProfileStatus
    const unchecked: QosProfile = fromElsewhere;
    const statuses: readonly string[] = ['ACTIVE', 'INACTIVE', 'DEPRECATED'] satisfies QosProfileStatus[];
    const isStatus = (value: string): value is QosProfileStatus => statuses.includes(value);
    if (isStatus(fromElsewhere.status)) {
      const checked: QosProfile = { ...fromElsewhere, status: fromElsewhere.status };
      expectTypeOf(checked.status).toEqualTypeOf<QosProfileStatus | undefined>();
    }
    expectTypeOf(unchecked).toEqualTypeOf<QosProfile>();
  });
});

describe('entry points', () => {
  test('validate, validateJson and validateAsync answer a Report; toErrorInfo an ErrorInfo or nothing', () => {
    expectTypeOf(validate).returns.toEqualTypeOf<Report>();
    expectTypeOf(validateJson).parameter(0).toEqualTypeOf<string | Uint8Array>();
    expectTypeOf(validateJson).returns.toEqualTypeOf<Report>();
    expectTypeOf(validateAsync).returns.resolves.toEqualTypeOf<Report>();
    expectTypeOf(toErrorInfo).parameter(0).toEqualTypeOf<Report>();
    expectTypeOf(toErrorInfo).returns.toEqualTypeOf<ErrorInfo | undefined>();
    expectTypeOf(createValidator().validateJson).returns.toEqualTypeOf<Report>();
  });

  test('an issue has string ids, a severity, a pointer and optional positions', () => {
    expectTypeOf<Issue['severity']>().toEqualTypeOf<Severity>();
    expectTypeOf<Severity>().toEqualTypeOf<'error' | 'warn' | 'info'>();
    expectTypeOf<Issue['line']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Report['dialect']>().toEqualTypeOf<DialectId>();
  });

  test("an issue's fix has ESLint's shape; a rule's fix is a replacement string or a removal", () => {
    expectTypeOf<Issue['fix']>().toEqualTypeOf<Fix | undefined>();
    expectTypeOf<Fix>().toEqualTypeOf<{ range: [number, number]; text: string }>();
    expectTypeOf<{ replace: string }>().toMatchTypeOf<FindingFix>();
    expectTypeOf<{ remove: true }>().toMatchTypeOf<FindingFix>();
    // @ts-expect-error a removal is only `true`
    const bad: FindingFix = { remove: false };
    void bad;
  });

  test('options take a dialect id or auto, and rule levels', () => {
    expectTypeOf<ValidateOptions['dialect']>().toEqualTypeOf<DialectId | 'auto' | undefined>();
    createValidator({ dialect: 'auto', rules: { 'port-ranges': 'warn', 'phone-number': ['error', { numberingPlan: false }] } });
    // @ts-expect-error not a dialect
    createValidator({ dialect: 'qod-2.0' });
    // @ts-expect-error not a severity
    createValidator({ rules: { 'port-ranges': 'warning' } });
  });
});
