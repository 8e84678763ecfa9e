// The suite checked against qod-policy itself, through the public API (not the code that built it):
// every case's body, validated locally under the suite's configuration, gets exactly the case's
// finding and nothing else, answers with the first accepted answer (the specification's), and,
// under the test definitions' profile, with one of the accepted ones; a case that claims the
// schema's authority is still rejected with every rule off, one that claims prose or policy is not.
// Every finding an enabled rule can make is either a case or omitted with a reason. So a change of
// a rule that leaves the suite stale fails here (and the --list goldens in test/cli/cases pin the
// case ids per dialect).

import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { buildSuite, ProbeSetupError, type SuiteOptions } from '../../src/probe/suite.js';
import type { ProbeSuite } from '../../src/probe/types.js';
import { dialectIds, rules, toErrorInfo, validateJson, type DialectId, type QosProfile, type ValidateOptions } from '../../src/index.js';

const catalogue: QosProfile[] = [
  { name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 60, unit: 'Seconds' }, maxDuration: { value: 1, unit: 'Days' } },
  { name: 'QOS_OLD', status: 'DEPRECATED' },
];

const allOff = Object.fromEntries(Object.keys(rules).map((id) => [id, 'off' as const]));

/** What is wrong with a suite, one line each; [] when every case holds. */
function problemsOf(suite: ProbeSuite, options: ValidateOptions): string[] {
  const problems: string[] = [];
  const context = { ...options.context, tokenIdentifiesDevice: suite.tokenKind === undefined ? undefined : suite.tokenKind === 'three-legged' };
  const base = { ...options, dialect: suite.dialect, context };
  const ids = new Set<string>();
  for (const c of suite.cases) {
    if (ids.has(c.id)) problems.push(`${c.id}: the id is used twice`);
    ids.add(c.id);
    const report = validateJson(c.body, { ...base, codes: 'specification' });
    if (c.valid === true) {
      if (report.issues.length > 0) problems.push(`${c.id}: the valid body gets ${report.issues.map((i) => `${i.ruleId}/${i.messageId}`).join(', ')}`);
      continue;
    }
    if (report.valid) problems.push(`${c.id}: the body is valid`);
    const other = report.issues.filter((i) => i.ruleId !== c.ruleId || i.messageId !== c.messageId || i.severity !== 'error');
    if (report.issues.length === 0 || other.length > 0) problems.push(`${c.id}: gets ${report.issues.map((i) => `${i.ruleId}/${i.messageId} (${i.severity})`).join(', ') || 'nothing'}`);
    if (report.issues[0] !== undefined && report.issues[0].path !== c.path) problems.push(`${c.id}: the finding is at ${report.issues[0].path}, not ${c.path}`);
    const specification = toErrorInfo(report);
    if (specification !== undefined && (specification.status !== c.accepted[0]?.status || specification.code !== c.accepted[0]?.code)) {
      problems.push(`${c.id}: answers ${specification.status} ${specification.code}, not ${c.accepted[0]?.status} ${c.accepted[0]?.code}`);
    }
    const tests = toErrorInfo(validateJson(c.body, { ...base, codes: 'test-definitions' }));
    if (tests !== undefined && !c.accepted.some((a) => a.status === tests.status && a.code === tests.code)) problems.push(`${c.id}: the test definitions' answer ${tests.status} ${tests.code} is not accepted`);
    const floor = validateJson(c.body, { dialect: suite.dialect, context, rules: allOff });
    if (c.basis.kind === 'schema' && floor.valid) problems.push(`${c.id}: claims the schema, which accepts the body`);
    if (c.basis.kind !== 'schema' && !floor.valid && c.ruleId !== 'parse') problems.push(`${c.id}: claims ${c.basis.kind}, but the schema rejects the body`);
  }
  return problems;
}

