import { badUserInput } from '@amparo/kit';
import { isValidTimeZone } from '../catalogue/openingHours.js';
import { COUNTRY, LANGUAGE } from '../catalogue/serviceFilter.js';
import { normalizeLanguageTag } from '../i18n/languageChain.js';

export interface ServiceInput {
  organizationId?: string | null;
  name?: string | null;
  description?: string | null;
  language?: string | null;
  translations?: { language: string; name: string; description?: string | null }[] | null;
  categories?: string[] | null;
  phases?: string[] | null;
  country?: string | null;
  area?: string | null;
  city?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  locationIsConfidential?: boolean | null;
  languages?: string[] | null;
  accessibility?: string[] | null;
  populations?: string[] | null;
  cost?: { kind: string; description?: string | null } | null;
  timeZone?: string | null;
  openAroundTheClock?: boolean | null;
  openingHours?: { weekday: number; opens: string; closes: string }[] | null;
  contacts?: { kind: string; value: string }[] | null;
  servesRegardlessOfMigrationStatus?: boolean | null;
  requiresIdentityDocument?: boolean | null;
  status?: string | null;
  verificationStatus?: string | null;
  lastVerifiedOn?: string | null;
}

/** What a validated input writes: plain columns plus the two side tables (null = leave as is). */
export interface ServiceChanges {
  columns: Record<string, unknown>;
  translations: { language: string; name: string; description: string | null }[] | null;
  openingHours: { weekday: number; opens: string; closes: string }[] | null;
  /** Input field names that were given, for the audit trail (names only, never values). */
  fields: string[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CONTACT_FORMATS: Record<string, [RegExp, string]> = {
  PHONE: [/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number such as "+502 2222 3333"'],
  WHATSAPP: [/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number such as "+502 2222 3333"'],
  SMS: [/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number such as "+502 2222 3333"'],
  EMAIL: [/^[^\s@]{1,64}@[^\s@]{1,190}\.[a-zA-Z]{2,}$/, 'must be an e-mail address'],
  WEB: [/^https?:\/\/[^\s]{3,300}$/, 'must be an http(s) address'],
};

function text(value: string, field: string, max: number, min = 0): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw badUserInput(field, 'must not be empty');
  if (trimmed.length > max) throw badUserInput(field, `must be at most ${max} characters`);
  return trimmed;
}

function optionalText(value: string | null, field: string, max: number): string | null {
  if (value === null) return null;
  const trimmed = text(value, field, max);
  return trimmed.length ? trimmed : null;
}

/**
 * Checks every given field and names the first offending one
 * (`input.<field>`); nothing is written before this passes. `required`
 * lists the fields a create must have.
 */
export function validateServiceInput(input: ServiceInput, required: readonly (keyof ServiceInput)[]): ServiceChanges {
  for (const key of required) {
    if (input[key] === null || input[key] === undefined) throw badUserInput(`input.${key}`, 'is required');
  }
  const given = (key: keyof ServiceInput) => input[key] !== undefined;
  const columns: Record<string, unknown> = {};
  const notNull = (key: keyof ServiceInput) => {
    if (input[key] === null) throw badUserInput(`input.${key}`, 'must not be null');
  };

  if (given('name')) {
    notNull('name');
    columns.name = text(input.name as string, 'input.name', 300, 1);
  }
  if (given('description')) columns.description = optionalText(input.description ?? null, 'input.description', 5000);
  if (given('language')) {
    notNull('language');
    columns.default_language = normalizeLanguageTag(input.language as string, 'input.language');
  }
  for (const key of ['categories', 'phases'] as const) {
    if (!given(key)) continue;
    notNull(key);
    const list = input[key] as string[];
    if (list.length === 0) throw badUserInput(`input.${key}`, 'must list at least one value');
    columns[key] = [...new Set(list)];
  }
  if (given('country')) {
    notNull('country');
    if (!COUNTRY.test(input.country as string))
      throw badUserInput('input.country', 'must be an ISO 3166-1 alpha-2 code such as "GT"');
    columns.country = input.country;
  }
  if (given('area')) columns.area = optionalText(input.area ?? null, 'input.area', 200);
  if (given('city')) columns.city = optionalText(input.city ?? null, 'input.city', 200);
  if (given('address')) columns.address = optionalText(input.address ?? null, 'input.address', 500);
  if (given('latitude') !== given('longitude'))
    throw badUserInput(given('latitude') ? 'input.longitude' : 'input.latitude', 'latitude and longitude go together');
  if (given('latitude')) {
    const { latitude, longitude } = input;
    if ((latitude === null) !== (longitude === null))
      throw badUserInput('input.latitude', 'latitude and longitude go together');
    if (latitude !== null && !(latitude! >= -90 && latitude! <= 90))
      throw badUserInput('input.latitude', 'must be between -90 and 90');
    if (longitude !== null && !(longitude! >= -180 && longitude! <= 180))
      throw badUserInput('input.longitude', 'must be between -180 and 180');
    columns.latitude = latitude;
    columns.longitude = longitude;
  }
  if (given('locationIsConfidential')) {
    notNull('locationIsConfidential');
    columns.confidential_location = input.locationIsConfidential;
  }
  if (given('languages')) {
    notNull('languages');
    const list = input.languages as string[];
    list.forEach((l, i) => {
      if (!LANGUAGE.test(l)) throw badUserInput(`input.languages[${i}]`, 'must be an ISO 639-3 code such as "quc"');
    });
    if (list.length > 30) throw badUserInput('input.languages', 'must list at most 30 languages');
    columns.languages = [...new Set(list)];
  }
  for (const key of ['accessibility', 'populations'] as const) {
    if (!given(key)) continue;
    notNull(key);
    columns[key] = [...new Set(input[key] as string[])];
  }
  if (given('cost')) {
    notNull('cost');
    const cost = input.cost as { kind: string; description?: string | null };
    columns.cost_kind = cost.kind;
    columns.cost_description = optionalText(cost.description ?? null, 'input.cost.description', 500);
  }
  if (given('timeZone')) {
    notNull('timeZone');
    if (!isValidTimeZone(input.timeZone as string))
      throw badUserInput('input.timeZone', 'must be an IANA time zone such as "America/Guatemala"');
    columns.time_zone = input.timeZone;
  }
  if (given('openAroundTheClock')) {
    notNull('openAroundTheClock');
    columns.open_around_the_clock = input.openAroundTheClock;
  }
  if (given('contacts')) {
    notNull('contacts');
    const contacts = input.contacts as { kind: string; value: string }[];
    if (contacts.length > 10) throw badUserInput('input.contacts', 'must list at most 10 channels');
    columns.contacts = JSON.stringify(
      contacts.map((c, i) => {
        const value = c.value.trim();
        const [format, message] = CONTACT_FORMATS[c.kind] ?? [/^$/, 'unknown channel'];
        if (!format.test(value)) throw badUserInput(`input.contacts[${i}].value`, message);
        return { kind: c.kind, value };
      }),
    );
  }
  const flags = [
    ['servesRegardlessOfMigrationStatus', 'serves_regardless_of_status'],
    ['requiresIdentityDocument', 'requires_identity_document'],
    ['status', 'status'],
    ['verificationStatus', 'verification_status'],
  ] as const;
  for (const [key, column] of flags) {
    if (!given(key)) continue;
    notNull(key);
    columns[column] = input[key];
  }
  if (given('lastVerifiedOn')) {
    const day = input.lastVerifiedOn ?? null;
    if (day !== null) {
      const parsed = Date.parse(`${day}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
        Number.isNaN(parsed) ||
        new Date(parsed).toISOString().slice(0, 10) !== day
      )
        throw badUserInput('input.lastVerifiedOn', 'must be a date YYYY-MM-DD');
      if (parsed > Date.now()) throw badUserInput('input.lastVerifiedOn', 'must not be in the future');
    }
    columns.verified_on = day;
  }

  let translations: ServiceChanges['translations'] = null;
  if (given('translations')) {
    notNull('translations');
    const list = input.translations as NonNullable<ServiceInput['translations']>;
    if (list.length > 20) throw badUserInput('input.translations', 'must list at most 20 languages');
    const seen = new Set<string>();
    translations = list.map((t, i) => {
      const language = normalizeLanguageTag(t.language, `input.translations[${i}].language`);
      if (seen.has(language)) throw badUserInput(`input.translations[${i}].language`, 'is listed twice');
      seen.add(language);
      return {
        language,
        name: text(t.name, `input.translations[${i}].name`, 300, 1),
        description: optionalText(t.description ?? null, `input.translations[${i}].description`, 5000),
      };
    });
  }
  let openingHours: ServiceChanges['openingHours'] = null;
  if (given('openingHours')) {
    notNull('openingHours');
    const list = input.openingHours as NonNullable<ServiceInput['openingHours']>;
    if (list.length > 50) throw badUserInput('input.openingHours', 'must list at most 50 periods');
    openingHours = list.map((h, i) => {
      if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7)
        throw badUserInput(`input.openingHours[${i}].weekday`, 'must be 1 (Monday) to 7 (Sunday)');
      if (!HHMM.test(h.opens)) throw badUserInput(`input.openingHours[${i}].opens`, 'must be a time HH:MM');
      if (!HHMM.test(h.closes)) throw badUserInput(`input.openingHours[${i}].closes`, 'must be a time HH:MM');
      if (h.opens >= h.closes) throw badUserInput(`input.openingHours[${i}].closes`, 'must be later than opens');
      return h;
    });
  }
  const fields = (Object.keys(input) as (keyof ServiceInput)[]).filter(given);
  return { columns, translations, openingHours, fields };
}
