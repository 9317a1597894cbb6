import { isValidTimeZone } from '../availability/zonedTime.js';

/** One interpreter as an official registry lists her, validated. */
export interface RegistryRecord {
  readonly registryId: string;
  readonly displayName: string;
  readonly languages: readonly { from: string; to: string; direction: string; proficiency: string }[];
  readonly spheres: readonly string[];
  readonly countries: readonly string[];
  readonly timeZone: string;
  readonly modalities: readonly string[];
  readonly gender: string | null;
  readonly communities: readonly string[];
  readonly status: string;
  readonly certifications: readonly { issuer: string; issuedOn: string; expiresOn: string | null }[];
  readonly weekly: readonly { dayOfWeek: number; startsAt: string; endsAt: string }[];
}

/** A problem with one row, reported with the line it starts on. */
export interface RowError {
  readonly line: number;
  readonly column: string | null;
  readonly message: string;
}

/** Columns of the registry file, in any order; the first row names them. */
export const REGISTRY_COLUMNS = [
  'registry_id',
  'display_name',
  'languages',
  'spheres',
  'countries',
  'time_zone',
  'modalities',
  'gender',
  'communities',
  'status',
  'certifications',
  'weekly_availability',
] as const;
export const REQUIRED_COLUMNS = [
  'registry_id',
  'display_name',
  'languages',
  'spheres',
  'countries',
  'time_zone',
] as const;

const SPHERES = new Set([
  'LEGAL_CIVIL',
  'LEGAL_LABOUR',
  'LEGAL_CRIMINAL',
  'VIOLENCE',
  'TRAFFICKING',
  'HEALTH',
  'ASYLUM',
]);
const MODALITIES = new Set(['PHONE', 'VIDEO', 'IN_PERSON']);
const GENDERS = new Set(['FEMALE', 'MALE', 'NON_BINARY']);
const DIRECTIONS = new Set(['ONE_WAY', 'BOTH']);
const PROFICIENCIES = new Set(['NATIVE', 'FLUENT', 'WORKING']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const list = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

const isDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * Validates one data row. Lists inside a cell are separated by `;`:
 * languages `quc>spa:BOTH:NATIVE`, certifications `issuer|2019-05-01|2024-05-01`
 * (expiry may be empty), weekly availability `1-5 09:00-17:00` (ISO days,
 * 1 = Monday; a single day like `6` works too).
 */
export function parseRegistryRow(line: number, cell: (column: string) => string): RegistryRecord | RowError[] {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => errors.push({ line, column, message });

  const registryId = cell('registry_id').trim();
  if (registryId.length < 1 || registryId.length > 100) fail('registry_id', 'must be 1 to 100 characters');
  const displayName = cell('display_name').trim();
  if (displayName.length < 1 || displayName.length > 200) fail('display_name', 'must be 1 to 200 characters');

  const languages = list(cell('languages')).flatMap((entry) => {
    const m = /^([a-z]{3})>([a-z]{3}):([A-Z_]+):([A-Z]+)$/.exec(entry);
    if (!m || m[1] === m[2] || !DIRECTIONS.has(m[3] ?? '') || !PROFICIENCIES.has(m[4] ?? '')) {
      fail('languages', `"${entry}" is not like quc>spa:BOTH:NATIVE`);
      return [];
    }
    return [{ from: m[1] as string, to: m[2] as string, direction: m[3] as string, proficiency: m[4] as string }];
  });
  if (languages.length === 0 && !errors.some((e) => e.column === 'languages')) fail('languages', 'at least one pair');
  const pairKeys = languages.map((l) => `${l.from}>${l.to}`);
  if (new Set(pairKeys).size !== pairKeys.length) fail('languages', 'a pair is listed twice');

  const spheres = list(cell('spheres'));
  for (const s of spheres) if (!SPHERES.has(s)) fail('spheres', `unknown sphere "${s}"`);
  const countries = list(cell('countries'));
  if (countries.length === 0) fail('countries', 'at least one country');
  for (const c of countries) if (!/^[A-Z]{2}$/.test(c)) fail('countries', `"${c}" is not an ISO 3166-1 alpha-2 code`);
  const timeZone = cell('time_zone').trim();
  if (!timeZone.includes('/') || !isValidTimeZone(timeZone))
    fail('time_zone', `"${timeZone}" is not an IANA time zone`);
  const modalities = list(cell('modalities'));
  for (const m of modalities) if (!MODALITIES.has(m)) fail('modalities', `unknown modality "${m}"`);
  const gender = cell('gender').trim() || null;
  if (gender !== null && !GENDERS.has(gender)) fail('gender', `unknown gender "${gender}"`);
  const communities = list(cell('communities'));
  const status = cell('status').trim() || 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'SUSPENDED') fail('status', 'must be ACTIVE or SUSPENDED');

  const certifications = list(cell('certifications')).flatMap((entry) => {
    const [issuer = '', issuedOn = '', expiresOn = '', ...rest] = entry.split('|').map((p) => p.trim());
    if (
      rest.length > 0 ||
      issuer === '' ||
      issuer.length > 300 ||
      !isDate(issuedOn) ||
      (expiresOn !== '' && (!isDate(expiresOn) || expiresOn < issuedOn))
    ) {
      // The issuer is not quoted back: a malformed cell could hold anything.
      fail('certifications', 'each entry must be like issuer|2019-05-01|2024-05-01');
      return [];
    }
    return [{ issuer, issuedOn, expiresOn: expiresOn === '' ? null : expiresOn }];
  });

  const weekly = list(cell('weekly_availability')).flatMap((entry) => {
    const m = /^([1-7])(?:-([1-7]))? (\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(entry);
    const [first, last, startsAt, endsAt] = [Number(m?.[1]), Number(m?.[2] ?? m?.[1]), m?.[3] ?? '', m?.[4] ?? ''];
    if (
      !m ||
      last < first ||
      !TIME.test(startsAt) ||
      !TIME.test(endsAt) ||
      endsAt <= startsAt ||
      startsAt === '24:00'
    ) {
      fail('weekly_availability', `"${entry}" is not like 1-5 09:00-17:00`);
      return [];
    }
    return Array.from({ length: last - first + 1 }, (_, d) => ({ dayOfWeek: first + d, startsAt, endsAt }));
  });
  const slotKeys = weekly.map((w) => `${w.dayOfWeek} ${w.startsAt}`);
  if (new Set(slotKeys).size !== slotKeys.length) fail('weekly_availability', 'a day starts twice at the same time');

  if (errors.length > 0) return errors;
  return {
    registryId,
    displayName,
    languages,
    spheres,
    countries,
    timeZone,
    modalities,
    gender,
    communities,
    status,
    certifications,
    weekly,
  };
}
