import { badUserInput } from '@amparo/kit';

export interface ServiceFilter {
  text?: string | null;
  categories?: string[] | null;
  countries?: string[] | null;
  languages?: string[] | null;
  phases?: string[] | null;
  accessibility?: string[] | null;
  populations?: string[] | null;
  openNow?: boolean | null;
  openAt?: string | null;
  regardlessOfStatus?: boolean | null;
  statuses?: string[] | null;
}

export interface NearInput {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export const COUNTRY = /^[A-Z]{2}$/;
export const LANGUAGE = /^[a-z]{3}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks the free-form parts of a filter (enums are checked by GraphQL itself). */
export function validateServiceFilter(filter: ServiceFilter): ServiceFilter {
  filter.countries?.forEach((c, i) => {
    if (!COUNTRY.test(c))
      throw badUserInput(`filter.countries[${i}]`, 'must be an ISO 3166-1 alpha-2 code such as "GT"');
  });
  filter.languages?.forEach((l, i) => {
    if (!LANGUAGE.test(l)) throw badUserInput(`filter.languages[${i}]`, 'must be an ISO 639-3 code such as "quc"');
  });
  if (filter.text !== null && filter.text !== undefined && filter.text.length > 200)
    throw badUserInput('filter.text', 'must be at most 200 characters');
  if (filter.openAt !== null && filter.openAt !== undefined) {
    if (!ISO_INSTANT.test(filter.openAt) || Number.isNaN(Date.parse(filter.openAt)))
      throw badUserInput('filter.openAt', 'must be an ISO 8601 instant with a zone, e.g. 2026-11-23T15:00:00Z');
    if (filter.openNow) throw badUserInput('filter.openAt', 'give either openNow or openAt, not both');
  }
  return filter;
}

export function validateNear(near: NearInput): NearInput {
  if (!(near.latitude >= -90 && near.latitude <= 90)) throw badUserInput('near.latitude', 'must be between -90 and 90');
  if (!(near.longitude >= -180 && near.longitude <= 180))
    throw badUserInput('near.longitude', 'must be between -180 and 180');
  if (!(near.radiusKm > 0 && near.radiusKm <= 2000)) throw badUserInput('near.radiusKm', 'must be between 0 and 2000');
  return near;
}

/** Words of a free-text query, lower-cased; accents are removed in SQL with the same unaccent() the index used. */
export function searchTerms(text: string | null | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}
