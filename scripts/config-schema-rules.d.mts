// Types of config-schema-rules.mjs, for the test that compares the committed schema with it.
import type { RuleDefinition } from '../src/index.js';

export function withRuleEntries(schema: Record<string, unknown>, rules: Readonly<Record<string, RuleDefinition>>): Record<string, unknown>;
export function configSchemaText(schema: Record<string, unknown>, rules: Readonly<Record<string, RuleDefinition>>): string;
