/** The README with the text between the rule-table markers replaced by the table. */
export declare function withRuleTable(readme: string, table: string): string;

/** The rows with each documentation link under `base` (the package's docs/rules/) written as its path in the package, docs/rules/<id>.md. */
export declare function readmeRuleRows<Row extends { docs?: string }>(rows: readonly Row[], base: string | undefined): Row[];
