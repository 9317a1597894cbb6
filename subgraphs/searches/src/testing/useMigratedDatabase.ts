import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, migrateSubgraph, openDatabase, type Database, type TestDatabase } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';

/**
 * A throwaway store with this subgraph's migrations applied and no seed, for
 * the tests of one file (PGlite, or PostgreSQL when DATABASE_URL is set).
 * Call at the top of the file; read the store inside tests through `db()`.
 */
export function useMigratedDatabase(): { db: () => Database } {
  let database: TestDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase({
      url: database.url,
      dataDir: 'memory://',
      schema: 'searches',
      extensions: searchesSubgraph.extensions ?? [],
    });
    await migrateSubgraph(db, searchesSubgraph);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });
  return {
    db: () => {
      if (!db) throw new Error('the migrated database is opened in beforeAll');
      return db;
    },
  };
}
