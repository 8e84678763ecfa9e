// A plugin as another service would write it: its own rule, outside this package, using only the
// public API. Configure it as `rules: { 'acme/no-test-profiles': ['error', { prefix: 'TEST_' }] }`.
import { defineRule } from 'qod-policy';

const noTestProfiles = defineRule({
  meta: {
    docs: { description: 'Test-only QoS profiles must not reach production.' },
    messages: {
      testProfile: "QoS profile '{{ name }}' starts with '{{ prefix }}' and is for tests only.",
    },
    schema: {
      type: 'object',
      properties: { prefix: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { prefix: 'TEST_' },
    status: 422,
    code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
  },
  check(model, ctx) {
    const profile = model.qosProfile;
    if (profile && profile.value.startsWith(ctx.options.prefix)) {
      ctx.report({ messageId: 'testProfile', path: profile.path, data: { name: profile.value, prefix: ctx.options.prefix } });
    }
  },
});

export default { name: 'acme', rules: { 'no-test-profiles': noTestProfiles } };
