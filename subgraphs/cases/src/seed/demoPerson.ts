import { DEMO_NATIONALITIES, type SeededRandom } from '@amparo/kit';
import { MAYAN_LANGUAGES, demoLanguages } from './demoLanguages.js';
import {
  GIVEN_NAMES_MALE,
  MAYA_FAMILY_NAMES,
  MAYA_GIVEN_NAMES_FEMALE,
  PREFERRED_NAMES,
  SPANISH_FAMILY_NAMES,
  SPANISH_GIVEN_NAMES_FEMALE,
} from './demoNames.js';

/** The person part of a demo case, in column form. */
export interface DemoPerson {
  givenName: string | null;
  familyName: string | null;
  preferredName: string | null;
  sex: string;
  birthDate: string | null;
  estimatedAge: number | null;
  nationality: string | null;
  languages: string[];
}

const DAY_MS = 86_400_000;

// Age at intake, by band: mostly young adult women, with girls and adolescents
// (many unaccompanied) and a few older women.
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[3, 11], 5],
  [[12, 17], 12],
  [[18, 24], 22],
  [[25, 34], 30],
  [[35, 44], 18],
  [[45, 59], 10],
  [[60, 75], 3],
];

/**
 * A synthetic person assisted on `openedAt`: mostly women and girls, two
 * thirds with a known birth date, a quarter with only an estimated age and
 * some whose age nobody knows (the presumption of minority then applies).
 */
export function demoPerson(random: SeededRandom, openedAt: number): DemoPerson {
  const sex = random.weighted([
    ['FEMALE', 93],
    ['MALE', 3],
    ['OTHER', 2],
    ['UNKNOWN', 2],
  ] as const);
  const nationality = random.chance(0.02) ? null : random.weighted(DEMO_NATIONALITIES);
  const languages = demoLanguages(random, nationality);
  const maya = languages.some((l) => MAYAN_LANGUAGES.has(l));

  const [low, high] = random.weighted(AGE_BANDS);
  const age = random.int(low, high);
  const ageKnowledge = random.weighted([
    ['birthDate', 65],
    ['estimate', 28],
    ['unknown', 7],
  ] as const);
  const birthDate =
    ageKnowledge === 'birthDate'
      ? new Date(openedAt - (age * 365.25 + random.int(0, 364)) * DAY_MS).toISOString().slice(0, 10)
      : null;

  const givenNames =
    sex === 'MALE'
      ? GIVEN_NAMES_MALE
      : maya && random.chance(0.4)
        ? MAYA_GIVEN_NAMES_FEMALE
        : SPANISH_GIVEN_NAMES_FEMALE;
  const firstFamily = maya && random.chance(0.7) ? random.pick(MAYA_FAMILY_NAMES) : random.pick(SPANISH_FAMILY_NAMES);
  const secondFamily = random.chance(0.8)
    ? random.pick(random.chance(0.3) ? MAYA_FAMILY_NAMES : SPANISH_FAMILY_NAMES)
    : null;

  return {
    // Some women give no name at intake (confidential reporting, seed 002 §2.2.5).
    givenName: random.chance(0.03) ? null : random.pick(givenNames),
    familyName: random.chance(0.06) ? null : [firstFamily, secondFamily].filter(Boolean).join(' '),
    preferredName: random.chance(sex === 'OTHER' ? 0.6 : 0.15) ? random.pick(PREFERRED_NAMES) : null,
    sex,
    birthDate,
    estimatedAge: ageKnowledge === 'estimate' ? age : null,
    nationality,
    languages,
  };
}
