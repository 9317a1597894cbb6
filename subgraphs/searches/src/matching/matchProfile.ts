import { nameTokens, type NameTokens } from '../names/personName.js';

/**
 * What the scorers compare, whichever side it comes from (a search's missing
 * person, a found-person record, or another search). Ages become a range of
 * birth years, so "born 1994-03-02", "25–30 at last contact in 2023" and
 * "estimated 28–34 when found in 2025" compare directly.
 */
export interface MatchProfile {
  readonly id: string;
  readonly name: NameTokens;
  readonly sex: string;
  readonly birthYears: readonly [number, number] | null;
  /** Known exactly (a birth date), as opposed to estimated. */
  readonly birthDateKnown: boolean;
  readonly nationality: string | null;
  readonly languages: readonly string[];
  /** When and where she or he was last heard of (a search) or found (a record). */
  readonly seen: {
    readonly date: string | null;
    readonly latitude: number | null;
    readonly longitude: number | null;
    readonly country: string | null;
  };
}

/** Birth years of someone aged min…max on `day` ('YYYY-MM-DD'). */
export function birthYearsFromAge(min: number, max: number, day: string): [number, number] {
  const year = Number(day.slice(0, 4));
  return [year - max - 1, year - min];
}

/** The columns of `search_requests` a profile needs (SEARCH_PROFILE_COLUMNS). */
export interface SearchProfileRow {
  id: string;
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
  last_contact_date: string | null;
  last_contact_latitude: number | null;
  last_contact_longitude: number | null;
  last_contact_country: string | null;
  opened_at: Date;
}

export const SEARCH_PROFILE_COLUMNS = `id, given_names, first_surname, second_surname, aliases, sex, birth_date, age_min,
  age_max, nationality, languages, last_contact_date, last_contact_latitude, last_contact_longitude,
  last_contact_country, opened_at`;

export function searchProfile(row: SearchProfileRow): MatchProfile {
  // A family gives the age at the last contact; without that date, at opening.
  const ageDay = row.last_contact_date ?? row.opened_at.toISOString().slice(0, 10);
  const birthYears: [number, number] | null = row.birth_date
    ? [Number(row.birth_date.slice(0, 4)), Number(row.birth_date.slice(0, 4))]
    : row.age_min !== null && row.age_max !== null
      ? birthYearsFromAge(row.age_min, row.age_max, ageDay)
      : null;
  return {
    id: row.id,
    name: nameTokens(row.given_names, row.first_surname, row.second_surname, row.aliases),
    sex: row.sex,
    birthYears,
    birthDateKnown: row.birth_date !== null,
    nationality: row.nationality,
    languages: row.languages,
    seen: {
      date: row.last_contact_date,
      latitude: row.last_contact_latitude,
      longitude: row.last_contact_longitude,
      country: row.last_contact_country,
    },
  };
}

/** The columns of `found_person_records` a profile needs (FOUND_PROFILE_COLUMNS). */
export interface FoundProfileRow {
  id: string;
  given_names: string | null;
  first_surname: string | null;
  second_surname: string | null;
  sex: string;
  estimated_age_min: number | null;
  estimated_age_max: number | null;
  nationality: string | null;
  found_date: string | null;
  found_latitude: number | null;
  found_longitude: number | null;
  found_country: string | null;
  /** Known for people assisted in cases (migration 0005); empty for field records. */
  languages: string[];
  created_at: Date;
}

export const FOUND_PROFILE_COLUMNS = `id, given_names, first_surname, second_surname, sex, estimated_age_min,
  estimated_age_max, nationality, found_date, found_latitude, found_longitude, found_country, languages, created_at`;

export function foundProfile(row: FoundProfileRow): MatchProfile {
  const day = row.found_date ?? row.created_at.toISOString().slice(0, 10);
  return {
    id: row.id,
    name: nameTokens(row.given_names, row.first_surname, row.second_surname),
    sex: row.sex,
    birthYears:
      row.estimated_age_min !== null && row.estimated_age_max !== null
        ? birthYearsFromAge(row.estimated_age_min, row.estimated_age_max, day)
        : null,
    birthDateKnown: false,
    nationality: row.nationality,
    languages: row.languages,
    seen: {
      date: row.found_date,
      latitude: row.found_latitude,
      longitude: row.found_longitude,
      country: row.found_country,
    },
  };
}
