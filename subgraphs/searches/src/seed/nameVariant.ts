import type { SeededRandom } from '@amparo/kit';
import { MAYAN_FEMALE_NAMES, MAYAN_MALE_NAMES, MAYAN_SURNAMES, NICKNAMES } from './demoNames.js';

/** How a family's description of a name differs from the registered one (the seeded ground truth). */
export const NAME_VARIANTS = [
  'exact',
  'typo',
  'phonetic_spelling',
  'swapped_surnames',
  'missing_second_surname',
  'accents_dropped',
  'nickname',
  'first_given_name_only',
  'mayan_spelling',
] as const;

export type NameVariant = (typeof NAME_VARIANTS)[number];

export interface PersonName {
  readonly givenNames: string;
  readonly firstSurname: string | null;
  readonly secondSurname: string | null;
}

const MAYAN = new Set<string>([...MAYAN_SURNAMES, ...MAYAN_FEMALE_NAMES, ...MAYAN_MALE_NAMES]);

/** One respelling; returns the name unchanged when it does not apply. */
type Respelling = (name: string) => string;

const replace =
  (pattern: RegExp, replacement: string): Respelling =>
  (name) =>
    name.replace(pattern, replacement);

function stripAccents(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Spanish spellings that sound alike: what a relative writes down from memory. */
const PHONETIC: readonly Respelling[] = [
  replace(/v/, 'b'),
  replace(/b/, 'v'),
  replace(/z/, 's'),
  replace(/s(?=[aeiou])/, 'z'),
  replace(/c(?=[ei])/, 's'),
  replace(/ll/, 'y'),
  replace(/y(?=[aeiou])/, 'll'),
  // A silent initial h is often left out: Herrera → Errera.
  (name) => name.replace(/^H([aeiou])/, (_, vowel: string) => vowel.toUpperCase()),
  replace(/g(?=[ei])/, 'j'),
  replace(/j/, 'g'),
];

/** Colonial-era and modern (ALMG) spellings of the same Mayan sounds: Tzoc/Tzok, Quej/Kej, Xol/Shol, Xiquín/Xiquin. */
const MAYAN_SPELLING: readonly Respelling[] = [
  replace(/c$/, 'k'),
  replace(/qu/, 'k'),
  replace(/Qu/, 'K'),
  replace(/C(?=[aou])/, 'K'),
  replace(/c(?=[aou])/, 'k'),
  replace(/X/, 'Sh'),
  replace(/x/, 'sh'),
  replace(/['’]/g, ''),
  stripAccents,
];

/** The first respelling that changes `name`, or null. */
function firstRule(name: string, rules: readonly Respelling[]): string | null {
  for (const rule of rules) {
    const next = rule(name);
    if (next !== name && next.length > 0) return next;
  }
  return null;
}

function typo(random: SeededRandom, name: string): string {
  if (name.length < 4) return `${name}${name.at(-1) ?? ''}`;
  const i = random.int(1, name.length - 2);
  const chars = [...name];
  if (random.chance(0.5)) {
    [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  } else {
    chars.splice(i, 1);
  }
  return chars.join('');
}

/** The variants that can apply to this name (swapping needs two surnames, a nickname a known one…). */
export function applicableVariants(name: PersonName): NameVariant[] {
  const first = name.givenNames.split(' ')[0] ?? '';
  const parts = [name.givenNames, name.firstSurname, name.secondSurname].filter((p): p is string => !!p);
  return NAME_VARIANTS.filter((variant) => {
    switch (variant) {
      case 'swapped_surnames':
      case 'missing_second_surname':
        return name.secondSurname !== null;
      case 'accents_dropped':
        return parts.some((p) => stripAccents(p) !== p);
      case 'nickname':
        return (NICKNAMES[first]?.length ?? 0) > 0;
      case 'first_given_name_only':
        return name.givenNames.includes(' ');
      case 'mayan_spelling':
        return parts.some((p) => MAYAN.has(p) && firstRule(p, MAYAN_SPELLING) !== null);
      case 'phonetic_spelling':
        return parts.some((p) => firstRule(p, PHONETIC) !== null);
      default:
        return true;
    }
  });
}

/** The name as a relative would give it, altered the way `variant` says. */
export function applyNameVariant(random: SeededRandom, name: PersonName, variant: NameVariant): PersonName {
  const { givenNames, firstSurname, secondSurname } = name;
  switch (variant) {
    case 'exact':
      return name;
    case 'typo':
      return random.chance(0.5) || !firstSurname
        ? { ...name, givenNames: typo(random, givenNames) }
        : { ...name, firstSurname: typo(random, firstSurname) };
    case 'phonetic_spelling': {
      const parts = [givenNames, firstSurname, secondSurname];
      const i = parts.findIndex((p) => p !== null && firstRule(p, PHONETIC) !== null);
      const changed = parts.map((p, j) => (j === i && p ? (firstRule(p, PHONETIC) ?? p) : p));
      return {
        givenNames: changed[0] ?? givenNames,
        firstSurname: changed[1] ?? null,
        secondSurname: changed[2] ?? null,
      };
    }
    case 'swapped_surnames':
      return { givenNames, firstSurname: secondSurname, secondSurname: firstSurname };
    case 'missing_second_surname':
      return { ...name, secondSurname: null };
    case 'accents_dropped':
      return {
        givenNames: stripAccents(givenNames),
        firstSurname: firstSurname && stripAccents(firstSurname),
        secondSurname: secondSurname && stripAccents(secondSurname),
      };
    case 'nickname': {
      const [first = '', ...rest] = givenNames.split(' ');
      const nickname = random.pick(NICKNAMES[first] ?? [first]);
      return { ...name, givenNames: [nickname, ...rest].join(' ') };
    }
    case 'first_given_name_only':
      return { ...name, givenNames: givenNames.split(' ')[0] ?? givenNames };
    case 'mayan_spelling': {
      const respell = (p: string | null) => (p && MAYAN.has(p) ? (firstRule(p, MAYAN_SPELLING) ?? p) : p);
      return {
        givenNames: respell(givenNames) ?? givenNames,
        firstSurname: respell(firstSurname),
        secondSurname: respell(secondSurname),
      };
    }
  }
}
