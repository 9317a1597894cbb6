import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { loadReleasePolicy } from './config/statisticsConfig.js';
import { createStatisticsLoaders, type StatisticsLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { registerSdmxRoutes } from './sdmx/sdmxRoutes.js';
import { seedStatistics } from './seed/seedStatistics.js';

export const statisticsSubgraph: SubgraphDefinition<StatisticsLoaders> = {
  name: 'statistics',
  defaultPort: 4005,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<StatisticsLoaders>['resolvers'],
  createLoaders: createStatisticsLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM releases LIMIT 1')).length === 0,
  seed: seedStatistics,
  // A bad STATISTICS_* value stops start-up with one line naming the variable.
  init: async (_db, log) => {
    const policy = loadReleasePolicy(process.env);
    log.info(
      { threshold: policy.threshold, noiseScale: policy.scale, contributionCap: policy.contributionCap },
      'statistics release policy',
    );
  },
  routes: (app, db, log) => registerSdmxRoutes(app, db, log),
};
