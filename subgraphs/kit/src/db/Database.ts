import type { TransactionRetryListener } from './retryTransientFailures.js';

/** How one statement is sent. */
export interface QueryOptions {
  /**
   * Keep the statement prepared on each PostgreSQL connection, so later runs
   * skip parsing and, once PostgreSQL settles on a generic plan, planning
   * (for the small lookups of a request that is most of their cost). Only for
   * fixed SQL text whose best plan does not depend on the values, such as
   * lookups by key. PostgreSQL settles on the generic plan only when its
   * estimate is no worse than the custom plans' of the first five runs; when
   * it is (an array of keys of unknown length, say), it plans every run
   * again: inside a transaction, `SET LOCAL plan_cache_mode =
   * force_generic_plan` makes it use the generic plan (see the searches
   * subgraph's useGenericPlans.ts). A pool prepares at most
   * `maxPreparedStatements` distinct texts; later ones run unprepared.
   * PGlite, in-process, ignores it.
   */
  readonly prepare?: boolean;
}

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1…` parameters; returns the rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one interface every subgraph uses, whether the rows live in PGlite on
 * disk or in a PostgreSQL server. Values come back with the same JS types on
 * both: int8 and numeric as number, date as 'YYYY-MM-DD', timestamptz as Date.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: all of it is committed, or none. When
   * PostgreSQL aborts the transaction for a deadlock or a serialization
   * failure, `work` runs again from the start in a new one (at most
   * TRANSACTION_ATTEMPTS times in all), so it must act only through `tx`
   * and on state it creates itself.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite in {@link dataDir}. */
  readonly url?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  readonly dataDir: string;
  /** The subgraph's own schema; every connection's search_path starts with it. */
  readonly schema: string;
  /** Contrib extensions the migrations need (PGlite loads them explicitly). */
  readonly extensions?: readonly PgliteExtensionName[];
  /** PostgreSQL pool size. @default defaultPoolSize(): twice the cores plus one */
  readonly poolSize?: number;
  /**
   * Distinct SQL texts the PostgreSQL pool keeps prepared; later ones run unprepared.
   * @default MAX_PREPARED_STATEMENTS (64)
   */
  readonly maxPreparedStatements?: number;
  /**
   * Called once when a text arrives after that cap (PostgreSQL only), for the
   * caller to log: it means a call site builds its SQL per call. Never given
   * the text, which could then hold values.
   */
  readonly onPreparedStatementsFull?: (capacity: number) => void;
  /** Called before a transaction runs again after a deadlock or a serialization failure, for the caller to log. */
  readonly onTransactionRetry?: TransactionRetryListener;
}

export type PgliteExtensionName = 'pg_trgm' | 'unaccent' | 'fuzzystrmatch' | 'btree_gist' | 'cube' | 'earthdistance';

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}
