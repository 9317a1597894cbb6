import {
  GetOrganizationDocument,
  type GetOrganizationQuery,
  type GetOrganizationQueryVariables,
  GetServiceDocument,
  type GetServiceQuery,
  type GetServiceQueryVariables,
  ListOrganizationsDocument,
  type ListOrganizationsQuery,
  type ListOrganizationsQueryVariables,
  SearchServicesDocument,
  type SearchServicesQuery,
  type SearchServicesQueryVariables,
  ServiceCodeListDocument,
  type ServiceCodeListQuery,
  type ServiceCodeListQueryVariables,
} from '../../generated/graphql.js';
import type { RequestOptions } from '../ClientOptions.js';
import type { RequestFunction } from '../createClient.js';
import { paginate } from '../paginate.js';

type ServiceConnection = SearchServicesQuery['services'];
/** One service as the catalogue search returns it. */
export type ServiceSummary = ServiceConnection['edges'][number]['node'];
type OrganizationConnection = ListOrganizationsQuery['organizations'];
/** One organisation as the organisation list returns it. */
export type OrganizationSummary = OrganizationConnection['edges'][number]['node'];

/** `client.services`: the catalogue. */
export interface ServicesApi {
  /** One page of a catalogue search (`SearchServices`). */
  search(variables?: SearchServicesQueryVariables, options?: RequestOptions): Promise<ServiceConnection>;
  /** Every service matching the search, page by page (`SearchServices`, `first` = page size). */
  searchAll(
    variables?: Omit<SearchServicesQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<ServiceSummary, void, undefined>;
  /** One service, or null (`GetService`). */
  get(
    id: string,
    variables?: Omit<GetServiceQueryVariables, 'id'>,
    options?: RequestOptions,
  ): Promise<GetServiceQuery['service']>;
  /** One page of organisations (`ListOrganizations`). */
  organizations(variables?: ListOrganizationsQueryVariables, options?: RequestOptions): Promise<OrganizationConnection>;
  /** Every organisation, page by page (`ListOrganizations`). */
  organizationsAll(
    variables?: Omit<ListOrganizationsQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<OrganizationSummary, void, undefined>;
  /** One organisation with its services, or null (`GetOrganization`). */
  organization(
    id: string,
    variables?: Omit<GetOrganizationQueryVariables, 'id'>,
    options?: RequestOptions,
  ): Promise<GetOrganizationQuery['organization']>;
  /** Localised labels of a catalogue code list (`ServiceCodeList`). */
  codeList(
    variables: ServiceCodeListQueryVariables,
    options?: RequestOptions,
  ): Promise<ServiceCodeListQuery['serviceCodeList']>;
}

export function servicesApi(request: RequestFunction): ServicesApi {
  const search: ServicesApi['search'] = async (variables, options) =>
    (await request(SearchServicesDocument, variables, options)).services;
  const organizations: ServicesApi['organizations'] = async (variables, options) =>
    (await request(ListOrganizationsDocument, variables, options)).organizations;
  return {
    search,
    searchAll: (variables, options) => paginate((after) => search({ ...variables, after }, options)),
    get: async (id, variables, options) => (await request(GetServiceDocument, { ...variables, id }, options)).service,
    organizations,
    organizationsAll: (variables, options) => paginate((after) => organizations({ ...variables, after }, options)),
    organization: async (id, variables, options) =>
      (await request(GetOrganizationDocument, { ...variables, id }, options)).organization,
    codeList: async (variables, options) =>
      (await request(ServiceCodeListDocument, variables, options)).serviceCodeList,
  };
}
