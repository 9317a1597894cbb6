import { badUserInput } from '@amparo/kit';
import { country, isoDate, languages, SEXES, text } from '../input/inputRules.js';
import { isUuid } from '../isUuid.js';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import { nameTokens } from '../names/personName.js';
import { splitFamilyName } from '../names/splitFamilyName.js';

/** One person assisted in a case who consented to be found, as the cases subgraph extracts her. */
export interface FindablePersonInput {
  caseId: string;
  organizationId: string;
  givenName?: string | null;
  familyName?: string | null;
  sex?: string | null;
  birthDate?: string | null;
  estimatedAge?: number | null;
  nationality?: string | null;
  languages?: string[] | null;
  countryOfAssistance: string;
}

/** The columns of her found-person record that the sync writes and compares. */
export interface FindableRecord {
  readonly caseId: string;
  readonly organizationId: string;
  readonly givenNames: string | null;
  readonly firstSurname: string | null;
  readonly secondSurname: string | null;
  readonly sex: string;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly nationality: string | null;
  readonly languages: readonly string[];
  readonly foundCountry: string;
  readonly nameKey: string;
  readonly matchKeys: readonly string[];
}

/** Width either side of an estimated age: an intake estimate is rough. */
export const ESTIMATED_AGE_SPREAD = 2;

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Validates one extracted person (fields named `people.<i>.…`, values never
 * echoed) and maps her to the record the matcher reads: the family name split
 * into two surnames, the age as a range. No place: the record tells where
 * she is no more precisely than the country where she is assisted.
 */
export function findableRecord(field: string, person: FindablePersonInput, today: string): FindableRecord {
  if (!isUuid(person.caseId)) throw badUserInput(`${field}.caseId`, 'is not a case id');
  if (!isUuid(person.organizationId)) throw badUserInput(`${field}.organizationId`, 'is not an organisation id');
  // Compared with stored uuids, which PostgreSQL returns in lower case.
  const caseId = person.caseId.toLowerCase();
  const organizationId = person.organizationId.toLowerCase();
  const givenNames = text(`${field}.givenName`, person.givenName, 200);
  const [firstSurname, secondSurname] = splitFamilyName(text(`${field}.familyName`, person.familyName, 200));
  if (firstSurname && firstSurname.length > 100) throw badUserInput(`${field}.familyName`, 'has a surname too long');
  if (secondSurname && secondSurname.length > 100) throw badUserInput(`${field}.familyName`, 'has a surname too long');
  const sex = person.sex ?? 'UNKNOWN';
  if (!(SEXES as readonly string[]).includes(sex)) throw badUserInput(`${field}.sex`, 'is not a known value');
  const birthDate = isoDate(`${field}.birthDate`, person.birthDate);
  const estimated = person.estimatedAge ?? null;
  if (estimated !== null && (!Number.isInteger(estimated) || estimated < 0 || estimated > 120)) {
    throw badUserInput(`${field}.estimatedAge`, 'must be a whole number of years between 0 and 120');
  }
  const exact = birthDate ? Math.max(0, ageOn(birthDate, today)) : null;
  const foundCountry = country(`${field}.countryOfAssistance`, person.countryOfAssistance) as string;
  if (!foundCountry) throw badUserInput(`${field}.countryOfAssistance`, 'is required');
  return {
    caseId,
    organizationId,
    givenNames,
    firstSurname,
    secondSurname,
    sex,
    ageMin: exact ?? (estimated === null ? null : Math.max(0, estimated - ESTIMATED_AGE_SPREAD)),
    ageMax: exact ?? (estimated === null ? null : Math.min(120, estimated + ESTIMATED_AGE_SPREAD)),
    nationality: country(`${field}.nationality`, person.nationality),
    languages: languages(`${field}.languages`, person.languages),
    foundCountry,
    nameKey: nameKey(givenNames, firstSurname, secondSurname),
    matchKeys: matchKeys(nameTokens(givenNames, firstSurname, secondSurname)),
  };
}
