export declare const reference: { valid: Record<string, unknown>; invalid: Record<string, unknown> };
