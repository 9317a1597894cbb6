import { setTimeout as delay } from 'node:timers/promises';

/**
 * SQLSTATEs after which PostgreSQL has already rolled the whole transaction
 * back and the same work, run again from the start, may well succeed:
 * deadlock_detected (the victim of a deadlock; the other transaction goes on)
 * and serialization_failure. Nothing else is retried: any other error says
 * something about the request or about us, and running it again would only
 * repeat it.
 */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['40P01', '40001']);

/** How many times a transaction is run at most, the first time included. */
export const TRANSACTION_ATTEMPTS = 3;

/** Called before a transaction runs again; given the SQLSTATE only, never the statement or its values. */
export type TransactionRetryListener = (sqlState: string, attempt: number) => void;

/** The SQLSTATE of an error PostgreSQL (or PGlite) raised, when it is one of the transient ones. */
export function transientSqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_SQLSTATES.has(code) ? code : null;
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it for a deadlock or
 * a serialization failure, up to {@link TRANSACTION_ATTEMPTS} times, after a
 * short random wait so that the transactions that met do not meet again in
 * step. `run` must begin, do all the work and commit; it is safe to call
 * again only because the aborted attempt left nothing behind. Written here
 * because pg leaves retries to the application, as PostgreSQL's manual does
 * ("Serialization Failure Handling").
 */
export async function retryTransientFailures<T>(
  run: () => Promise<T>,
  onRetry?: TransactionRetryListener,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const sqlState = transientSqlState(error);
      if (sqlState === null || attempt >= attempts) throw error;
      onRetry?.(sqlState, attempt);
      await delay(5 + Math.random() * 20 * attempt);
    }
  }
}
