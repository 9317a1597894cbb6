import type { FastifyInstance } from 'fastify';
import { ConfigError } from '@amparo/schema';
import type { SubgraphConfig } from '../config/subgraphConfig.js';
import type { Database } from '../db/Database.js';
import { migrateSubgraph } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { createLogger, type Logger } from '../log/createLogger.js';
import { createSubgraphServer } from './createSubgraphServer.js';
import type { SubgraphDefinition } from './SubgraphDefinition.js';

export interface RunningSubgraph {
  readonly name: string;
  /** `http://host:port/graphql` */
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export interface StartSubgraphOptions {
  readonly config: SubgraphConfig;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  readonly db?: Database;
  readonly log?: Logger;
  /** Demo volume multiplier when seeding an empty store. */
  readonly seedScale?: number;
}

/** Opens the store, applies migrations, seeds an empty store when asked, and listens. */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { config } = options;
  const internalPublicKey = config.internalPublicKey;
  if (!internalPublicKey) {
    throw new ConfigError(
      "INTERNAL_PUBLIC_KEY: the public JWK of the gateway's internal signing key is required (npm start sets it)",
    );
  }
  const log = options.log ?? createLogger(definition.name, config.logLevel);
  const db =
    options.db ??
    (await openDatabase({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      onPreparedStatementsFull: (capacity) =>
        log.warn({ capacity }, 'prepared-statement cap reached: SQL texts after it run unprepared'),
      onTransactionRetry: (sqlState, attempt) =>
        log.warn(
          { sqlState, attempt },
          'transaction rolled back by PostgreSQL (deadlock or serialization failure); running it again',
        ),
      dataDir: config.dataDir,
      schema: definition.name,
      extensions: definition.extensions ?? [],
    }));
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const { applied } = await migrateSubgraph(db, definition);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    // init validates the subgraph's own settings (keys…) before the seed needs them.
    cleanup = (definition.init ? await definition.init(db, log, config) : undefined) ?? undefined;
    if (config.seedOnEmpty && (await definition.isEmpty(db))) {
      const started = Date.now();
      await definition.seed(db, { scale: options.seedScale ?? 1, progress: (m) => log.info(m) });
      log.info({ ms: Date.now() - started }, 'empty store seeded with demo data');
    }
    const app = await createSubgraphServer({
      name: definition.name,
      sdlPath: definition.sdlPath,
      resolvers: definition.resolvers,
      createLoaders: definition.createLoaders,
      db,
      log,
      internalPublicKey,
      routes: definition.routes ? (a) => definition.routes?.(a, db, log) : undefined,
    });
    await app.listen({ host: config.host, port: config.port });
    const stop = cleanup;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      name: definition.name,
      url: `http://${config.host}:${port}/graphql`,
      port,
      db,
      app,
      async close() {
        await app.close();
        if (stop) await stop();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (cleanup) await cleanup().catch(() => undefined);
    if (!options.db) await db.close().catch(() => undefined);
    throw error;
  }
}
