// phone-number: the device's phone number is written as the dialect requires (CAMARA 1.2: E.164,
// '+' then 5 to 15 digits, the first not 0; the SDK model: 5 to 15 digits, '+' optional), and
// libphonenumber-js finds it possible and valid in the numbering plan of its country.
//
// The rule owns the schema's `pattern` and `maxLength` for the phone number (the engine reports
// this rule's finding instead of the schema's, as an error at any severity) and re-checks them from ctx.dialect.phoneNumber, saying what
// exactly is wrong. The numbering-plan check runs only on numbers of the right syntax; its
// findings are secondary (one level below the rule's severity: warnings by default).
//
// Fix: a number written with spaces, dashes, dots or brackets, with its '+' and calling code,
// becomes its E.164 form where libphonenumber-js reads the same number (utils/phone-fix.ts).

import { defineRule } from './api.js';
import { fieldName, showValue } from '../shared/messages.js';
import { escapeControl } from '../shared/text.js';
import { numberingPlanProblem, type PlanProblem } from './utils/phone-plan.js';
import { isPhoneSyntaxValid, phoneSyntaxProblem } from './utils/phone-syntax.js';
import { e164Fix } from './utils/phone-fix.js';

import { docsUrl } from '../shared/docs-url.js';

const PLUS = 43;
/** Longest value quoted in data.value (longer ones are cut, like the message's quote). */
const MAX_DATA_VALUE = 64;

type Options = {
  numberingPlan: boolean;
};

function region(problem: PlanProblem): string {
  if (problem.country !== undefined) return `${problem.country} (+${problem.callingCode})`;
  return `country calling code +${problem.callingCode}`;
}

export default defineRule<
  | 'whitespace'
  | 'nonDigit'
  | 'missingPlus'
  | 'leadingZero'
  | 'tooShort'
  | 'tooLong'
  | 'notPhoneNumber'
  | 'unknownCallingCode'
  | 'impossibleNumber'
  | 'invalidNumber',
  Options
>({
  meta: {
    docs: {
      description: 'The device phone number has the syntax of the API version and is possible and valid in its numbering plan.',
      url: docsUrl('phone-number'),
    },
    messages: {
      whitespace: '{{ field }} {{ shown }} contains whitespace at position {{ position }}; write the number without spaces ({{ format }}).',
      nonDigit: "{{ field }} {{ shown }} contains {{ character }} at position {{ position }}; only digits may follow the '+' ({{ format }}).",
      missingPlus: "{{ field }} {{ shown }} does not start with '+' ({{ format }}).",
      leadingZero: "{{ field }} {{ shown }} starts with the digit 0, which no country calling code does ({{ format }}).",
      tooShort: '{{ field }} {{ shown }} is too short: it needs at least {{ min }} digits, not {{ digits }} ({{ format }}).',
      tooLong: '{{ field }} {{ shown }} is too long: it may have at most {{ max }} digits, not {{ digits }} ({{ format }}).',
      notPhoneNumber: '{{ field }} {{ shown }} is not a phone number ({{ format }}).',
      unknownCallingCode: { text: '{{ field }} {{ shown }} does not start with a country calling code in use.', level: 'secondary' },
      impossibleNumber: { text: '{{ field }} {{ shown }} has a length that no number of {{ region }} has.', level: 'secondary' },
      invalidNumber: { text: '{{ field }} {{ shown }} is not a valid number in the numbering plan of {{ region }}.', level: 'secondary' },
    },
    schema: {
      type: 'object',
      properties: {
        numberingPlan: {
          type: 'boolean',
          description: 'Also check that the number is possible and valid in its numbering plan (libphonenumber-js); such findings are one level below the rule. Default true.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { numberingPlan: true },
    status: 400,
    code: 'INVALID_ARGUMENT',
    // The fast check tests the dialect's syntax facts, which are the schema's pattern and maxLength.
    fastKeywords: ['pattern', 'maxLength'],
  },
  check(model, ctx) {
    const field = model.device?.phoneNumber;
    if (field === undefined) return;
    const value = field.value;
    const syntax = ctx.dialect.phoneNumber;

    if (!isPhoneSyntaxValid(value, syntax)) {
      const problem = phoneSyntaxProblem(value, syntax) ?? { kind: 'notPhoneNumber' as const };
      const data: Record<string, string | number> = {
        field: fieldName(field.path),
        value: value.length > MAX_DATA_VALUE ? `${value.slice(0, MAX_DATA_VALUE - 3)}...` : value,
        shown: showValue(value),
        format: syntax.description,
      };
      switch (problem.kind) {
        case 'whitespace':
          data.position = problem.position;
          break;
        case 'nonDigit':
          data.position = problem.position;
          data.character = escapeControl(JSON.stringify(problem.character));
          break;
        case 'tooShort':
          data.digits = problem.digits;
          data.min = syntax.digits.min;
          break;
        case 'tooLong':
          data.digits = problem.digits;
          data.max = syntax.digits.max;
          data.length = problem.length;
          data.maxLength = syntax.maxLength;
          break;
        default:
          break;
      }
      // Spaces, dashes, dots or brackets in a number with its '+' and calling code: its E.164
      // form, where libphonenumber-js reads the same number (utils/phone-fix.ts).
      const fixed = problem.kind === 'whitespace' || problem.kind === 'nonDigit' ? e164Fix(value) : undefined;
      if (fixed !== undefined && isPhoneSyntaxValid(fixed, syntax)) ctx.report({ messageId: problem.kind, path: field.path, data, fix: { replace: fixed } });
      else ctx.report({ messageId: problem.kind, path: field.path, data });
      return;
    }

    if (!ctx.options.numberingPlan) return;
    // Without a '+' (where the dialect allows that), the digits are read as an international number.
    const e164 = value.charCodeAt(0) === PLUS ? value : `+${value}`;
    const problem = numberingPlanProblem(e164);
    if (problem === undefined) return;
    const data: Record<string, string | number> = {
      field: fieldName(field.path),
      value,
      number: e164,
      shown: e164 === value ? showValue(value) : `${showValue(value)} (read as ${e164})`,
      callingCode: problem.callingCode,
    };
    if (problem.country !== undefined) data.country = problem.country;
    if (problem.messageId !== 'unknownCallingCode') data.region = region(problem);
    ctx.report({ messageId: problem.messageId, path: field.path, data });
  },
  fast(view, ctx) {
    const value = view.phoneNumber;
    if (value === undefined) return true;
    if (typeof value !== 'string' || !isPhoneSyntaxValid(value, ctx.dialect.phoneNumber)) return false;
    return !ctx.options.numberingPlan || numberingPlanProblem(value.charCodeAt(0) === PLUS ? value : `+${value}`) === undefined;
  },
});
