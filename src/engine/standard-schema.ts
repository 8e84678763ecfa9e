// Standard Schema V1 (https://standardschema.dev): every validator is also a schema that libraries
// accepting Standard Schema take as it is (Hono's sValidator, tRPC, form libraries, ...). The
// spec's interface is copied below, as its authors advise, so that the package depends on nothing
// for it; test/engine/standard-schema.test-d.ts checks it against @standard-schema/spec.
//
// What fails: a body with an error, exactly when `report.valid` is false. Warnings and notes are
// not failures (the body passes, as in `toErrorInfo`) and are not listed; a failure lists the
// errors only, each as `{ message, path }`, path being the issue's JSON Pointer as keys (array
// items by number). The report itself, with severities, CAMARA codes and positions, is what
// `validate()` returns.

import type { Report, ValidateOptions } from '../types.js';
import { isIndexSegment, parsePointer } from '../shared/pointer.js';

/** The types of Standard Schema V1 (copied from @standard-schema/spec 1.x; a schema is `{ '~standard': Props }`). */
declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** What a valid body is: a JSON object (every dialect's schema demands one, whatever the rules). */
type CreateSessionBody = Record<string, unknown>;

/** A validator's `~standard` property. */
export type StandardProps = StandardSchemaV1.Props<unknown, CreateSessionBody>;

/** The issue's JSON Pointer as Standard Schema keys: array items by number, found by walking the body. */
function pathOf(pointer: string, body: unknown): PropertyKey[] {
  const keys: PropertyKey[] = [];
  let node = body;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node) && isIndexSegment(segment)) {
      keys.push(Number(segment));
      node = node[Number(segment)] as unknown;
    } else {
      keys.push(segment);
      node = typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return keys;
}

function result(report: Report, value: unknown): StandardSchemaV1.Result<CreateSessionBody> {
  if (report.valid) return { value: value as CreateSessionBody };
  const issues: StandardSchemaV1.Issue[] = [];
  for (const issue of report.issues) if (issue.severity === 'error') issues.push({ message: issue.message, path: pathOf(issue.path, value) });
  return { issues };
}

/**
 * The `~standard` property of a validator. It answers synchronously with `validate`, unless the
 * configuration may need to wait (a device registry or plugin rules, which may be asynchronous):
 * then with a promise, from `validateAsync`, so that nothing is left unchecked.
 */
export function standardSchema(validate: (payload: unknown) => Report, validateAsync: (payload: unknown) => Promise<Report>, options: ValidateOptions): StandardProps {
  const mayWait = options.policy?.resolveDevice !== undefined || (options.plugins?.length ?? 0) > 0;
  return {
    version: 1,
    vendor: 'qod-policy',
    validate: mayWait ? (value) => validateAsync(value).then((report) => result(report, value)) : (value) => result(validate(value), value),
  };
}
