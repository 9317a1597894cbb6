import { loadSubgraphConfig } from '../config/subgraphConfig.js';
import { migrateSubgraph } from '../db/migrate.js';
import { createLogger } from '../log/createLogger.js';
import { openDatabase } from '../db/openDatabase.js';
import { describeStartupError } from './runSubgraphMain.js';
import type { SubgraphDefinition } from './SubgraphDefinition.js';

/**
 * `npm run seed` for one subgraph: migrates, then fills an empty store with
 * demo data. A store that already holds rows is left alone (seeding twice
 * would duplicate nothing but would surprise whoever added real rows).
 */
export async function runSeedMain<L>(definition: SubgraphDefinition<L>): Promise<void> {
  const log = (message: string) => process.stdout.write(`amparo ${definition.name}: ${message}\n`);
  try {
    const config = loadSubgraphConfig(definition.name, definition.defaultPort);
    const db = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      schema: definition.name,
      extensions: definition.extensions ?? [],
    });
    try {
      const { applied } = await migrateSubgraph(db, definition);
      if (applied.length) log(`applied migrations ${applied.join(', ')}`);
      // The subgraph's own settings (e.g. encryption keys) are checked and installed as at start-up.
      const cleanup = definition.init
        ? await definition.init(db, createLogger(definition.name, config.logLevel), config)
        : undefined;
      try {
        if (!(await definition.isEmpty(db))) {
          log('store already holds data; nothing seeded');
          return;
        }
        const started = Date.now();
        await definition.seed(db, { progress: log });
        log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${db.kind})`);
      } finally {
        if (cleanup) await cleanup();
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    process.stderr.write(`amparo ${definition.name}: cannot seed: ${describeStartupError(error)}\n`);
    process.exitCode = 1;
  }
}
