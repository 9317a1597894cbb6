import { mkdirSync } from 'node:fs';
import { PGlite, type Extensions, type Transaction } from '@electric-sql/pglite';
import type { Database, DatabaseOptions, PgliteExtensionName, Queryable } from './Database.js';
import { TEXT_PARSERS } from './typeParsers.js';

async function loadExtensions(names: readonly PgliteExtensionName[]): Promise<Extensions> {
  const loaders: Record<PgliteExtensionName, () => Promise<Extensions[string]>> = {
    pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
    unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
    fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
    btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
    cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
    earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  };
  const extensions: Extensions = {};
  for (const name of names) extensions[name] = await loaders[name]();
  return extensions;
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<R>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** The embedded store: real PostgreSQL compiled to WebAssembly, one per subgraph. */
export async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: await loadExtensions(options.extensions ?? []),
    parsers: TEXT_PARSERS,
  });
  await db.exec(`SET search_path TO "${options.schema}", public`);
  const base = wrap(db);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    ping: async () => {
      await db.query('select 1');
    },
    close: () => db.close(),
  };
}
