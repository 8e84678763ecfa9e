/** A configuration mistake: unknown rule, bad severity, invalid options or policy. Thrown by createValidator. */
export class ConfigError extends Error {
  override name = 'QodPolicyConfigError';
}
