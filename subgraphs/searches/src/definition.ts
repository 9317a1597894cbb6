import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { createSearchesLoaders, type SearchesLoaders } from './loaders.js';
import { refreshMatchKeys } from './matching/refreshMatchKeys.js';
import { resolvers } from './resolvers.js';
import { seedSearches } from './seed/seedSearches.js';

export const searchesSubgraph: SubgraphDefinition<SearchesLoaders> = {
  name: 'searches',
  defaultPort: 4004,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  // Trigram similarity on name keys (migrations 0001, 0002); phonetic keys are computed in TypeScript.
  extensions: ['pg_trgm'],
  resolvers: resolvers as SubgraphDefinition<SearchesLoaders>['resolvers'],
  createLoaders: createSearchesLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM found_person_records LIMIT 1')).length === 0,
  seed: seedSearches,
  // Rows written before migration 0002 (a store seeded earlier) get their blocking keys once.
  init: async (db) => {
    await db.transaction(async (tx) => {
      await refreshMatchKeys(tx, 'found_person_records');
      await refreshMatchKeys(tx, 'search_requests');
    });
  },
};
