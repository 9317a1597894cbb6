import {
  ConfirmInterpreterDocument,
  type ConfirmInterpreterMutation,
  GetInterpretationRequestDocument,
  type GetInterpretationRequestQuery,
  type GetInterpretationRequestQueryVariables,
  GetInterpreterDocument,
  type GetInterpreterQuery,
  RequestInterpretationDocument,
  type RequestInterpretationInput,
  type RequestInterpretationMutation,
  SearchInterpretersDocument,
  type SearchInterpretersQuery,
  type SearchInterpretersQueryVariables,
} from '../../generated/graphql.js';
import type { RequestOptions } from '../ClientOptions.js';
import type { RequestFunction } from '../createClient.js';
import { paginate } from '../paginate.js';

type InterpreterConnection = SearchInterpretersQuery['interpreters'];
/** One interpreter as the registry search returns her. */
export type InterpreterSummary = InterpreterConnection['edges'][number]['node'];

/** `client.interpreters`: the registry, interpretation requests and bookings. */
export interface InterpretersApi {
  /** One page of a registry search (`SearchInterpreters`). */
  search(variables?: SearchInterpretersQueryVariables, options?: RequestOptions): Promise<InterpreterConnection>;
  /** Every interpreter matching, page by page (`SearchInterpreters`). */
  searchAll(
    variables?: Omit<SearchInterpretersQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<InterpreterSummary, void, undefined>;
  /** One interpreter, or null (`GetInterpreter`). */
  get(id: string, options?: RequestOptions): Promise<GetInterpreterQuery['interpreter']>;
  /** One interpretation request with ranked candidates, or null (`GetInterpretationRequest`). */
  request(
    id: string,
    variables?: Omit<GetInterpretationRequestQueryVariables, 'id'>,
    options?: RequestOptions,
  ): Promise<GetInterpretationRequestQuery['interpretationRequest']>;
  /** Asks for an interpreter (`RequestInterpretation`; never retried). */
  requestInterpretation(
    input: RequestInterpretationInput,
    options?: RequestOptions,
  ): Promise<RequestInterpretationMutation['requestInterpretation']>;
  /** Books a candidate for a request (`ConfirmInterpreter`). */
  confirm(
    requestId: string,
    interpreterId: string,
    options?: RequestOptions,
  ): Promise<ConfirmInterpreterMutation['confirmInterpreter']>;
}

export function interpretersApi(request: RequestFunction): InterpretersApi {
  const search: InterpretersApi['search'] = async (variables, options) =>
    (await request(SearchInterpretersDocument, variables, options)).interpreters;
  return {
    search,
    searchAll: (variables, options) => paginate((after) => search({ ...variables, after }, options)),
    get: async (id, options) => (await request(GetInterpreterDocument, { id }, options)).interpreter,
    request: async (id, variables, options) =>
      (await request(GetInterpretationRequestDocument, { ...variables, id }, options)).interpretationRequest,
    requestInterpretation: async (input, options) =>
      (await request(RequestInterpretationDocument, { input }, options)).requestInterpretation,
    confirm: async (requestId, interpreterId, options) =>
      (await request(ConfirmInterpreterDocument, { requestId, interpreterId }, options)).confirmInterpreter,
  };
}
