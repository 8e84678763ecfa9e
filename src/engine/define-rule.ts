import type { RuleDefinition, RuleOptions } from '../types.js';

/**
 * Declares a rule. An identity function that exists for type inference: the message ids a rule
 * may report are checked against `meta.messages` at compile time.
 *
 * @example
 * export default defineRule({
 *   meta: { docs: { description: 'No test profiles' }, messages: { testProfile: "Profile {{ name }} is for tests." }, status: 400, code: 'INVALID_ARGUMENT' },
 *   check(model, ctx) {
 *     if (model.qosProfile?.value.startsWith('TEST_')) ctx.report({ messageId: 'testProfile', path: model.qosProfile.path, data: { name: model.qosProfile.value } });
 *   },
 * });
 */
export function defineRule<MessageIds extends string, Options extends RuleOptions = RuleOptions>(
  rule: RuleDefinition<MessageIds, Options>,
): RuleDefinition<MessageIds, Options> {
  return rule;
}
