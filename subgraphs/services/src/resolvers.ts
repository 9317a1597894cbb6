import { pageSize, type SubgraphContext } from '@amparo/kit';
import type { ServicesLoaders } from './loaders.js';
import { searchServices } from './catalogue/searchServices.js';
import type { Service } from './catalogue/serviceRow.js';
import { listOrganizations } from './organizations/listOrganizations.js';
import type { Organization } from './organizations/organizationRow.js';

type Context = SubgraphContext<ServicesLoaders>;
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const resolvers = {
  Query: {
    services: (_: unknown, args: Parameters<typeof searchServices>[1], ctx: Context) => searchServices(ctx.db, args),
    service: (_: unknown, { id }: { id: string }, ctx: Context) => (isUuid(id) ? ctx.loaders.service.load(id) : null),
    organization: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.organization.load(id) : null,
    organizations: (_: unknown, args: Parameters<typeof listOrganizations>[1], ctx: Context) =>
      listOrganizations(ctx.db, args),
  },
  Service: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.service.load(ref.id) : null,
    organization: (service: Service, _: unknown, ctx: Context) => ctx.loaders.organization.load(service.organizationId),
  },
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.organization.load(ref.id) : null,
    services: async (org: Organization, args: { first?: number | null }, ctx: Context) =>
      (await ctx.loaders.servicesOfOrganization.load(org.id)).slice(0, pageSize(args.first, 50)),
  },
};
