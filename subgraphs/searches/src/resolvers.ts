import type { SubgraphContext } from '@amparo/kit';
import { isUuid } from './isUuid.js';
import type { SearchesLoaders } from './loaders.js';
import { listSearchRequests } from './requests/listSearchRequests.js';
import type { SearchRequest } from './requests/searchRequestRow.js';

type Context = SubgraphContext<SearchesLoaders>;

export const resolvers = {
  Query: {
    searchRequest: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.searchRequest.load(id) : null,
    searchRequests: (_: unknown, args: Parameters<typeof listSearchRequests>[2], ctx: Context) =>
      listSearchRequests(ctx.db, ctx.principal, args),
  },
  SearchRequest: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.searchRequest.load(ref.id) : null,
    handlingOrganization: (request: SearchRequest) => ({ id: request.handlingOrganizationId }),
  },
};
