import {
  DEMO_ORGANIZATIONS,
  DEMO_PLACES,
  demoId,
  type DemoPlace,
  type OrganizationKind,
  type SeededRandom,
} from '@amparo/kit';
import { nameKey } from '../names/nameKey.js';
import { addDays, ageOn } from './demoDates.js';
import type { DemoPerson } from './demoPerson.js';

export const FOUND_PERSON_COLUMNS = [
  'id',
  'source_kind',
  'source_organization_id',
  'vital_status',
  'given_names',
  'first_surname',
  'second_surname',
  'name_key',
  'sex',
  'estimated_age_min',
  'estimated_age_max',
  'nationality',
  'found_place',
  'found_country',
  'found_latitude',
  'found_longitude',
  'found_date',
] as const;

const SOURCES = [
  ['SHELTER', 40],
  ['DETENTION_VISIT', 20],
  ['CONSULATE', 15],
  ['HOSPITAL', 15],
  ['FORENSIC_SERVICE', 10],
] as const;
type Source = (typeof SOURCES)[number][0];

/** Which demo organisations register records of each source. */
const SOURCE_ORGANIZATION_KINDS: Record<Source, readonly OrganizationKind[]> = {
  SHELTER: ['SHELTER'],
  DETENTION_VISIT: ['NGO', 'LEGAL_AID'],
  CONSULATE: ['CONSULATE'],
  HOSPITAL: ['HEALTH_PROVIDER'],
  FORENSIC_SERVICE: ['INTERNATIONAL_ORGANIZATION'],
};

export function foundPersonId(index: number): string {
  return demoId('found-person', index);
}

/**
 * One found-person record about `person`, with the data its source would
 * have: forensic services and hospitals sometimes know no name at all, and
 * an estimated age instead of a birth date. `identified` forces a known name
 * (the ground-truth matches need one).
 */
export function foundPersonRow(
  random: SeededRandom,
  index: number,
  person: DemoPerson,
  found: { date: string; place: DemoPlace; identified: boolean },
): unknown[] {
  const source = random.weighted(SOURCES);
  const organizations = DEMO_ORGANIZATIONS.filter((o) => SOURCE_ORGANIZATION_KINDS[source].includes(o.kind));
  const deceased = source === 'FORENSIC_SERVICE' || (source === 'HOSPITAL' && random.chance(0.1));
  const unnamed = !found.identified && (source === 'FORENSIC_SERVICE' ? random.chance(0.4) : random.chance(0.03));
  // Shelters and detention visits often write down one surname only.
  const secondSurname = unnamed || random.chance(0.15) ? null : person.secondSurname;
  const age = ageOn(person.birthDate, found.date);
  const low = Math.max(0, age - random.int(0, 4));
  const { place } = found;
  return [
    foundPersonId(index),
    source,
    organizations.length ? random.pick(organizations).id : null,
    deceased ? 'DECEASED' : 'ALIVE',
    unnamed ? null : person.givenNames,
    unnamed ? null : person.firstSurname,
    secondSurname,
    unnamed ? '' : nameKey(person.givenNames, person.firstSurname, secondSurname),
    deceased && random.chance(0.05) ? 'UNKNOWN' : person.sex,
    low,
    Math.min(120, low + random.int(2, 8)),
    random.chance(0.9) ? person.nationality : null,
    place.city,
    place.country,
    place.latitude,
    place.longitude,
    found.date,
  ];
}

/** A found date in 2023-01-01 … 2025-12-31. */
export function randomFoundDate(random: SeededRandom): string {
  return addDays('2023-01-01', random.int(0, 1_095));
}

/** Where a record was registered: a town on the routes. */
export function randomFoundPlace(random: SeededRandom): DemoPlace {
  return random.pick(DEMO_PLACES);
}
