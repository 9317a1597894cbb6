import { auditorQueries } from '@amparo/kit';
import type { SubgraphContext } from '@amparo/kit';
import { registerFoundPerson, type RegisterFoundPersonInput } from './found/registerFoundPerson.js';
import { isUuid } from './isUuid.js';
import type { SearchesLoaders } from './loaders.js';
import { listSearchRequests } from './requests/listSearchRequests.js';
import { openSearchRequest, type OpenSearchRequestInput } from './requests/openSearchRequest.js';
import type { SearchRequest } from './requests/searchRequestRow.js';
import { transferSearch } from './requests/transferSearch.js';
import { withdrawSearchRequest } from './requests/withdrawSearchRequest.js';
import { syncFindablePeople, type FindabilitySyncRound } from './findability/syncFindablePeople.js';
import type { FindablePersonInput } from './findability/findablePerson.js';
import type { MatchCandidate } from './review/matchCandidateRow.js';
import { markDeathCommunicated } from './review/markDeathCommunicated.js';
import { recordFoundPersonConsent, type ConsentChoice } from './review/recordFoundPersonConsent.js';
import { MAX_CANDIDATES } from './review/reviewLoaders.js';
import { reviewMatch } from './review/reviewMatch.js';
import { searchesStatisticsExtract } from './statistics/searchesStatisticsExtract.js';
import { badUserInput } from '@amparo/kit';

type Context = SubgraphContext<SearchesLoaders>;

/** Reads a new search back through the caller's own visibility, as any other read. */
async function visibleSearch(ctx: Context, id: string) {
  return ctx.loaders.searchRequest.load(id);
}

export const resolvers = {
  Query: {
    ...auditorQueries('searches'),
    searchRequest: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.searchRequest.load(id) : null,
    searchRequests: (_: unknown, args: Parameters<typeof listSearchRequests>[2], ctx: Context) =>
      listSearchRequests(ctx.db, ctx.principal, args),
    // Only the statistics-pipeline job holds statistics:extract; the kit re-checks the scope before this runs.
    searchesStatisticsExtract: (_: unknown, { period }: { period: string }, ctx: Context) =>
      searchesStatisticsExtract(ctx.db, period),
  },
  Mutation: {
    openSearchRequest: async (_: unknown, { input }: { input: OpenSearchRequestInput }, ctx: Context) =>
      visibleSearch(ctx, await openSearchRequest(ctx.db, ctx.principal, ctx.requestId, input)),
    registerFoundPerson: async (_: unknown, { input }: { input: RegisterFoundPersonInput }, ctx: Context) => ({
      recordId: await registerFoundPerson(ctx.db, ctx.principal, ctx.requestId, input),
    }),
    reviewMatch: (_: unknown, args: { candidateId: string; decision: 'CONFIRM' | 'REJECT' }, ctx: Context) =>
      reviewMatch(ctx.db, ctx.principal, ctx.requestId, args.candidateId, args.decision),
    recordFoundPersonConsent: (
      _: unknown,
      args: { matchId: string; choice: ConsentChoice; contact?: string | null },
      ctx: Context,
    ) => recordFoundPersonConsent(ctx.db, ctx.principal, ctx.requestId, args.matchId, args.choice, args.contact),
    markDeathCommunicated: (_: unknown, args: { matchId: string }, ctx: Context) =>
      markDeathCommunicated(ctx.db, ctx.principal, ctx.requestId, args.matchId),
    transferSearch: (_: unknown, args: { id: string; toOrganizationId: string }, ctx: Context) =>
      transferSearch(ctx.db, ctx.principal, ctx.requestId, args.id, args.toOrganizationId),
    withdrawSearchRequest: async (_: unknown, { id }: { id: string }, ctx: Context) =>
      visibleSearch(ctx, await withdrawSearchRequest(ctx.db, ctx.principal, ctx.requestId, id)),
    // Only the findability-sync job holds searches:findable:sync; checked by the kit and again inside.
    syncFindablePeople: (
      _: unknown,
      { people, round }: { people: FindablePersonInput[]; round?: FindabilitySyncRound | null },
      ctx: Context,
    ) => syncFindablePeople(ctx.db, ctx.principal, ctx.requestId, people, round ?? null),
  },
  SearchRequest: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.searchRequest.load(ref.id) : null,
    handlingOrganization: (request: SearchRequest) => ({ id: request.handlingOrganizationId }),
    // The requester sees only what the found person consented to (migration 0002, family_status).
    status: (request: SearchRequest, _: unknown, ctx: Context) =>
      ctx.principal.role === 'family' ? request.familyStatus : request.status,
    outcome: (request: SearchRequest, _: unknown, ctx: Context) => ctx.loaders.outcome.load(request.id),
    candidates: async (request: SearchRequest, { first }: { first?: number | null }, ctx: Context) => {
      const size = first ?? 5;
      if (!Number.isInteger(size) || size < 1 || size > MAX_CANDIDATES) {
        throw badUserInput('first', `must be between 1 and ${MAX_CANDIDATES}`);
      }
      return (await ctx.loaders.candidates.load(request.id)).slice(0, size);
    },
  },
  MatchCandidate: {
    foundPerson: async (candidate: MatchCandidate, _: unknown, ctx: Context) =>
      candidate.foundPersonRecordId ? ((await ctx.loaders.foundPerson.load(candidate.id))?.record ?? null) : null,
    matchedSearch: (candidate: MatchCandidate, _: unknown, ctx: Context) =>
      candidate.otherSearchRequestId ? ctx.loaders.searchRequest.load(candidate.otherSearchRequestId) : null,
  },
};
