// Every answer a built-in rule, a dialect fact or the engine can give, in the words of qod-0.10,
// qod-0.9 and qod-0.8 (DialectFacts.answers, applied as buildReport applies it), is one that the
// release's createSession defines (camara/v0.10.1, v0.9.0, v0.8.1 qod-api.yaml).
import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { rules, type CamaraError } from '../../src/index.js';

const DEFINED: Record<string, string[]> = {
  // 400 examples (INVALID_ARGUMENT, OUT_OF_RANGE), 401, 403, 409, 500, 501, 503
  'qod-0.10': ['400 INVALID_ARGUMENT', '400 OUT_OF_RANGE', '401 UNAUTHENTICATED', '403 PERMISSION_DENIED', '409 CONFLICT', '500 INTERNAL', '501 NOT_IMPLEMENTED', '503 UNAVAILABLE'],
  'qod-0.9': ['400 INVALID_ARGUMENT', '400 OUT_OF_RANGE', '401 UNAUTHENTICATED', '403 PERMISSION_DENIED', '409 CONFLICT', '500 INTERNAL', '501 NOT_IMPLEMENTED', '503 UNAVAILABLE'],
  'qod-0.8': ['400 INVALID_INPUT', '401 UNAUTHORIZED', '403 FORBIDDEN', '409 CONFLICT', '500 INTERNAL', '503 SERVICE_UNAVAILABLE'],
};

/** What the rules, the facts and the engine may answer, before a dialect's answers apply. */
function given(id: string): CamaraError[] {
  const facts = dialects[id as keyof typeof dialects].facts;
  const out: CamaraError[] = [
    { status: 400, code: 'INVALID_ARGUMENT' }, // schema, parse, limits, truncated, dialect
    { status: 500, code: 'INTERNAL' }, // a stage or rule that failed
    facts.identifierNotFound,
    facts.profileDurationError,
    facts.profileNotApplicable,
  ];
  if (facts.identifierMismatch !== null) out.push(facts.identifierMismatch);
  if (facts.sinkCredential !== null) out.push(facts.sinkCredential.otherType);
  for (const rule of Object.values(rules)) {
    out.push({ status: rule.meta.status, code: rule.meta.code });
    for (const message of Object.values(rule.meta.messages)) {
      if (typeof message !== 'string' && message.status !== undefined) out.push({ status: message.status, code: message.code ?? rule.meta.code });
    }
  }
  return out;
}

describe('answers in the release’s own words', () => {
  it.each(Object.keys(DEFINED))('%s gives only answers its createSession defines', (id) => {
    const answers = dialects[id as keyof typeof dialects].facts.answers ?? {};
    const spoken = new Set(given(id).map(({ status, code }) => {
      const own = answers[`${status} ${code}`] ?? answers[String(status)] ?? { status, code };
      return `${own.status} ${own.code}`;
    }));
    expect([...spoken].filter((answer) => !DEFINED[id]!.includes(answer))).toEqual([]);
  });
});
