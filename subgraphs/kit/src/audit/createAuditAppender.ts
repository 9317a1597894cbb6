import type { Database } from '../db/Database.js';
import { appendAuditEvents, type AuditEvent } from './auditChain.js';

/** Appends one request's events; resolves once they are committed, rejects if they are not. */
export type AuditAppender = (events: readonly AuditEvent[]) => Promise<void>;

export interface AuditAppenderOptions {
  /**
   * Most events one audit transaction takes from the queue; the requests
   * behind them wait for the next one. A single request with more events
   * than this still goes whole, alone, so its trail is never split.
   * @default MAX_EVENTS_PER_AUDIT_TRANSACTION
   */
  readonly maxEventsPerTransaction?: number;
}

/**
 * The bound on one group commit. While the transaction runs it holds the
 * chain's advisory lock, so every mutation of the subgraph (which appends its
 * WRITE event under the same lock) waits for it; every request in it waits
 * for its commit; and if it fails, every request in it fails. Without a bound
 * a stall (a slow commit, a burst after a pause) lets the queue grow, and the
 * next transaction takes it all: a lock held for as long as that takes, and
 * one error failing thousands of answers. 500 is the size of one INSERT in
 * `appendAuditEvents`, so a full batch is still one lock, one read of the last
 * hash, one INSERT and one commit. Measured in process (median of 11
 * transactions of events with 5 record ids each, PostgreSQL 15 local /
 * PGlite): the fixed part of a transaction is about 0.6 ms, each event costs
 * about 21 / 40 µs, so 500 events hold the lock about 10 / 20 ms with the fixed
 * part near 5% of it; 2,000 events gain under 5% of throughput for four times
 * the lock and the failure.
 */
export const MAX_EVENTS_PER_AUDIT_TRANSACTION = 500;

interface PendingAppend {
  readonly events: readonly AuditEvent[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the READ events that requests append when they end (F6).
 * Appenders of one chain are serialized by its advisory lock anyway, held
 * until commit; so one process keeps at most one audit transaction in
 * flight, and the events of requests that end meanwhile go together in the
 * next one (one lock, one read of the last hash, one INSERT, one commit)
 * instead of each request queueing on the lock with a pooled connection of
 * its own — up to {@link MAX_EVENTS_PER_AUDIT_TRANSACTION} events, the rest
 * in the ones after. Requests are taken strictly in the order they ended, so
 * the chain's order is theirs. A request's promise settles only when the
 * transaction holding its events has committed or failed: no answer leaves
 * before its trail is written, and a failed append fails exactly the
 * requests of that transaction.
 */
export function createAuditAppender(db: Database, schema: string, options: AuditAppenderOptions = {}): AuditAppender {
  const maxEvents = options.maxEventsPerTransaction ?? MAX_EVENTS_PER_AUDIT_TRANSACTION;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) {
    throw new RangeError('maxEventsPerTransaction must be a positive integer');
  }
  const queue: PendingAppend[] = [];
  let writing = false;

  // Whole requests from the front, never skipping one that does not fit for a
  // smaller one behind it: that would reorder the chain.
  const takeBatch = (): PendingAppend[] => {
    let taken = 0;
    let events = 0;
    for (const pending of queue) {
      if (taken > 0 && events + pending.events.length > maxEvents) break;
      taken += 1;
      events += pending.events.length;
    }
    return queue.splice(0, taken);
  };

  const writeNext = (): void => {
    if (queue.length === 0) {
      writing = false;
      return;
    }
    writing = true;
    const batch = takeBatch();
    const events = batch.flatMap((pending) => pending.events);
    // Through a promise even if `transaction` throws at once: a throw here
    // would leave `writing` set and every later request waiting forever.
    Promise.resolve()
      .then(() => db.transaction((tx) => appendAuditEvents(tx, schema, events)))
      .then(
        () => {
          for (const pending of batch) pending.resolve();
          writeNext();
        },
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
          writeNext();
        },
      );
  };

  return (events) => {
    if (events.length === 0) return Promise.resolve();
    // A copy: the caller may reuse its array before the batch is written.
    const own = [...events];
    return new Promise<void>((resolve, reject) => {
      queue.push({ events: own, resolve, reject });
      if (!writing) writeNext();
    });
  };
}
