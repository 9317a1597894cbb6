import { badUserInput } from '@amparo/kit';
import { ISO_COUNTRY_CODES } from './isoCountryCodes.js';

/** Case fields a caseworker writes, as GraphQL hands them over (omitted = undefined). */
export interface CaseInput {
  countryOfAssistance?: string | null;
  phase?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  preferredName?: string | null;
  sex?: string | null;
  birthDate?: string | null;
  estimatedAge?: number | null;
  nationality?: string | null;
  languages?: readonly string[] | null;
  intakeStatement?: string | null;
  migrationStatus?: string | null;
  genderIdentity?: string | null;
  vulnerabilities?: readonly string[] | null;
  needs?: readonly string[] | null;
}

/** Input checked and mapped to columns; the migration status stays apart, to be sealed with the case id. */
export interface ValidCaseInput {
  readonly columns: Readonly<Record<string, unknown>>;
  /** undefined: leave as is; null: clear; a value: seal and store. */
  readonly migrationStatus: string | null | undefined;
  /** GraphQL names of the fields written, for the audit event. */
  readonly fields: readonly string[];
}

export const MAX_NAME_LENGTH = 200;
export const MAX_STATEMENT_LENGTH = 20_000;
export const MAX_LANGUAGES = 20;
const OLDEST_BIRTH_DATE = '1900-01-01';

const REQUIRED = new Set(['countryOfAssistance', 'phase', 'sex', 'languages', 'vulnerabilities', 'needs']);
export const MAX_GENDER_IDENTITY_LENGTH = 100;

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badUserInput(field, 'must not be empty; leave it out instead');
  if (trimmed.length > max) throw badUserInput(field, `must be at most ${max} characters`);
  return trimmed;
}

function country(field: string, value: string): string {
  if (!ISO_COUNTRY_CODES.has(value)) throw badUserInput(field, 'must be an ISO 3166-1 alpha-2 country code, e.g. GT');
  return value;
}

function birthDate(field: string, value: string, today: Date): string {
  const date = new Date(`${value}T00:00:00Z`);
  // The round trip rejects impossible dates such as 2001-02-30, which Date would roll over.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badUserInput(field, 'must be a real calendar date written YYYY-MM-DD');
  }
  if (value < OLDEST_BIRTH_DATE || date.getTime() > today.getTime()) {
    throw badUserInput(field, `must lie between ${OLDEST_BIRTH_DATE} and today`);
  }
  return value;
}

function languages(field: string, codes: readonly string[]): string[] {
  if (codes.length > MAX_LANGUAGES) throw badUserInput(field, `lists at most ${MAX_LANGUAGES} languages`);
  for (const code of codes) {
    if (!/^[a-z]{3}$/.test(code)) throw badUserInput(field, 'must hold ISO 639-3 codes: three lower-case letters');
  }
  return [...new Set(codes)];
}

/**
 * Checks a caseworker's input kindly: every refusal is BAD_USER_INPUT naming
 * the field (`input.birthDate`), and no message repeats the value, which may
 * be personal data.
 */
export function validateCaseInput(input: CaseInput, today = new Date()): ValidCaseInput {
  const columns: Record<string, unknown> = {};
  const fields: string[] = [];
  let migrationStatus: string | null | undefined;
  for (const [name, value] of Object.entries(input) as [keyof CaseInput, unknown][]) {
    if (value === undefined) continue;
    const field = `input.${name}`;
    fields.push(name);
    if (value === null) {
      if (REQUIRED.has(name)) throw badUserInput(field, 'cannot be cleared');
      if (name === 'migrationStatus') migrationStatus = null;
      else columns[COLUMN[name]] = null;
      continue;
    }
    switch (name) {
      case 'countryOfAssistance':
      case 'nationality':
        columns[COLUMN[name]] = country(field, value as string);
        break;
      case 'givenName':
      case 'familyName':
      case 'preferredName':
        columns[COLUMN[name]] = text(field, value as string, MAX_NAME_LENGTH);
        break;
      case 'genderIdentity':
        columns[COLUMN[name]] = text(field, value as string, MAX_GENDER_IDENTITY_LENGTH);
        break;
      case 'vulnerabilities':
      case 'needs':
        // Enum values, already checked by GraphQL validation.
        columns[COLUMN[name]] = [...new Set(value as string[])].sort();
        break;
      case 'intakeStatement':
        columns[COLUMN[name]] = text(field, value as string, MAX_STATEMENT_LENGTH);
        break;
      case 'birthDate':
        columns[COLUMN[name]] = birthDate(field, value as string, today);
        break;
      case 'estimatedAge':
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 120) {
          throw badUserInput(field, 'must be a whole number of years between 0 and 120');
        }
        columns[COLUMN[name]] = value;
        break;
      case 'languages':
        columns[COLUMN[name]] = languages(field, value as string[]);
        break;
      case 'migrationStatus':
        migrationStatus = value as string;
        break;
      default:
        // phase and sex are GraphQL enums, already checked by validation.
        columns[COLUMN[name]] = value;
    }
  }
  return { columns, migrationStatus, fields: fields.sort() };
}

const COLUMN: Record<Exclude<keyof CaseInput, 'migrationStatus'>, string> = {
  countryOfAssistance: 'country_of_assistance',
  phase: 'phase',
  givenName: 'given_name',
  familyName: 'family_name',
  preferredName: 'preferred_name',
  sex: 'sex',
  birthDate: 'birth_date',
  estimatedAge: 'estimated_age',
  nationality: 'nationality',
  languages: 'languages',
  intakeStatement: 'intake_statement',
  genderIdentity: 'gender_identity',
  vulnerabilities: 'vulnerabilities',
  needs: 'needs',
};
