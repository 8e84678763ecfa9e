// Types of scripts/extract-camara-codes.mjs, for the tests that import it.

export interface CodePair {
  status: number;
  code: string;
  /** Where the pair was found: `<release>/<file>#<pointer> (enum | example <name>)`. */
  from: string[];
}

export interface TestScenario {
  /** The scenario's tag without the operation prefix, e.g. '400.9_invalid_duration'. */
  scenario: string;
  title: string;
  status: number;
  /** The codes the scenario accepts (several when it says "A" or "B"); empty when it names none. */
  codes: string[];
}

export interface ReleaseCodes {
  apiVersion: string;
  source: string;
  /** ErrorInfo's required fields. */
  errorInfo: string[];
  codes: CodePair[];
  additional?: CodePair[];
  additionalSource?: string;
  testDefinitions?: { source: string; scenarios: TestScenario[] };
}

export interface CamaraCodes {
  $comment: string;
  releases: Record<string, ReleaseCodes>;
}

export const defaultCamaraDir: string;
export const tablePath: string;
export function scenariosOf(text: string): TestScenario[];
export function extractCamaraCodes(dir?: string): CamaraCodes;
export function renderCodes(table: CamaraCodes): string;
