import { createHash } from 'node:crypto';

/**
 * Most distinct SQL texts one pool keeps prepared. Each one lives on every
 * connection of the pool, in pg's client and in the server backend, for the
 * connection's life: measured on PostgreSQL 15, the cases loaders' 8 lookups
 * with their generic plans take 550 KB of plan cache on one backend (about
 * 70 KB each), so 64 texts on a pool of 5 (the default on 2 cores) stay under
 * about 23 MB, and under about 45 MB on 10 connections. The code
 * prepares about ten texts per subgraph today (one per call site), so 64 is
 * headroom, not a working limit.
 */
export const MAX_PREPARED_STATEMENTS = 64;

/**
 * The names under which a pool prepares statements: one name per SQL text,
 * for at most `capacity` texts; texts that come after those run unprepared.
 *
 * A fixed cap rather than an LRU because forgetting a name here would free
 * nothing where the memory is: pg keeps on each connection a map of every
 * statement name it has parsed to its text, and the server keeps the
 * statement itself, until the connection closes — pg offers no way to drop
 * them, and a DEALLOCATE would have to reach every pooled connection, idle or
 * busy, and edit pg's internal map in step. With a cap, the texts ever named
 * are the first `capacity` ones, so each connection holds at most that many,
 * here, in pg and on the server. Prepared texts are constants of the code; the
 * cap is reached only if a call site builds its text per call, and then it
 * turns that leak into a loss of preparation for the newcomers.
 *
 * A name is a hash of its text, never a counter: pg refuses (and a server
 * would misread) a name reused for another text on a connection that already
 * prepared it, and a hash gives one text one name on every connection, in
 * every pool, whatever order texts arrive in.
 */
export class PreparedStatementNames {
  readonly #names = new Map<string, string>();
  readonly #onFull: ((capacity: number) => void) | undefined;
  #told = false;
  readonly capacity: number;

  /** `onFull` is called once, the first time a text arrives after the cap: a call site building its SQL per call. */
  constructor(capacity: number = MAX_PREPARED_STATEMENTS, onFull?: (capacity: number) => void) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError('the prepared-statement capacity must be a non-negative integer');
    }
    this.capacity = capacity;
    this.#onFull = onFull;
  }

  /** The name to prepare `sql` under, or undefined: run it unprepared. */
  nameFor(sql: string): string | undefined {
    let name = this.#names.get(sql);
    if (name === undefined && this.#names.size < this.capacity) {
      name = `amparo_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      this.#names.set(sql, name);
    } else if (name === undefined && !this.#told) {
      this.#told = true;
      this.#onFull?.(this.capacity);
    }
    return name;
  }

  /** How many texts have a name; never more than {@link capacity}. */
  get size(): number {
    return this.#names.size;
  }
}
