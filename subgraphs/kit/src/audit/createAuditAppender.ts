import type { Database } from '../db/Database.js';
import { appendAuditEvents, type AuditEvent } from './auditChain.js';

/** Appends one request's events; resolves once they are committed, rejects if they are not. */
export type AuditAppender = (events: readonly AuditEvent[]) => Promise<void>;

interface Batch {
  readonly events: AuditEvent[];
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Group commit for the READ events that requests append when they end (F6).
 * Appenders of one chain are serialized by its advisory lock anyway, held
 * until commit; so one process keeps at most one audit transaction in
 * flight, and the events of requests that end meanwhile go together in the
 * next one (one lock, one read of the last hash, one INSERT, one commit)
 * instead of each request queueing on the lock with a pooled connection of
 * its own. A request's promise settles only when the transaction holding its
 * events has committed or failed: no answer leaves before its trail is
 * written, and a failed append fails every request of that batch.
 */
export function createAuditAppender(db: Database, schema: string): AuditAppender {
  let next: Batch | null = null;
  let writing = false;

  const writeNext = (): void => {
    const batch = next;
    next = null;
    if (!batch) {
      writing = false;
      return;
    }
    writing = true;
    db.transaction((tx) => appendAuditEvents(tx, schema, batch.events)).then(
      () => {
        for (const waiter of batch.waiters) waiter.resolve();
        writeNext();
      },
      (error: unknown) => {
        for (const waiter of batch.waiters) waiter.reject(error);
        writeNext();
      },
    );
  };

  return (events) => {
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      next ??= { events: [], waiters: [] };
      next.events.push(...events);
      next.waiters.push({ resolve, reject });
      if (!writing) writeNext();
    });
  };
}
