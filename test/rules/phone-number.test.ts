import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { createValidator, validate, type DialectId } from '../../src/index.js';
import { fixAt } from '../helpers/fixes.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const body = (phoneNumber: string) => ({ ...base, device: { phoneNumber } });
const sdk = (phone_number: string) => ({ device: { phone_number }, qos_profile: 'QOS_VC' });
const SDK = { dialect: 'qod-sdk' as const };

ruleTester('phone-number', {
  valid: [
    { name: 'a Spanish mobile number', body: body('+34600000000') },
    { name: 'a US number', body: body('+14155552671') },
    { name: 'a Canadian number (shares +1 with the US)', body: body('+14165550123') },
    { name: 'a Guernsey number (shares +44 with the UK)', body: body('+447911123456') },
    { name: 'a non-geographic number (+800)', body: body('+80012345678') },
    { name: 'a Chinese number', body: body('+861012345678') },
    { name: 'a body without a phone number', body: { ...base, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 } } } },
    { name: 'a phone number of the wrong type (the schema reports it)', body: { ...base, device: { phoneNumber: 34600000000 } } },
    { name: 'SDK: a number with +', body: sdk('+34600000000') },
    { name: 'SDK: a number without + is read as international', body: sdk('34600000000') },
    {
      name: 'an invalid numbering plan with numberingPlan: false',
      body: body('+34500000000'),
      options: { rules: { 'phone-number': ['error', { numberingPlan: false }] } },
    },
    { name: 'the rule turned off', body: body('34600000000'), options: { rules: { 'phone-number': 'off' } } },
  ],
  invalid: [
    {
      name: 'a long bad value is cut in the data, with an ellipsis',
      body: body(`+34${'x'.repeat(100)}`),
      errors: [{ messageId: 'nonDigit', path: '/device/phoneNumber', data: { value: `+34${'x'.repeat(58)}...` } }],
    },
    {
      name: 'reports missingPlus for a number without +',
      body: body('34600000000'),
      errors: [{ messageId: 'missingPlus', path: '/device/phoneNumber', severity: 'error', status: 400, code: 'INVALID_ARGUMENT', message: "device.phoneNumber \"34600000000\" does not start with '+'" }],
    },
    {
      name: 'reports leadingZero for +0...',
      body: body('+034600000000'),
      errors: [{ messageId: 'leadingZero', path: '/device/phoneNumber', severity: 'error', data: { value: '+034600000000' } }],
    },
    {
      name: 'reports tooShort for 4 digits',
      body: body('+3460'),
      errors: [{ messageId: 'tooShort', path: '/device/phoneNumber', data: { digits: 4, min: 5 }, message: 'is too short: it needs at least 5 digits, not 4' }],
    },
    {
      name: 'reports tooLong for 16 digits',
      body: body('+3460000000000000'),
      errors: [{ messageId: 'tooLong', path: '/device/phoneNumber', data: { digits: 16, max: 15, length: 17, maxLength: 16 } }],
    },
    {
      name: 'reports whitespace with its position',
      body: body('+34 600 000 000'),
      errors: [{ messageId: 'whitespace', path: '/device/phoneNumber', data: { position: 4 } }],
    },
    {
      name: 'reports a trailing newline as whitespace',
      body: body('+34600000000\n'),
      errors: [{ messageId: 'whitespace', path: '/device/phoneNumber', data: { position: 13 } }],
    },
    {
      name: 'reports nonDigit for dashes',
      body: body('+34-600-000-000'),
      errors: [{ messageId: 'nonDigit', path: '/device/phoneNumber', data: { position: 4, character: '"-"' }, message: 'contains "-" at position 4' }],
    },
    {
      name: 'reports nonDigit for digits of another script',
      body: body('+٣٤٦٠٠٠٠٠٠٠٠'),
      errors: [{ messageId: 'nonDigit', path: '/device/phoneNumber', data: { position: 2, character: '"٣"' } }],
    },
    {
      name: 'counts positions in characters, not UTF-16 units',
      body: body('+😀😀1'),
      errors: [{ messageId: 'nonDigit', path: '/device/phoneNumber', data: { position: 2, character: '"😀"' } }],
    },
    {
      name: 'reports a second + as nonDigit',
      body: body('++34600000000'),
      errors: [{ messageId: 'nonDigit', path: '/device/phoneNumber', data: { position: 2, character: '"+"' } }],
    },
    { name: 'reports notPhoneNumber for an empty string', body: body(''), errors: [{ messageId: 'notPhoneNumber', path: '/device/phoneNumber' }] },
    { name: 'reports notPhoneNumber for a lone +', body: body('+'), errors: [{ messageId: 'notPhoneNumber', path: '/device/phoneNumber' }] },
    {
      name: 'reports a very long number once, quoting it shortened (with the string limit raised)',
      body: body(`+${'1'.repeat(100_000)}`),
      options: { limits: { maxStringLength: 200_000 } },
      errors: [{ messageId: 'tooLong', path: '/device/phoneNumber', data: { digits: 100_000 }, message: '..." is too long: it may have at most 15 digits, not 100000' }],
    },
    {
      name: 'reports invalidNumber as a warning, naming the country',
      body: body('+34500000000'),
      errors: [{ messageId: 'invalidNumber', path: '/device/phoneNumber', severity: 'warn', status: 400, code: 'INVALID_ARGUMENT', data: { country: 'ES', callingCode: '34' }, message: 'numbering plan of ES (+34)' }],
    },
    {
      name: 'reports impossibleNumber for a length Spain does not use',
      body: body('+3412345'),
      errors: [{ messageId: 'impossibleNumber', path: '/device/phoneNumber', severity: 'warn', data: { country: 'ES' } }],
    },
    {
      name: 'reports impossibleNumber naming only the calling code when the country is not known',
      body: body('+12345'),
      errors: [{ messageId: 'impossibleNumber', path: '/device/phoneNumber', data: { callingCode: '1', region: 'country calling code +1' } }],
    },
    {
      name: 'reports invalidNumber for a non-geographic plan without a country',
      body: body('+88212345678'),
      errors: [{ messageId: 'invalidNumber', path: '/device/phoneNumber', data: { callingCode: '882', region: 'country calling code +882' } }],
    },
    {
      name: 'reports unknownCallingCode for +999',
      body: body('+99912345'),
      errors: [{ messageId: 'unknownCallingCode', path: '/device/phoneNumber', severity: 'warn', data: { callingCode: '' } }],
    },
    {
      name: 'a syntax finding stays an error when the rule is configured as warn (the schema forbids it)',
      body: { ...base, device: { phoneNumber: '34600000000' } },
      options: { rules: { 'phone-number': 'warn' } },
      errors: [{ messageId: 'missingPlus', path: '/device/phoneNumber', severity: 'error' }],
    },
    {
      name: 'a numbering-plan finding is info when the rule is a warning',
      body: body('+34500000000'),
      options: { rules: { 'phone-number': 'warn' } },
      errors: [{ messageId: 'invalidNumber', path: '/device/phoneNumber', severity: 'info' }],
    },
    // The SDK dialect: snake_case, '+' optional, a leading 0 allowed by the syntax.
    {
      name: 'SDK: reports tooShort at /device/phone_number',
      body: sdk('1234'),
      options: SDK,
      errors: [{ messageId: 'tooShort', path: '/device/phone_number', data: { digits: 4, min: 5 }, message: "device.phone_number \"1234\" is too short: it needs at least 5 digits, not 4 (5 to 15 digits, optionally prefixed with '+')." }],
    },
    {
      name: 'SDK: reports whitespace',
      body: sdk('+34 600'),
      errors: [{ messageId: 'whitespace', path: '/device/phone_number', data: { position: 4 } }],
    },
    {
      name: 'SDK: reports tooLong for 16 digits without +',
      body: sdk('3460000000000000'),
      errors: [{ messageId: 'tooLong', path: '/device/phone_number', data: { digits: 16, max: 15 } }],
    },
    {
      name: 'SDK: a leading 0 passes the syntax but has no calling code',
      body: sdk('00000'),
      errors: [{ messageId: 'unknownCallingCode', path: '/device/phone_number', severity: 'warn', data: { number: '+00000' }, message: '"00000" (read as +00000)' }],
    },
    {
      name: 'SDK: digits without + are read as an international number',
      body: sdk('3460000000'),
      errors: [{ messageId: 'impossibleNumber', path: '/device/phone_number', data: { country: 'ES', number: '+3460000000' } }],
    },
    {
      name: 'SDK: reports invalidNumber',
      body: sdk('+34500000000'),
      errors: [{ messageId: 'invalidNumber', path: '/device/phone_number', severity: 'warn', data: { country: 'ES' } }],
    },
  ],
});