/** Every finding of every rule enabled under the dialect: a case or an omission, never both, never neither. */
function coverageProblems(suite: ProbeSuite, options: ValidateOptions): string[] {
  const problems: string[] = [];
  const covered = new Set(suite.cases.map((c) => `${c.ruleId}/${c.messageId}`));
  const omitted = new Map(suite.omitted.map((o) => [`${o.ruleId}/${o.messageId}`, o.reason]));
  for (const [id, rule] of Object.entries(rules)) {
    // A rule turned off (by the configuration or the dialect's defaults) makes no finding.
    const configured = options.rules?.[id];
    const level = (Array.isArray(configured) ? configured[0] : configured) ?? dialects[suite.dialect].facts.ruleDefaults[id] ?? rule.meta.defaultLevel ?? 'error';
    if (level === 'off') continue;
    for (const messageId of Object.keys(rule.meta.messages)) {
      const target = `${id}/${messageId}`;
      const reason = omitted.get(target);
      if (covered.has(target) && reason !== undefined) problems.push(`${target}: both a case and omitted`);
      if (!covered.has(target) && reason === undefined) problems.push(`${target}: neither a case nor omitted`);
      if (reason !== undefined && /no documented mutation aims at it/.test(reason)) problems.push(`${target}: no mutation aims at it (add one to src/probe/mutations.ts, or a reason to src/probe/suite.ts)`);
    }
  }
  for (const target of omitted.keys()) {
    const [ruleId, messageId] = target.split('/') as [string, string];
    if (rules[ruleId]?.meta.messages[messageId] === undefined) problems.push(`${target}: omitted, but no such finding`);
  }
  return problems;
}

interface Setting {
  readonly name: string;
  readonly options: ValidateOptions;
  readonly suite: Omit<SuiteOptions, 'options'>;
}

