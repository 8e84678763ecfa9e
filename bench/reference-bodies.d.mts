export declare const reference: { valid: Record<string, unknown>; invalid: Record<string, unknown> };
export declare const validByDialect: Record<import('../src/index.js').DialectId, Record<string, unknown>>;