describe('phone-number syntax agrees with the schema', () => {
  // The rule owns the schema's pattern and maxLength: it must reject exactly what they reject.
  const chars = fc.constantFrom('+', '0', '1', '3', '4', '9', ' ', '-', '\n', 'a', '٣', '😀', '\u0000');
  const candidates = fc.oneof(
    fc.stringMatching(/^\+?[0-9]{0,18}$/),
    fc.array(chars, { maxLength: 20 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  for (const dialect of ['qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-sdk'] as DialectId[]) {
    const { validate } = createValidator({ dialect, rules: { 'phone-number': ['error', { numberingPlan: false }] } });
    const schema = dialects[dialect].schema;
    const key = dialect === 'qod-sdk' ? 'phone_number' : 'phoneNumber';
    const pointer = `/device/${key}`;

    it(`rejects exactly what pattern and maxLength reject (${dialect})`, () => {
      fc.assert(
        fc.property(candidates, (value) => {
          const payload = dialect === 'qod-sdk' ? sdk(value) : body(value);
          schema.validate(payload);
          const schemaRejects = (schema.validate.errors ?? []).some((e) => e.instancePath === pointer && (e.keyword === 'pattern' || e.keyword === 'maxLength'));
          const findings = validate(payload).issues.filter((i) => i.ruleId === 'phone-number');
          expect(findings.length).toBe(schemaRejects ? 1 : 0);
          if (schemaRejects) expect(findings[0]!.severity).toBe('error');
        }),
        { numRuns: 2000 },
      );
    });
  }
});

describe('phone-number robustness', () => {
  it('never fails, whatever the device holds', () => {
    const { validate } = createValidator({ policy: { qosProfiles: [{ name: 'QOS_E' }] } });
    fc.assert(
      fc.property(fc.constantFrom('phoneNumber', 'phone_number'), fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (key, value) => {
        const issues = validate({ device: { [key]: value }, qosProfile: 'QOS_E' }).issues;
        expect(issues.filter((i) => i.ruleId === 'phone-number' && i.status === 500)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('phone-number fix: E.164 from a number written for people, where that is certain', () => {
  const fixOf = (phone: string) => fixAt(body(phone), 'phone-number', '/device/phoneNumber');
  it.each([
    ['+34 600 000 000', '+34600000000'],
    ['+34-600-000-000', '+34600000000'],
    ['+1.202.555.0100', '+12025550100'],
    ['+1 (202) 555-0100', '+12025550100'],
    ['+1(202)555-0100', '+12025550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+39 06 1234 5678', '+390612345678'], // Italy keeps the 0: libphonenumber-js reads it too
    ['+7 (495) 123-45-67', '+74951234567'],
    ['+800 1234 5678', '+80012345678'],
  ])('%s → %s', (written, e164) => {
    expect(fixOf(written)).toBe(e164);
  });

  it.each([
    ['34 600 000 000', "no '+': the country would be a guess"],
    ['+44 (0) 20 7946 0958', "'(0)' is a trunk prefix: the digits say +4402..., libphonenumber-js +4420..."],
    ['+49 (030) 123456', 'a trunk 0 in brackets: the digits and libphonenumber-js disagree'],
    ['+34 500 000 000', 'not a valid number in its plan'],
    ['+1 202 555 0100 ext. 5', 'an extension'],
    ['+1 202--555--0100', 'two separators in a row'],
    ['+1 202 555 0100.', 'a separator at the end'],
    [' +34 600 000 000', 'a space before the +'],
    ['+ 34 600 000 000', "a space after the '+'"],
    ['(+34) 600 000 000', "the '+' in brackets"],
    ['+34\t600000000', 'a tab'],
    ['+34\u00a0600\u00a0000\u00a0000', 'no-break spaces'],
    ['+34 600 000 000\n', 'a line break'],
    ['+34 ٦٠٠ ٠٠٠ ٠٠٠', 'digits of another script'],
    ['+34 600 000 000 0', 'one digit too many'],
  ])('no fix for %j (%s)', (written) => {
    expect(fixOf(written)).toBeUndefined();
  });

  it('SDK model: the fix has the + the number was written with', () => {
    expect(fixAt(sdk('+34 600 000 000'), 'phone-number', '/device/phone_number')).toBe('+34600000000');
    expect(fixAt(sdk('34 600 000 000'), 'phone-number', '/device/phone_number')).toBeUndefined();
  });

  it('only from validateJson (text known); validate() gives no fix', () => {
    expect(validate(body('+34 600 000 000')).issues.find((i) => i.ruleId === 'phone-number')?.fix).toBeUndefined();
  });
});
