/** A row of `search_requests` as the resolvers read it. */
export interface SearchRequestRow {
  id: string;
  requester_relationship: string;
  requester_contact: string | null;
  handling_organization_id: string;
  given_names: string;
  first_surname: string | null;
  second_surname: string | null;
  aliases: string[];
  sex: string;
  birth_date: string | null;
  age_min: number | null;
  age_max: number | null;
  nationality: string | null;
  languages: string[];
  physical_description: string | null;
  last_contact_date: string | null;
  last_contact_place: string | null;
  last_contact_country: string | null;
  last_contact_latitude: number | null;
  last_contact_longitude: number | null;
  last_contact_route: string | null;
  circumstances: string;
  countries_involved: string[];
  status: string;
  family_status: string;
  opened_at: Date;
}

export const SEARCH_REQUEST_COLUMNS = `id, requester_relationship, requester_contact, handling_organization_id,
  given_names, first_surname, second_surname, aliases, sex, birth_date, age_min, age_max, nationality, languages,
  physical_description, last_contact_date, last_contact_place, last_contact_country, last_contact_latitude,
  last_contact_longitude, last_contact_route, circumstances, countries_involved, status, family_status, opened_at`;

function lastContactOf(row: SearchRequestRow) {
  const known =
    row.last_contact_date ??
    row.last_contact_place ??
    row.last_contact_country ??
    row.last_contact_latitude ??
    row.last_contact_route;
  if (known === null) return null;
  return {
    date: row.last_contact_date,
    place: row.last_contact_place,
    country: row.last_contact_country,
    latitude: row.last_contact_latitude,
    longitude: row.last_contact_longitude,
    route: row.last_contact_route,
  };
}

/** Maps a row to the GraphQL `SearchRequest` shape. */
export function toSearchRequest(row: SearchRequestRow) {
  return {
    id: row.id,
    missingPerson: {
      givenNames: row.given_names,
      familyNames: { firstSurname: row.first_surname, secondSurname: row.second_surname },
      aliases: row.aliases,
      sex: row.sex,
      birthDate: row.birth_date,
      ageRange: row.age_min !== null && row.age_max !== null ? { min: row.age_min, max: row.age_max } : null,
      nationality: row.nationality,
      languages: row.languages,
      physicalDescription: row.physical_description,
    },
    lastContact: lastContactOf(row),
    circumstances: row.circumstances,
    countriesInvolved: row.countries_involved,
    status: row.status,
    /** What the requester may see: moves only on consent or a communicated death (migration 0002). */
    familyStatus: row.family_status,
    openedAt: row.opened_at.toISOString(),
    handlingOrganizationId: row.handling_organization_id,
    requester: { relationship: row.requester_relationship, contact: row.requester_contact },
  };
}

export type SearchRequest = ReturnType<typeof toSearchRequest>;
