import {
  GetSearchRequestDocument,
  type GetSearchRequestQuery,
  ListSearchRequestsDocument,
  type ListSearchRequestsQuery,
  type ListSearchRequestsQueryVariables,
  OpenSearchRequestDocument,
  type OpenSearchRequestInput,
  type OpenSearchRequestMutation,
  SearchRequestCandidatesDocument,
  type SearchRequestCandidatesQuery,
  type SearchRequestCandidatesQueryVariables,
} from '../../generated/graphql.js';
import type { RequestOptions } from '../ClientOptions.js';
import type { RequestFunction } from '../createClient.js';
import { paginate } from '../paginate.js';

type SearchRequestConnection = ListSearchRequestsQuery['searchRequests'];
/** One search request as the list returns it. */
export type SearchRequestSummary = SearchRequestConnection['edges'][number]['node'];

/** `client.searches`: searches for missing relatives and their outcomes. */
export interface SearchesApi {
  /** One page of the search requests the caller may see (`ListSearchRequests`). */
  list(variables?: ListSearchRequestsQueryVariables, options?: RequestOptions): Promise<SearchRequestConnection>;
  /** Every search request the caller may see, page by page (`ListSearchRequests`). */
  listAll(
    variables?: Omit<ListSearchRequestsQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<SearchRequestSummary, void, undefined>;
  /** One search request and its outcome, or null (`GetSearchRequest`). */
  get(id: string, options?: RequestOptions): Promise<GetSearchRequestQuery['searchRequest']>;
  /** Match candidates for the handling organisation to review (`SearchRequestCandidates`). */
  candidates(
    variables: SearchRequestCandidatesQueryVariables,
    options?: RequestOptions,
  ): Promise<SearchRequestCandidatesQuery['searchRequest']>;
  /** Opens a search (`OpenSearchRequest`; never retried). */
  open(
    input: OpenSearchRequestInput,
    options?: RequestOptions,
  ): Promise<OpenSearchRequestMutation['openSearchRequest']>;
}

export function searchesApi(request: RequestFunction): SearchesApi {
  const list: SearchesApi['list'] = async (variables, options) =>
    (await request(ListSearchRequestsDocument, variables, options)).searchRequests;
  return {
    list,
    listAll: (variables, options) => paginate((after) => list({ ...variables, after }, options)),
    get: async (id, options) => (await request(GetSearchRequestDocument, { id }, options)).searchRequest,
    candidates: async (variables, options) =>
      (await request(SearchRequestCandidatesDocument, variables, options)).searchRequest,
    open: async (input, options) => (await request(OpenSearchRequestDocument, { input }, options)).openSearchRequest,
  };
}
