// The sidecar's metrics, in the Prometheus text format (version 0.0.4): requests by outcome,
// invalid requests by the rules that rejected them, a histogram of the time to a decision, and the
// requests in flight. Counting is a few increments per request; the text is made when scraped.

import type { Report } from '../index.js';

/** What became of a request. */
export type Outcome =
  /** its body was judged valid (plain, ext-authz: 200; proxy: forwarded) */
  | 'valid'
  /** its body was judged invalid: answered with the CAMARA error */
  | 'invalid'
  /** refused before its body was judged: method, media type, size, a header, an unknown path */
  | 'refused'
  /** not a CreateSession: allowed (ext-authz) or forwarded (proxy) without validation */
  | 'passed'
  /** an internal error (500) */
  | 'error';

const OUTCOMES: readonly Outcome[] = ['valid', 'invalid', 'refused', 'passed', 'error'];

/** Upper bounds of the latency buckets, in seconds: 100 µs to 1 s. */
const BUCKETS: readonly number[] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** A label value escaped as the text format demands (backslash, double quote, line feed). */
function label(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

export class Metrics {
  private readonly outcomes = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  private readonly rules = new Map<string, number>();
  private readonly buckets = new Array<number>(BUCKETS.length).fill(0);
  private durationSum = 0;
  private durationCount = 0;
  inFlight = 0;
  /** Requests the upstream did not answer (proxy): unreachable (502) or silent (504). */
  upstreamFailures = 0;

  /** Counts a request's outcome; for an invalid report, each rule with an error in it once. */
  count(outcome: Outcome, report?: Report): void {
    this.outcomes.set(outcome, this.outcomes.get(outcome)! + 1);
    if (outcome !== 'invalid' || report === undefined) return;
    const seen: string[] = [];
    for (const issue of report.issues) {
      if (issue.severity !== 'error' || seen.includes(issue.ruleId)) continue;
      seen.push(issue.ruleId);
      this.rules.set(issue.ruleId, (this.rules.get(issue.ruleId) ?? 0) + 1);
    }
  }

  /** Records the time from a request's arrival to the decision about it, in seconds. */
  observe(seconds: number): void {
    this.durationSum += seconds;
    this.durationCount++;
    for (let i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]!) {
        this.buckets[i]!++;
        return;
      }
    }
  }

  /** The metrics as Prometheus text. */
  render(): string {
    const lines: string[] = [
      '# HELP qod_policy_requests_total Requests by outcome: valid, invalid (answered with the CAMARA error), refused (before the body was judged), passed (not a CreateSession), error (internal).',
      '# TYPE qod_policy_requests_total counter',
    ];
    for (const [outcome, n] of this.outcomes) lines.push(`qod_policy_requests_total{outcome="${outcome}"} ${n}`);
    lines.push(
      '# HELP qod_policy_rule_rejections_total Invalid requests by the rules that found an error in them (schema, parse, http, limits or a rule id).',
      '# TYPE qod_policy_rule_rejections_total counter',
    );
    for (const [rule, n] of [...this.rules].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`qod_policy_rule_rejections_total{rule="${label(rule)}"} ${n}`);
    lines.push(
      '# HELP qod_policy_decision_duration_seconds Time from a request\'s arrival to the decision about it (body read and validated; the upstream not included).',
      '# TYPE qod_policy_decision_duration_seconds histogram',
    );
    let cumulative = 0;
    BUCKETS.forEach((bound, i) => {
      cumulative += this.buckets[i]!;
      lines.push(`qod_policy_decision_duration_seconds_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(
      `qod_policy_decision_duration_seconds_bucket{le="+Inf"} ${this.durationCount}`,
      `qod_policy_decision_duration_seconds_sum ${this.durationSum}`,
      `qod_policy_decision_duration_seconds_count ${this.durationCount}`,
      '# HELP qod_policy_upstream_failures_total Forwarded requests the upstream did not answer: unreachable (502) or silent past --upstream-timeout (504).',
      '# TYPE qod_policy_upstream_failures_total counter',
      `qod_policy_upstream_failures_total ${this.upstreamFailures}`,
      '# HELP process_resident_memory_bytes Resident memory of the sidecar\'s process.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      '# HELP qod_policy_requests_in_flight Requests being read, validated or forwarded now.',
      '# TYPE qod_policy_requests_in_flight gauge',
      `qod_policy_requests_in_flight ${this.inFlight}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
