import type { DomainFederation } from './startDomainFederation.js';

/**
 * Flushes the server's dirty pages before a measured run. Loading the 1M
 * found persons writes about 540 MB of WAL, which starts a checkpoint that
 * PostgreSQL spreads over the next minutes (`checkpoint_completion_target`):
 * without this, its writes ran through the missing-person warm-up and
 * measured run, beside every COMMIT's WAL flush. CHECKPOINT needs a
 * superuser or pg_checkpoint; without either, the run goes on and says so.
 */
export async function checkpoint(federation: DomainFederation, progress: (line: string) => void): Promise<void> {
  const started = Date.now();
  try {
    await (await federation.database('services')).exec('CHECKPOINT');
    progress(`checkpoint before the measured run (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    progress(`no checkpoint before the measured run: ${error instanceof Error ? error.message : error}`);
  }
}
