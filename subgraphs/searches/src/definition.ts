import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { createSearchesLoaders, type SearchesLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { seedSearches } from './seed/seedSearches.js';

export const searchesSubgraph: SubgraphDefinition<SearchesLoaders> = {
  name: 'searches',
  defaultPort: 4004,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  // Trigram indexes on name keys (migration 0001); matching will add more.
  extensions: ['pg_trgm'],
  resolvers: resolvers as SubgraphDefinition<SearchesLoaders>['resolvers'],
  createLoaders: createSearchesLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM found_person_records LIMIT 1')).length === 0,
  seed: seedSearches,
};