const settings: Setting[] = [
  { name: 'token kind unknown', options: {}, suite: {} },
  { name: 'two-legged, with the valid body', options: {}, suite: { tokenKind: 'two-legged', includeValid: true } },
  { name: 'three-legged', options: {}, suite: { tokenKind: 'three-legged' } },
  { name: 'a catalogue and duration bounds', options: { policy: { qosProfiles: catalogue, duration: { min: 30, max: 7200 } } }, suite: { tokenKind: 'two-legged' } },
  { name: 'every identifier supported, PRIVATE_KEY_JWT set up, known-properties on', options: { policy: { supportedIdentifiers: ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'], privateKeyJwtConfigured: true }, rules: { 'known-properties': 'error' } }, suite: {} },
];

describe('probe suite', () => {
  for (const dialect of dialectIds) {
    describe(dialect, () => {
      it.each(settings.map((s) => [s.name, s] as const))('%s: every case causes exactly its finding, with an accepted answer', (_, setting) => {
        const options: ValidateOptions = { ...setting.options, dialect };
        const suite = buildSuite({ options, ...setting.suite });
        expect(suite.cases.length).toBeGreaterThan(20);
        expect(problemsOf(suite, options)).toEqual([]);
        expect(coverageProblems(suite, options)).toEqual([]);
        expect(suite.cases.filter((c) => c.valid === true)).toHaveLength(setting.suite.includeValid === true ? 1 : 0);
      });
    });
  }

  it('the checks above fail on a tampered suite (they can fail)', () => {
    const options: ValidateOptions = { dialect: 'qod-1.2' };
    const suite = buildSuite({ options, tokenKind: 'two-legged' });
    const phone = suite.cases.find((c) => c.id === 'phone-number/missingPlus')!;
    const swapped = { ...suite, cases: [{ ...suite.cases[0]!, body: phone.body }] };
    expect(problemsOf(swapped, options)).toEqual(['parse/invalidJson#no-body: gets phone-number/missingPlus (error)', 'parse/invalidJson#no-body: the finding is at /device/phoneNumber, not ']);
    const port = suite.cases.find((c) => c.id === 'port-ranges/aboveMaximum')!;
    const recoded = { ...suite, cases: [{ ...port, accepted: [{ status: 400, code: 'INVALID_ARGUMENT' }] }] };
    expect(problemsOf(recoded, options)).toEqual(['port-ranges/aboveMaximum: answers 400 OUT_OF_RANGE, not 400 INVALID_ARGUMENT', "port-ranges/aboveMaximum: the test definitions' answer 400 OUT_OF_RANGE is not accepted"]);
    const claimed = { ...suite, cases: [{ ...port, basis: { kind: 'prose' as const, source: 'x' } }] };
    expect(problemsOf(claimed, options)).toEqual(['port-ranges/aboveMaximum: claims prose, but the schema rejects the body']);
    const unaimed = { ...suite, omitted: [...suite.omitted.filter((o) => o.messageId !== 'notUri'), { ruleId: 'sink', messageId: 'notUri', reason: 'no documented mutation aims at it (src/probe/mutations.ts)' }] };
    expect(coverageProblems(unaimed, options)).toContain('sink/notUri: no mutation aims at it (add one to src/probe/mutations.ts, or a reason to src/probe/suite.ts)');
  });

  it('sends no valid body unless asked: every case but the valid one is invalid', () => {
    for (const dialect of dialectIds) {
      const suite = buildSuite({ options: { dialect }, tokenKind: 'two-legged' });
      for (const c of suite.cases) expect(validateJson(c.body, { dialect, context: { tokenIdentifiesDevice: false } }).valid, `${dialect} ${c.id}`).toBe(false);
    }
  });

  it('cites the test scenario and takes in its codes (ports: OUT_OF_RANGE or INVALID_ARGUMENT)', () => {
    const byDialect = (dialect: DialectId) => buildSuite({ options: { dialect }, tokenKind: 'two-legged' }).cases;
    const port = byDialect('qod-1.2').find((c) => c.id === 'port-ranges/aboveMaximum')!;
    expect(port.scenario).toBe('400.5_out_of_range_port');
    expect(port.accepted).toEqual([
      { status: 400, code: 'OUT_OF_RANGE' },
      { status: 400, code: 'INVALID_ARGUMENT' },
    ]);
    const sink = byDialect('qod-1.1').find((c) => c.id === 'sink/notHttps#http')!;
    expect(sink.accepted).toEqual([
      { status: 400, code: 'INVALID_SINK' },
      { status: 400, code: 'INVALID_ARGUMENT' },
    ]);
    expect(byDialect('qod-0.11').find((c) => c.id === 'device-identifiers/unsupportedIdentifier')!.accepted).toEqual([
      { status: 422, code: 'UNIDENTIFIABLE_DEVICE' },
      { status: 422, code: 'UNSUPPORTED_DEVICE_IDENTIFIERS' },
    ]);
    // 0.8 answers every 400 as INVALID_INPUT and publishes no test definitions.
    expect(new Set(byDialect('qod-0.8').flatMap((c) => c.accepted.map((a) => `${a.status} ${a.code}`)))).toEqual(new Set(['400 INVALID_INPUT']));
  });

  it('starts from a given base body, which must get no issue at all', () => {
    const base = { device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } }, applicationServer: { ipAddresses: ['198.51.100.10'] }, qosProfile: 'QOS_L', duration: 600 };
    const suite = buildSuite({ options: { dialect: 'qod-1.2' }, base, includeValid: true });
    expect(JSON.parse(suite.cases[0]!.body)).toEqual(base);
    expect(problemsOf(suite, { dialect: 'qod-1.2' })).toEqual([]);
    expect(() => buildSuite({ options: { dialect: 'qod-1.2' }, base: { ...base, duration: 0 } })).toThrow(ProbeSetupError);
    expect(() => buildSuite({ options: { dialect: 'qod-1.2' }, base: [] })).toThrow('The base body must be a JSON object');
    // A warning counts too: the cases must be about one finding each.
    expect(() => buildSuite({ options: { dialect: 'qod-1.2' }, base: { ...base, applicationServer: { ipv4Address: '10.0.0.0/8' } } })).toThrow(/ip-address-scope\/notPublic/);
  });

  it('picks an ACTIVE profile of the catalogue and a duration within its bounds', () => {
    const suite = buildSuite({ options: { dialect: 'qod-1.2', policy: { qosProfiles: [{ name: 'QOS_OLD', status: 'INACTIVE' }, { name: 'voice', status: 'ACTIVE', minDuration: { value: 1, unit: 'Days' }, maxDuration: { value: 10, unit: 'Days' } }] } } });
    expect(suite.base).toMatchObject({ qosProfile: 'voice', duration: 86400 });
    expect(() => buildSuite({ options: { dialect: 'qod-1.2', policy: { qosProfiles: [{ name: 'QOS_OLD', status: 'INACTIVE' }] } } })).toThrow('the catalogue has no ACTIVE profile');
  });

  it("needs one dialect, not 'auto'", () => {
    expect(() => buildSuite({ options: { dialect: 'auto' } })).toThrow(/not 'auto'/);
  });
});
