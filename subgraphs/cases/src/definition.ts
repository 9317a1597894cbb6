import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { createCasesLoaders, type CasesLoaders } from './loaders.js';
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
};
