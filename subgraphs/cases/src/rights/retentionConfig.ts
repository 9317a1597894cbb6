import { z } from 'zod';
import { loadConfig } from '@amparo/schema';

/** How often the retention job looks for cases past their retention period. */
export const RETENTION_SWEEP_MS = 6 * 3_600_000;

const schema = z.object({
  CASES_RETENTION_DAYS: z.coerce
    .number({ message: 'expected a whole number of days, 1–36500' })
    .int('expected a whole number of days, 1–36500')
    .min(1, 'expected a whole number of days, 1–36500')
    .max(36_500, 'expected a whole number of days, 1–36500')
    .default(365),
});

/** `CASES_RETENTION_DAYS`: days after closure before personal data are purged. @default 365 */
export function loadRetentionDays(env: Record<string, string | undefined>): number {
  return loadConfig(schema, { CASES_RETENTION_DAYS: env.CASES_RETENTION_DAYS }).CASES_RETENTION_DAYS;
}
