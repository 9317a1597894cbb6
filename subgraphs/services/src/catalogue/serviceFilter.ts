import { badUserInput } from '@amparo/kit';

export interface ServiceFilter {
  categories?: string[] | null;
  countries?: string[] | null;
  languages?: string[] | null;
  phases?: string[] | null;
  regardlessOfStatus?: boolean | null;
}

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{3}$/;

/** Checks the free-form parts of a filter (enums are checked by GraphQL itself). */
export function validateServiceFilter(filter: ServiceFilter): ServiceFilter {
  filter.countries?.forEach((c, i) => {
    if (!COUNTRY.test(c))
      throw badUserInput(`filter.countries[${i}]`, 'must be an ISO 3166-1 alpha-2 code such as "GT"');
  });
  filter.languages?.forEach((l, i) => {
    if (!LANGUAGE.test(l)) throw badUserInput(`filter.languages[${i}]`, 'must be an ISO 639-3 code such as "quc"');
  });
  return filter;
}
