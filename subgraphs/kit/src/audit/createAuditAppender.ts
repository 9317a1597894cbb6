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
  /**
   * Most record ids (summed over the events) one audit transaction takes;
   * the same rule applies to a single larger request.
   * @default MAX_RECORD_IDS_PER_AUDIT_TRANSACTION
   */
  readonly maxRecordIdsPerTransaction?: number;
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

/**
 * The same bound for record ids. An event names every record of its type
 * that the request read (a page of 100 cases is one event of 100 ids), so
 * 500 events can carry many times the 2,500 ids measured above. Measured on
 * PostgreSQL 15 local (median of 7 transactions, two rounds): 500 events of
 * 5 ids 16–18 ms, 500 of 20 ids 31–33 ms, 100 of 100 ids 15.6–15.9 ms,
 * 10 of 500 ids 7.8–8.3 ms; about 1.5–2 µs per id on top of each event's
 * cost. 10,000 ids hold the lock about as long as a full batch of small
 * events.
 */
export const MAX_RECORD_IDS_PER_AUDIT_TRANSACTION = 10_000;

interface PendingAppend {
  readonly events: readonly AuditEvent[];
  /** The events' record ids, counted once. */
  readonly recordIds: number;
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
 * its own — up to {@link MAX_EVENTS_PER_AUDIT_TRANSACTION} events and
 * {@link MAX_RECORD_IDS_PER_AUDIT_TRANSACTION} record ids, the rest in the
 * ones after. Requests are taken strictly in the order they ended, so
 * the chain's order is theirs. A request's promise settles only when the
 * transaction holding its events has committed or failed: no answer leaves
 * before its trail is written, and a failed append fails exactly the
 * requests of that transaction.
 */
export function createAuditAppender(db: Database, schema: string, options: AuditAppenderOptions = {}): AuditAppender {
  const maxEvents = options.maxEventsPerTransaction ?? MAX_EVENTS_PER_AUDIT_TRANSACTION;
  const maxIds = options.maxRecordIdsPerTransaction ?? MAX_RECORD_IDS_PER_AUDIT_TRANSACTION;
  for (const [name, bound] of [
    ['maxEventsPerTransaction', maxEvents],
    ['maxRecordIdsPerTransaction', maxIds],
  ] as const) {
    if (!Number.isInteger(bound) || bound < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  const queue: PendingAppend[] = [];
  let writing = false;

  // Whole requests from the front, never skipping one that does not fit for a
  // smaller one behind it: that would reorder the chain.
  const takeBatch = (): PendingAppend[] => {
    let taken = 0;
    let events = 0;
    let ids = 0;
    for (const pending of queue) {
      if (taken > 0 && (events + pending.events.length > maxEvents || ids + pending.recordIds > maxIds)) break;
      taken += 1;
      events += pending.events.length;
      ids += pending.recordIds;
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
      const recordIds = own.reduce((sum, event) => sum + event.recordIds.length, 0);
      queue.push({ events: own, recordIds, resolve, reject });
      if (!writing) writeNext();
    });
  };
}
