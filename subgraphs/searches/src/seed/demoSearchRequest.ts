import { DEMO_ORGANIZATIONS, DEMO_PLACES, demoId, type DemoPlace, type SeededRandom } from '@amparo/kit';
import { nameKey } from '../names/nameKey.js';
import { addDays, ageOn } from './demoDates.js';
import type { DemoPerson } from './demoPerson.js';
import type { PersonName } from './nameVariant.js';

export const SEARCH_REQUEST_COLUMNS = [
  'id',
  'requester_sub',
  'requester_relationship',
  'requester_contact',
  'handling_organization_id',
  'given_names',
  'first_surname',
  'second_surname',
  'aliases',
  'name_key',
  'sex',
  'birth_date',
  'age_min',
  'age_max',
  'nationality',
  'languages',
  'physical_description',
  'last_contact_date',
  'last_contact_place',
  'last_contact_country',
  'last_contact_latitude',
  'last_contact_longitude',
  'last_contact_route',
  'circumstances',
  'countries_involved',
  'status',
  'opened_at',
] as const;

/** Organisations that take search requests: never enforcement, never statisticians. */
export const HANDLING_ORGANIZATIONS = DEMO_ORGANIZATIONS.filter((o) =>
  ['NGO', 'SHELTER', 'LEGAL_AID', 'CONSULATE', 'INTERNATIONAL_ORGANIZATION'].includes(o.kind),
);

/** Fictional numbers (the 555 exchange) with the calling code of the requester's country. */
const CALLING_CODES: Record<string, string> = {
  GT: '502',
  HN: '504',
  SV: '503',
  NI: '505',
  MX: '52',
  VE: '58',
  HT: '509',
  CU: '53',
  CO: '57',
  EC: '593',
  DO: '1',
};

const HEIGHTS = ['1.45', '1.50', '1.52', '1.55', '1.58', '1.60', '1.63', '1.68', '1.72'];
const HAIR = [
  'cabello negro largo',
  'cabello negro corto',
  'cabello castaño rizado',
  'cabello teñido de rojo',
  'trenzas',
];
const MARKS = [
  'lunar en la mejilla izquierda',
  'cicatriz en la ceja derecha',
  'tatuaje de una rosa en el brazo',
  'diente de oro',
  'cicatriz de cesárea',
  'usa lentes',
  'quemadura en la mano izquierda',
  'güipil de Totonicapán al salir',
];

function description(random: SeededRandom): string {
  const parts = [`Estatura aproximada ${random.pick(HEIGHTS)} m`, random.pick(HAIR)];
  if (random.chance(0.6)) parts.push(random.pick(MARKS));
  return `${parts.join(', ')}.`;
}

function route(random: SeededRandom, lastContact: DemoPlace): DemoPlace[] {
  const stops = random.sample(DEMO_PLACES, random.int(1, 2)).filter((p) => p !== lastContact);
  return [...stops, lastContact];
}

export function searchRequestId(index: number): string {
  return demoId('search-request', index);
}

/**
 * One search request for `person`, described by a relative as `name` (which
 * may differ from the registry: see nameVariant). `lastContactBefore` and
 * `foundIn` place the last contact before and near where a found record
 * was registered, for the ground-truth matches.
 */
export function searchRequestRow(
  random: SeededRandom,
  index: number,
  person: DemoPerson,
  name: PersonName,
  options: { requesterSub: string | null; aliases: readonly string[]; lastContactBefore: string; foundIn?: DemoPlace },
): unknown[] {
  const lastContactDate = addDays(options.lastContactBefore, -random.int(5, 400));
  const knowsLastContact = random.chance(0.85);
  // A person found later was mostly last heard of in the same country (ground-truth matches).
  const sameCountry = options.foundIn ? DEMO_PLACES.filter((p) => p.country === options.foundIn?.country) : [];
  const place = sameCountry.length && random.chance(0.6) ? random.pick(sameCountry) : random.pick(DEMO_PLACES);
  const path = route(random, place);
  const knowsBirthDate = random.chance(0.6);
  const age = ageOn(person.birthDate, lastContactDate);
  const openedAt = new Date(
    Date.parse(`${addDays(lastContactDate, random.int(10, 200))}T00:00:00Z`) + random.int(0, 86_399_999),
  );
  const countries = [...new Set([person.nationality, ...path.map((p) => p.country)])];
  return [
    searchRequestId(index),
    options.requesterSub,
    random.weighted([
      ['PARENT', 30],
      ['SIBLING', 25],
      ['PARTNER', 15],
      ['CHILD', 15],
      ['OTHER_RELATIVE', 10],
      ['FRIEND', 5],
    ] as const),
    `+${CALLING_CODES[person.nationality] ?? '1'} 555 ${String(random.int(0, 9999)).padStart(4, '0')}`,
    random.pick(HANDLING_ORGANIZATIONS).id,
    name.givenNames,
    name.firstSurname,
    name.secondSurname,
    options.aliases,
    nameKey(name.givenNames, name.firstSurname, name.secondSurname),
    person.sex,
    knowsBirthDate ? person.birthDate : null,
    knowsBirthDate ? null : Math.max(0, age - random.int(0, 3)),
    knowsBirthDate ? null : age + random.int(0, 3),
    person.nationality,
    person.languages,
    random.chance(0.8) ? description(random) : null,
    knowsLastContact ? lastContactDate : null,
    knowsLastContact ? place.city : null,
    knowsLastContact ? place.country : null,
    knowsLastContact ? place.latitude : null,
    knowsLastContact ? place.longitude : null,
    random.chance(0.7) ? path.map((p) => p.city).join(' → ') : null,
    random.weighted([
      ['LOST_CONTACT', 55],
      ['POSSIBLE_DETENTION', 20],
      ['KIDNAPPING', 8],
      ['ACCIDENT', 7],
      ['SHIPWRECK', 3],
      ['OTHER', 7],
    ] as const),
    countries,
    random.weighted([
      ['OPEN', 60],
      ['POTENTIAL_MATCH', 10],
      ['LOCATED_ALIVE', 10],
      ['LOCATED_DECEASED', 3],
      ['CLOSED_NO_RESULT', 10],
      ['WITHDRAWN', 7],
    ] as const),
    openedAt.toISOString(),
  ];
}
