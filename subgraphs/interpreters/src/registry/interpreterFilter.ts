import { badUserInput } from '@amparo/kit';

/** The arguments of `Query.interpreters` that narrow the registry. */
export interface InterpreterFilter {
  language?: string | null;
  sphere?: string | null;
  country?: string | null;
}

const LANGUAGE = /^[a-z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Checks the free-form arguments (the sphere enum is checked by GraphQL itself). */
export function validateInterpreterFilter(filter: InterpreterFilter): InterpreterFilter {
  if (filter.language != null && !LANGUAGE.test(filter.language)) {
    throw badUserInput('language', 'must be an ISO 639-3 code such as "mam"');
  }
  if (filter.country != null && !COUNTRY.test(filter.country)) {
    throw badUserInput('country', 'must be an ISO 3166-1 alpha-2 code such as "GT"');
  }
  return filter;
}
