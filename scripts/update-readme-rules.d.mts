/** The README with the text between the rule-table markers replaced by the table. */
export declare function withRuleTable(readme: string, table: string): string;
