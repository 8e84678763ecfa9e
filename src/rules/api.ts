// The rules' API: what a rule is, what it sees and what it reports, and defineRule. Built-in rules
// and plugins are written against this module and the model's types only.

import type { DialectFacts } from '../dialects/types.js';
import type { FastView, SessionModel } from '../model/types.js';
import type { CamaraError, Policy, RequestContext, RuleLevel, RuleOptions } from '../types.js';

/** What a rule sees. */
export interface RuleContext<MessageIds extends string = string, Options = RuleOptions> {
  /** The rule's options: its defaults merged with the configured ones. */
  readonly options: Options;
  readonly policy: Policy;
  readonly request: RequestContext;
  readonly dialect: DialectFacts;
  /** True under `validateAsync`: the rule may await (e.g. an asynchronous device registry). */
  readonly async: boolean;
  /** Reports a finding; the engine adds rule id, severity, message, status and code. */
  report(finding: Finding<MessageIds>): void;
}

/** What a rule's fast check sees besides the body's values: its RuleContext without report. */
export interface FastContext<Options = RuleOptions> {
  readonly options: Options;
  readonly policy: Policy;
  readonly request: RequestContext;
  readonly dialect: DialectFacts;
}

/** What a rule reports. */
export interface Finding<MessageIds extends string = string> {
  messageId: MessageIds;
  path: string;
  data?: Record<string, string | number | boolean>;
  /** Overrides the message's status and code, for answers that differ per dialect. */
  error?: CamaraError;
  /**
   * A change of the value at `path` that resolves the finding and cannot change what the body
   * means: `replace`, the string to write there instead; `remove`, the array item there taken
   * out. Where the text is known (validateJson, the CLI), the engine turns it into the issue's
   * `fix` (an edit of the text); otherwise it is dropped.
   */
  fix?: FindingFix;
}

/** A value-level fix of a finding (see Finding.fix). */
export type FindingFix = { readonly replace: string } | { readonly remove: true };

/** A message of a rule: its text, and optionally its own CAMARA answer and level. */
export type RuleMessage =
  | string
  | {
      text: string;
      status?: number;
      code?: string;
      /**
       * 'secondary' findings are one level below the rule's configured severity
       * (error → warn, warn → info): e.g. a phone number valid in syntax but not in the numbering plan.
       */
      level?: 'primary' | 'secondary';
    };

export interface RuleMeta<MessageIds extends string = string> {
  docs: { description: string; url?: string };
  /** Message texts with `{{ placeholders }}` filled from the finding's data. */
  messages: Record<MessageIds, RuleMessage>;
  /** JSON Schema of the options object (validated at createValidator time). */
  schema?: Record<string, unknown>;
  defaultOptions?: RuleOptions;
  /** Default level (default 'error'). */
  defaultLevel?: RuleLevel;
  /** Default CAMARA answer of the rule's findings. */
  status: number;
  code: string;
  /**
   * The schema keywords this rule owns ('x-rules' in schemas/) that its fast check answers for:
   * wherever the rule owns one, in every dialect, it holds when the fast check answers true. The
   * accept pass then leaves them to it (docs/performance.md). Only built-in rules own keywords.
   */
  fastKeywords?: readonly string[];
}

/** A rule: declarative meta plus a check over the neutral model. */
export interface RuleDefinition<MessageIds extends string = string, Options = RuleOptions> {
  meta: RuleMeta<MessageIds>;
  /**
   * Checks one body. Synchronous rules return nothing; a rule that must wait (a device registry)
   * returns a promise, which only `validateAsync` awaits.
   */
  check(model: SessionModel, ctx: RuleContext<MessageIds, Options>): void | Promise<void>;
  /**
   * Optional, for speed (docs/performance.md): true only when `check` would report nothing for this
   * body under this configuration (and the keywords of `meta.fastKeywords` hold); false when not
   * sure. When every enabled rule's answers true for a body the schema accepts, the report is the
   * empty one and no stage runs. A rule without it makes every body "not sure".
   */
  fast?(view: FastView, ctx: FastContext<Options>): boolean;
}

/** A plugin: a named bundle of rules, configured as `<plugin name>/<rule id>`. */
export interface Plugin {
  name: string;
  rules: Record<string, RuleDefinition>;
}

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
