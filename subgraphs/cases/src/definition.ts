import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { installCasesKeyring, loadCasesKeyring } from './crypto/casesKeyring.js';
import { createCasesLoaders, type CasesLoaders } from './loaders.js';
import { loadRetentionDays } from './rights/retentionConfig.js';
import { startRetentionJob } from './rights/startRetentionJob.js';
import { resolvers } from './resolvers.js';
import { seedCases } from './seed/seedCases.js';

export const casesSubgraph: SubgraphDefinition<CasesLoaders> = {
  name: 'cases',
  defaultPort: 4002,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<CasesLoaders>['resolvers'],
  createLoaders: createCasesLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM cases LIMIT 1')).length === 0,
  seed: seedCases,
  // Keys are checked before the seed and the server: a bad CASES_ENCRYPTION_KEYS or
  // CASES_RETENTION_DAYS stops start-up; then the retention job starts.
  init: async (db, log, config) => {
    installCasesKeyring(loadCasesKeyring({ ...process.env, AMPARO_MODE: config.mode }, log));
    return startRetentionJob(db, loadRetentionDays(process.env), log);
  },
};
