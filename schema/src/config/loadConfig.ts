import type { z } from 'zod';

/** A configuration value that cannot be used; its message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses environment variables once, at the edge, with a zod schema whose
 * keys are the variable names. The result is frozen. On failure the first
 * problem becomes one line: `SERVICES_PORT: expected a port 0–65535 (got "abc")`.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): Readonly<z.output<S>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'configuration');
    const raw = env[variable];
    const got =
      raw === undefined ? 'it is not set' : `got ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw)}`;
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'} (${got})`);
  }
  return Object.freeze(result.data);
}
