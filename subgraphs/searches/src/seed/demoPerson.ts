import { DEMO_NATIONALITIES, type SeededRandom } from '@amparo/kit';
import { addDays } from './demoDates.js';
import {
  CHIAPAS_SURNAMES,
  HAITIAN_FEMALE_NAMES,
  HAITIAN_MALE_NAMES,
  HAITIAN_SURNAMES,
  MAYAN_FEMALE_NAMES,
  MAYAN_MALE_NAMES,
  MAYAN_SURNAMES,
  SPANISH_FEMALE_NAMES,
  SPANISH_MALE_NAMES,
  SPANISH_SURNAMES,
} from './demoNames.js';

/** A synthetic person as a civil registry would know her or him. */
export interface DemoPerson {
  readonly givenNames: string;
  readonly firstSurname: string;
  /** Null where one surname is the custom (Haiti). */
  readonly secondSurname: string | null;
  readonly sex: 'FEMALE' | 'MALE';
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly nationality: string;
  /** ISO 639-3. */
  readonly languages: readonly string[];
}

const GUATEMALAN_MAYAN_LANGUAGES = ['quc', 'mam', 'kek', 'cak', 'tzj', 'ixl', 'poh'] as const;

function givenNames(random: SeededRandom, pool: readonly string[]): string {
  // Two given names are frequent ("María José", "Ana Lucía").
  return random.chance(0.3) ? random.sample(pool, 2).join(' ') : random.pick(pool);
}

/** Draws one person: names and languages follow the nationality drawn (DEMO_NATIONALITIES weights). */
export function randomPerson(random: SeededRandom): DemoPerson {
  const nationality = random.weighted(DEMO_NATIONALITIES);
  const sex = random.chance(0.65) ? 'FEMALE' : 'MALE';
  const spanishGiven = sex === 'FEMALE' ? SPANISH_FEMALE_NAMES : SPANISH_MALE_NAMES;
  // Born 1970-01-01 … 2011-12-31: adults and adolescents on the move.
  const birthDate = addDays('1970-01-01', random.int(0, 15_339));

  if (nationality === 'HT') {
    return {
      givenNames: givenNames(random, sex === 'FEMALE' ? HAITIAN_FEMALE_NAMES : HAITIAN_MALE_NAMES),
      firstSurname: random.pick(HAITIAN_SURNAMES),
      secondSurname: null,
      sex,
      birthDate,
      nationality,
      languages: random.chance(0.5) ? ['hat', 'fra'] : ['hat'],
    };
  }
  if (nationality === 'GT' && random.chance(0.55)) {
    const mayanGiven = sex === 'FEMALE' ? MAYAN_FEMALE_NAMES : MAYAN_MALE_NAMES;
    const speaksMayan = random.chance(0.7);
    return {
      givenNames: random.chance(0.2) ? givenNames(random, mayanGiven) : givenNames(random, spanishGiven),
      firstSurname: random.pick(MAYAN_SURNAMES),
      secondSurname: random.chance(0.7) ? random.pick(MAYAN_SURNAMES) : random.pick(SPANISH_SURNAMES),
      sex,
      birthDate,
      nationality,
      languages: speaksMayan ? [random.pick(GUATEMALAN_MAYAN_LANGUAGES), 'spa'] : ['spa'],
    };
  }
  if (nationality === 'MX' && random.chance(0.25)) {
    return {
      givenNames: givenNames(random, spanishGiven),
      firstSurname: random.pick(CHIAPAS_SURNAMES),
      secondSurname: random.pick(CHIAPAS_SURNAMES),
      sex,
      birthDate,
      nationality,
      languages: [random.pick(['tzo', 'tzh'] as const), 'spa'],
    };
  }
  const languages = ['spa'];
  if (nationality === 'HN' && random.chance(0.08)) languages.unshift(random.pick(['cab', 'miq'] as const));
  return {
    givenNames: givenNames(random, spanishGiven),
    firstSurname: random.pick(SPANISH_SURNAMES),
    secondSurname: random.pick(SPANISH_SURNAMES),
    sex,
    birthDate,
    nationality,
    languages,
  };
}
