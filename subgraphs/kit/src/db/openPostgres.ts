import { defaultPoolSize } from './defaultPoolSize.js';
import pg from 'pg';
import type { Database, DatabaseOptions, Queryable, QueryOptions } from './Database.js';
import { DatabaseUnavailableError } from './Database.js';
import { PreparedStatementNames } from './PreparedStatementNames.js';
import { TEXT_PARSERS } from './typeParsers.js';

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    TEXT_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.PoolClient, statements: PreparedStatementNames, serialize = false): Queryable {
  // One connection runs one statement at a time. pg queues concurrent calls on
  // a client itself but deprecates it (pg@9 refuses them), and resolvers may
  // fire a transaction's reads with Promise.all: chain them here instead.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    if (!serialize) return run();
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    async query<R>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = params as unknown[] | undefined;
      const name = options?.prepare ? statements.nameFor(sql) : undefined;
      const result = await inTurn(() =>
        name === undefined ? client.query(sql, values) : client.query({ name, text: sql, values }),
      );
      return result.rows as R[];
    },
    async exec(sql: string) {
      await inTurn(() => client.query(sql));
    },
  };
}

/** PostgreSQL through a pool whose connections all start in the subgraph's schema. */
export async function openPostgres(options: DatabaseOptions & { url: string }): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? defaultPoolSize(),
    options: `-c search_path="${options.schema}",public`,
    connectionTimeoutMillis: 5_000,
    types,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL: ${reason}`);
  }
  // Per pool: the cap bounds what each of its connections holds.
  const statements = new PreparedStatementNames(options.maxPreparedStatements, options.onPreparedStatementsFull);
  return {
    kind: 'postgres',
    ...wrap(pool, statements),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client, statements, true));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}
