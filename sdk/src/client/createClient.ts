import type { ClientOptions, RequestOptions } from './ClientOptions.js';
import { type CasesApi, casesApi } from './domains/casesApi.js';
import { type InterpretersApi, interpretersApi } from './domains/interpretersApi.js';
import { type SearchesApi, searchesApi } from './domains/searchesApi.js';
import { type ServicesApi, servicesApi } from './domains/servicesApi.js';
import { type StatisticsApi, statisticsApi } from './domains/statisticsApi.js';
import { executeRequest, resolveClientOptions } from './executeRequest.js';
import type { TypedDocument } from './TypedDocument.js';

/** Variables are optional exactly when every variable of the operation is. */
export type VariablesArgument<TVariables> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` is the only way to ask "are all keys optional?"
  {} extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

/** Sends any typed document; what every domain method is built on. */
export type RequestFunction = <TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  ...args: VariablesArgument<NoInfer<TVariables>>
) => Promise<TResult>;

/** The Amparo client: `request` for any typed document, and domain methods by area. */
export interface AmparoClient {
  /** Sends one typed document (a generated `…Document` or your own) and returns its `data`. */
  readonly request: RequestFunction;
  /** Catalogue of services and organisations. */
  readonly services: ServicesApi;
  /** Cases, consents and referrals (caseworkers). */
  readonly cases: CasesApi;
  /** Interpreter registry, interpretation requests and bookings. */
  readonly interpreters: InterpretersApi;
  /** Searches for missing relatives. */
  readonly searches: SearchesApi;
  /** Official statistics: releases, tables, series, code lists. */
  readonly statistics: StatisticsApi;
}

/**
 * Creates a client for the Amparo gateway. Plain data in, plain data out:
 * every method sends exactly one request (iterators one per page), nothing is
 * fetched lazily behind a property.
 *
 * @example
 * const amparo = createClient({ url: 'https://api.amparo.example/graphql', token });
 * const page = await amparo.services.search({ filter: { countries: ['MX'], categories: ['SHELTER'] } });
 */
export function createClient(options: ClientOptions): AmparoClient {
  const config = resolveClientOptions(options);
  const request: RequestFunction = (document, ...[variables, requestOptions]) =>
    executeRequest(config, document.toString(), variables, requestOptions) as Promise<never>;
  return Object.freeze({
    request,
    services: servicesApi(request),
    cases: casesApi(request),
    interpreters: interpretersApi(request),
    searches: searchesApi(request),
    statistics: statisticsApi(request),
  });
}
