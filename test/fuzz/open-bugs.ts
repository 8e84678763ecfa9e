// Bugs the fuzz properties found in code this branch does not own (the parse layer, the engine, the
// rules). Each is reported with its counterexample; until it is fixed, the properties leave out the
// inputs that meet it, here and only here, so that CI stays green without weakening any check for
// other inputs. `npm run fuzz -- --open-bugs` (FUZZ_OPEN_BUGS=1) puts them back and shows the failures.
// When a bug is fixed, delete its entry: the compiler then points at the line that left it out.

const showOpenBugs = process.env.FUZZ_OPEN_BUGS === '1';

const BOM = '\uFEFF';

/** What an issue shows of itself to the predicates below. */
interface IssueLike {
  ruleId: string;
  messageId: string;
}

export const OPEN_BUGS = {
  /**
   * Messages that quote untrusted text raw, control characters and all (src/shared/text.ts escapes
   * it, these do not use it): qos-profile quotes the whole name in unknownProfile, caseMismatch and
   * notApplicable (a 16 KB name with line breaks comes back whole through toErrorInfo);
   * phone-number's nonDigit and ip-address's notIpv4 and notIpv6 (showChar in
   * src/rules/utils/ip/diagnose.ts) show the character with JSON.stringify, which leaves U+007F to
   * U+009F, U+2028 and U+2029 raw; sink's notUri names a non-ASCII character, or DEL, raw
   * (src/rules/utils/uri.ts). E.g. `"applicationServer": { "ipv4Address": "\u2028198.51.100.0/24" }`.
   */
  rawInMessage: (issue: IssueLike): boolean =>
    (issue.ruleId === 'qos-profile' && ['unknownProfile', 'caseMismatch', 'notApplicable'].includes(issue.messageId)) ||
    (issue.ruleId === 'phone-number' && issue.messageId === 'nonDigit') ||
    (issue.ruleId === 'ip-address' && ['notIpv4', 'notIpv6'].includes(issue.messageId)) ||
    (issue.ruleId === 'sink' && issue.messageId === 'notUri'),

  /**
   * validateJson strips two byte-order marks from bytes (TextDecoder drops one, stripBom another,
   * src/parse/source.ts) but one from a string: bytes EF BB BF EF BB BF followed by a valid body are
   * valid, the same text as a string is 'invalidJson' at U+FEFF.
   */
  bytesLoseTwoBoms: (text: string): boolean => text.startsWith(BOM + BOM),

  /**
   * The limits walk reads the input once, then the schema, the model and the rules read it again, and
   * what throws there replaces the whole report with one 500 INTERNAL ('engine': "Validation failed
   * unexpectedly"; every other finding lost). Three ways in: a getter the walk does not read (an own
   * non-enumerable member, or a getter on a class's prototype) that a stage reads by name; a Proxy
   * over an array whose `has` trap throws (Array.prototype methods ask `has` for every index, the walk
   * only `get`); and a getter that answers the walk plainly and something hostile afterwards (a 10 MB
   * sink reaches a regular expression: 'schema' 500, "Maximum call stack size exceeded").
   */
  inputReadAgain: (kind: string, trap?: string, onArray?: boolean): boolean =>
    kind === 'hidden throwing getter' || kind === 'getter that changes its answer' || (kind === 'throwing trap' && trap === 'has' && onArray === true),
};

/** Whether a property leaves this input out because of an open bug (never with FUZZ_OPEN_BUGS=1). */
export function leftOut<A extends unknown[]>(applies: (...input: A) => boolean, ...input: A): boolean {
  return !showOpenBugs && applies(...input);
}
