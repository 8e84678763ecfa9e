// Type tests of defineRule: the message ids a rule may report are the keys of its meta.messages,
// checked at compile time (as @eslint/core's RulesMeta<MessageIds>). Run by `npm test` (vitest
// typecheck, vitest.config.ts); a `@ts-expect-error` whose line compiles fails the run.

import { describe, expectTypeOf, test } from 'vitest';
import { createValidator, defineRule, type Finding, type Plugin, type RuleContext, type RuleDefinition, type RuleOptions } from '../../src/index.js';

const meta = { docs: { description: 'No test profiles.' }, status: 400, code: 'INVALID_ARGUMENT' } as const;

describe('defineRule', () => {
  test('infers the message ids from meta.messages, plain and with their own answer', () => {
    const rule = defineRule({
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.', retired: { text: 'Retired.', status: 422, code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE' } } },
      check() {},
    });
    expectTypeOf(rule).toEqualTypeOf<RuleDefinition<'testProfile' | 'retired', RuleOptions>>();
    expectTypeOf(rule.meta.messages).toHaveProperty('retired');
  });

  test('context.report takes a declared message id, a path and primitive data', () => {
    defineRule({
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.' } },
      check(model, ctx) {
        expectTypeOf(ctx).toEqualTypeOf<RuleContext<'testProfile', RuleOptions>>();
        expectTypeOf(ctx.report).parameter(0).toEqualTypeOf<Finding<'testProfile'>>();
        const profile = model.qosProfile;
        if (profile?.value.startsWith('TEST_')) ctx.report({ messageId: 'testProfile', path: profile.path, data: { name: profile.value, length: profile.value.length, test: true } });
      },
    });
  });

  test('context.report refuses a message id that meta.messages does not declare', () => {
    defineRule({
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.' } },
      check(_model, ctx) {
        // @ts-expect-error 'testProfil' is not a key of meta.messages
        ctx.report({ messageId: 'testProfil', path: '/qosProfile' });
      },
    });
  });

  test('a message id in a plain string is refused too: it could be any id', () => {
    defineRule({
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.' } },
      check(_model, ctx) {
        const id: string = 'testProfile';
        // @ts-expect-error string is wider than 'testProfile'
        ctx.report({ messageId: id, path: '/qosProfile' });
      },
    });
  });

  test('message ids given explicitly must each have a message', () => {
    defineRule<'testProfile' | 'retired'>({
      // @ts-expect-error meta.messages lacks 'retired'
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.' } },
      check() {},
    });
  });

  test('data values are primitives (the engine puts them into sentences)', () => {
    defineRule({
      meta: { ...meta, messages: { testProfile: 'Profile {{ name }} is for tests.' } },
      check(_model, ctx) {
        // @ts-expect-error an array is not a placeholder value
        ctx.report({ messageId: 'testProfile', path: '', data: { names: ['a', 'b'] } });
      },
    });
  });

  test('options are typed as declared, and a defined rule goes into a plugin', () => {
    const maxLength = defineRule<'tooLong', { max: number }>({
      meta: { ...meta, messages: { tooLong: '{{ name }} is longer than {{ max }}.' }, defaultOptions: { max: 16 } },
      check(model, ctx) {
        expectTypeOf(ctx.options).toEqualTypeOf<{ max: number }>();
        const name = model.qosProfile;
        if (name && name.value.length > ctx.options.max) ctx.report({ messageId: 'tooLong', path: name.path, data: { name: name.value, max: ctx.options.max } });
      },
    });
    const plugin: Plugin = { name: 'acme', rules: { 'max-length': maxLength } };
    expectTypeOf(createValidator({ plugins: [plugin], rules: { 'acme/max-length': ['error', { max: 8 }] } }).validate).returns.toHaveProperty('issues');
  });
});
