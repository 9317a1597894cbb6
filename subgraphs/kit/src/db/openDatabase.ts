import type { Database, DatabaseOptions } from './Database.js';
import { openPglite } from './openPglite.js';
import { openPostgres } from './openPostgres.js';
import { retryTransientFailures } from './retryTransientFailures.js';

/**
 * PostgreSQL when `url` is given, otherwise the embedded PGlite store. Both
 * run a transaction again after a deadlock or a serialization failure
 * (retryTransientFailures.ts), here once for both: PGlite runs one
 * transaction at a time and meets no deadlock, but a serialization failure
 * raised there is handled as PostgreSQL's is.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.url ? await openPostgres({ ...options, url: options.url }) : await openPglite(options);
  const transaction = db.transaction.bind(db);
  return {
    ...db,
    transaction: (work) => retryTransientFailures(() => transaction(work), options.onTransactionRetry),
  };
}
