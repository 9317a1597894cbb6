import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { createInterpretersLoaders, type InterpretersLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { seedInterpreters } from './seed/seedInterpreters.js';

export const interpretersSubgraph: SubgraphDefinition<InterpretersLoaders> = {
  name: 'interpreters',
  defaultPort: 4003,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  // The no-overlap exclusion constraint on bookings compares a uuid with `=` inside GiST.
  extensions: ['btree_gist'],
  resolvers: resolvers as SubgraphDefinition<InterpretersLoaders>['resolvers'],
  createLoaders: createInterpretersLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM interpreters LIMIT 1')).length === 0,
  seed: seedInterpreters,
};
