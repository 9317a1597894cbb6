import type { Database, Logger } from '@amparo/kit';
import { purgeExpiredCases } from './purgeExpiredCases.js';
import { RETENTION_SWEEP_MS } from './retentionConfig.js';

/**
 * Runs {@link purgeExpiredCases} every {@link RETENTION_SWEEP_MS}; the first
 * sweep comes one period after start, so a start-up is never slowed by it.
 * Returns the function that stops it. Logs counts only.
 */
export function startRetentionJob(db: Database, retentionDays: number, log: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpiredCases(db, retentionDays)
      .then((erased) => {
        if (erased > 0) log.info({ erased, retentionDays }, 'retention: personal data of closed cases purged');
      })
      .catch((error: unknown) =>
        log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'retention sweep failed'),
      );
  }, RETENTION_SWEEP_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
