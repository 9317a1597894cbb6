import { z } from 'zod';

/** A whole number in [min, max]; every failure reads `message`. */
export const integerBetween = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int(message).min(min, message).max(max, message);

/** A TCP port; 0 asks the system for a free one (tests). */
export const port = (fallback: number) => integerBetween(0, 65535, 'expected a port number 0–65535').default(fallback);

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expected one of fatal, error, warn, info, debug, trace, silent',
  })
  .default('info');

export const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
  .optional();

export const jsonWebKey = z.string({ message: 'expected a JSON Web Key (JSON object)' }).transform((raw, ctx) => {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'kty' in parsed) return parsed as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: 'custom', message: 'expected a JSON Web Key (JSON object with "kty")' });
  return z.NEVER;
});

export const runMode = z
  .enum(['development', 'production', 'test'], { message: 'expected development, production or test' })
  .default('production');
