// A table-driven tester for one dialect: what its compiled schema alone accepts and rejects (the
// API definition, and with the opt-in keywords), and what the whole validation reports under it.
// Findings are written `ruleId:messageId@path status code`, prefixed with the severity when it is
// not an error, so a table reads as the report does; every finding of the report is listed.

import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { validate, validateAsync, type DialectId, type ValidateOptions } from '../../src/index.js';
import { specificationAccepts } from './specification.js';

export interface SchemaCase {
  name: string;
  body: unknown;
  /** Whether the API definition's schema accepts the body. */
  spec: boolean;
  /** Whether the schema with its x-beyond-spec keywords (known-properties turned on) accepts it; default: as `spec`. */
  strict?: boolean;
}

export interface ReportCase {
  name: string;
  body: unknown;
  options?: Omit<ValidateOptions, 'dialect'>;
  /** Run through validateAsync (a resolver that returns promises). */
  async?: boolean;
  /** Every finding, in report order: '[severity:]ruleId:messageId@path status code'. */
  issues: string[];
}

function line(issue: { severity: string; ruleId: string; messageId: string; path: string; status: number; code: string }): string {
  return `${issue.severity === 'error' ? '' : `${issue.severity}:`}${issue.ruleId}:${issue.messageId}@${issue.path} ${issue.status} ${issue.code}`;
}

export function dialectTester(dialect: DialectId, cases: { schema: SchemaCase[]; reports: ReportCase[] }): void {
  for (const group of [cases.schema, cases.reports]) {
    const names = new Set<string>();
    for (const c of group) {
      if (names.has(c.name)) throw new Error(`duplicate test case name: ${c.name}`);
      names.add(c.name);
    }
  }
  const compiled = dialects[dialect].schema;

  describe(dialect, () => {
    describe('schema (the API definition)', () => {
      for (const c of cases.schema) {
        it(c.name, () => {
          expect(specificationAccepts(compiled, c.body), 'the specification').toBe(c.spec);
          expect(compiled.validate(c.body), 'with the opt-in keywords').toBe(c.strict ?? c.spec);
        });
      }
    });

    describe('report', () => {
      for (const c of cases.reports) {
        it(c.name, async () => {
          const options = { ...c.options, dialect };
          const report = c.async ? await validateAsync(c.body, options) : validate(c.body, options);
          expect(report.dialect).toBe(dialect);
          expect(report.issues.map(line)).toEqual(c.issues);
        });
      }
    });
  });
}

/** The scenario ids of one release's createSession test definitions that `sharedScenarios` covers. */
export interface ScenarioIds {
  noBody: string;
  emptyBody: string;
  emptyProperty: string;
  /** The device identifiers that do not comply with the schema ('400.5' in r1.3, 'C01.02' later). */
  badIdentifier: string;
  outOfRangePort: string;
}

/**
 * The createSession scenarios that CAMARA 0.11, 1.0 and 1.1 decide alike from the body alone (their
 * ids differ by release): a missing or empty body, empty objects, identifiers the schema rejects,
 * ports out of range. `body` is a valid body with a phone number.
 */
export function sharedScenarios(ids: ScenarioIds, body: Record<string, unknown>): ReportCase[] {
  const port = (name: string, change: Record<string, unknown>, path: string, messageId = 'aboveMaximum'): ReportCase => ({
    name: `${ids.outOfRangePort} ${name}`,
    body: { ...body, ...change },
    issues: [`port-ranges:${messageId}@${path} 400 OUT_OF_RANGE`],
  });
  return [
    { name: `${ids.noBody} (no request body)`, body: undefined, issues: ['schema:required@ 400 INVALID_ARGUMENT'] },
    { name: `${ids.emptyBody} (the body is {})`, body: {}, issues: Array(3).fill('schema:required@ 400 INVALID_ARGUMENT') },
    ...['applicationServer', 'devicePorts', 'applicationServerPorts'].map((property) => ({
      name: `${ids.emptyProperty} $.${property}`,
      body: { ...body, [property]: {} },
      issues: [`schema:minProperties@/${property} 400 INVALID_ARGUMENT`],
    })),
    { name: `${ids.badIdentifier} $.device.ipv4Address`, body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10' } } }, issues: ['schema:anyOf@/device/ipv4Address 400 INVALID_ARGUMENT'] },
    { name: `${ids.badIdentifier} $.device.ipv6Address`, body: { ...body, device: { ipv6Address: '2001:db8::zz' } }, issues: ['ip-address:notIpv6@/device/ipv6Address 400 INVALID_ARGUMENT'] },
    { name: `${ids.badIdentifier} $.device.networkAccessIdentifier`, body: { ...body, device: { networkAccessIdentifier: 5 } }, issues: ['schema:type@/device/networkAccessIdentifier 400 INVALID_ARGUMENT'] },
    port('$.device.ipv4Address.publicPort', { device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 65536 } } }, '/device/ipv4Address/publicPort'),
    port('$.devicePorts.ranges.from', { devicePorts: { ranges: [{ from: -1, to: 10 }] } }, '/devicePorts/ranges/0/from', 'belowMinimum'),
    port('$.devicePorts.ranges.to', { devicePorts: { ranges: [{ from: 1, to: 65536 }] } }, '/devicePorts/ranges/0/to'),
    port('$.devicePorts.ports[*]', { devicePorts: { ports: [65536] } }, '/devicePorts/ports/0'),
    port('$.applicationServerPorts.ranges.from', { applicationServerPorts: { ranges: [{ from: -1, to: 10 }] } }, '/applicationServerPorts/ranges/0/from', 'belowMinimum'),
    port('$.applicationServerPorts.ranges.to', { applicationServerPorts: { ranges: [{ from: 1, to: 65536 }] } }, '/applicationServerPorts/ranges/0/to'),
    port('$.applicationServerPorts.ports[*]', { applicationServerPorts: { ports: [65536] } }, '/applicationServerPorts/ports/0'),
  ];
}
