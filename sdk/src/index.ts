export {
  createClient,
  type AmparoClient,
  type RequestFunction,
  type VariablesArgument,
} from './client/createClient.js';
export type { ClientOptions, RequestOptions, TokenSource } from './client/ClientOptions.js';
export {
  AMPARO_ERROR_CODES,
  AmparoError,
  isAmparoError,
  type AmparoErrorCode,
  type AmparoErrorDetails,
  type FieldError,
  type GraphQLErrorPayload,
} from './client/AmparoError.js';
export type { ResultOf, TypedDocument, VariablesOf } from './client/TypedDocument.js';
export { paginate, type ConnectionPage } from './client/paginate.js';
export { documentId } from './client/documentId.js';
export type { CaseSummary, CasesApi } from './client/domains/casesApi.js';
export type { InterpreterSummary, InterpretersApi } from './client/domains/interpretersApi.js';
export type { SearchRequestSummary, SearchesApi } from './client/domains/searchesApi.js';
export type { OrganizationSummary, ServiceSummary, ServicesApi } from './client/domains/servicesApi.js';
export type { ReleaseSummary, StatisticsApi } from './client/domains/statisticsApi.js';
export * from './generated/graphql.js';
