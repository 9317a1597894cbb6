import type { SeededRandom } from '@amparo/kit';
import { ageOn, presumedMinor } from '../cases/presumedMinor.js';
import type { DemoPerson } from './demoPerson.js';
import { GIVEN_NAMES_MALE, SPANISH_GIVEN_NAMES_FEMALE } from './demoNames.js';

/** A demo family member in column form, without id and case id (the seed numbers them). */
export interface DemoFamilyMember {
  relationship: string;
  givenName: string | null;
  familyName: string | null;
  sex: string;
  birthDate: string | null;
  estimatedAge: number | null;
  accompanying: boolean;
  note: string | null;
}

const DAY_MS = 86_400_000;

// Among women not presumed minors (about three quarters of the demo cases), the
// share who travel with children: about a third of all cases, as shelters on the
// route report.
const WITH_CHILDREN = 0.46;
const CHILD_COUNT = [
  [1, 55],
  [2, 30],
  [3, 15],
] as const;
// Children on the move are mostly small.
const CHILD_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 4], 45],
  [[5, 11], 35],
  [[12, 17], 20],
];
const SEPARATED = [
  ['CHILD', 40],
  ['PARTNER', 25],
  ['PARENT', 15],
  ['SIBLING', 15],
  ['OTHER_RELATIVE', 5],
] as const;
const SEPARATION_NOTES = [
  'Se quedó en el país de origen.',
  'Se separaron al cruzar el río; no hay contacto desde entonces.',
  'Una detención en la frontera los separó; no sabe dónde está.',
  'Siguió el viaje con otro grupo.',
  'Última llamada hace dos meses.',
];

function ageFields(
  random: SeededRandom,
  age: number,
  at: number,
): Pick<DemoFamilyMember, 'birthDate' | 'estimatedAge'> {
  const known = random.weighted([
    ['birthDate', 60],
    ['estimate', 30],
    ['unknown', 10],
  ] as const);
  if (known === 'unknown') return { birthDate: null, estimatedAge: null };
  if (known === 'estimate') return { birthDate: null, estimatedAge: age };
  const birthDate = new Date(at - (age * 365.25 + random.int(0, 364)) * DAY_MS).toISOString().slice(0, 10);
  return { birthDate, estimatedAge: null };
}

function relative(random: SeededRandom, relationship: string, familyName: string | null, age: number, at: number) {
  const sex = random.chance(0.5) ? 'FEMALE' : 'MALE';
  return {
    relationship,
    givenName: random.chance(0.05) ? null : random.pick(sex === 'MALE' ? GIVEN_NAMES_MALE : SPANISH_GIVEN_NAMES_FEMALE),
    familyName,
    sex,
    ...ageFields(random, age, at),
  };
}

/**
 * The children who travel with a demo woman and the relatives she was
 * separated from (family unity), drawn from a stream of their own: a third of
 * the cases with 1–3 children, mostly small; about one in eight with a
 * separated relative, often a child left behind.
 */
export function demoFamily(random: SeededRandom, person: DemoPerson, openedAt: number): DemoFamilyMember[] {
  const at = new Date(openedAt);
  const family: DemoFamilyMember[] = [];
  const familyName = person.familyName?.split(' ')[0] ?? null;
  // Her age bounds her children's: none born before she was 14.
  const herAge = person.birthDate !== null ? ageOn(person.birthDate, at) : (person.estimatedAge ?? 25);
  const oldestChild = Math.min(17, herAge - 14);
  const mother = person.sex === 'FEMALE' && !presumedMinor(person, at) && oldestChild >= 0;
  if (mother && random.chance(WITH_CHILDREN)) {
    for (let n: number = random.weighted(CHILD_COUNT); n > 0; n--) {
      const [low, high] = random.weighted(CHILD_AGES);
      const age = Math.min(random.int(low, high), oldestChild);
      family.push({ ...relative(random, 'CHILD', familyName, age, openedAt), accompanying: true, note: null });
    }
  }
  if (!presumedMinor(person, at) && random.chance(0.05)) {
    const partner = relative(random, 'PARTNER', null, herAge + random.int(-3, 8), openedAt);
    family.push({ ...partner, accompanying: true, note: null });
  }
  if (random.chance(0.12)) {
    // Only a mother can have left a child behind.
    const choices: readonly (readonly [string, number])[] = mother
      ? SEPARATED
      : SEPARATED.filter(([r]) => r !== 'CHILD');
    const relationship = random.weighted(choices);
    const age =
      relationship === 'CHILD'
        ? random.int(0, Math.max(0, oldestChild))
        : relationship === 'PARENT'
          ? herAge + random.int(18, 35)
          : Math.max(0, herAge + random.int(-8, 8));
    family.push({
      ...relative(random, relationship, relationship === 'PARTNER' ? null : familyName, Math.min(age, 110), openedAt),
      accompanying: false,
      note: random.chance(0.6) ? random.pick(SEPARATION_NOTES) : null,
    });
  }
  return family;
}
