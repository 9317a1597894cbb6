import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@amparo/kit';
import { createServicesLoaders, type ServicesLoaders } from './loaders.js';
import { registerHsdsRoutes } from './hsds/registerHsdsRoutes.js';
import { resolvers } from './resolvers.js';
import { seedServices } from './seed/seedServices.js';

export const servicesSubgraph: SubgraphDefinition<ServicesLoaders> = {
  name: 'services',
  defaultPort: 4001,
  sdlPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<ServicesLoaders>['resolvers'],
  createLoaders: createServicesLoaders,
  isEmpty: async (db) => (await db.query('SELECT 1 FROM organizations LIMIT 1')).length === 0,
  extensions: ['pg_trgm', 'unaccent'],
  seed: seedServices,
  routes: registerHsdsRoutes,
};
