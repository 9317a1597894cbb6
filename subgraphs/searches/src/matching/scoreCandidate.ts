import type { MatchProfile } from './matchProfile.js';
import { bestTokenMatch, tokenMatch, type TokenMatch } from './nameSimilarity.js';

/** One line of a candidate's explanation: what matched and what it added (or took away). */
export interface MatchFeature {
  readonly feature: 'GIVEN_NAME' | 'SURNAMES' | 'SEX' | 'AGE' | 'NATIONALITY' | 'TIME' | 'PLACE';
  readonly detail: string;
  readonly contribution: number;
}

export interface ScoredCandidate {
  readonly score: number;
  readonly explanation: readonly MatchFeature[];
  /** Sum of the name features: candidates below {@link MIN_NAME_SCORE} are not kept. */
  readonly nameScore: number;
}

/** Full contributions (points). Names dominate, as in Primero, but surnames count in both orders. */
export const WEIGHTS = {
  givenName: 20,
  secondGivenName: 3,
  firstSurname: 15,
  secondSurname: 10,
  surnameConflict: -8,
  sex: 10,
  sexConflict: -25,
  age: 10,
  ageConflict: -15,
  nationality: 5,
  nationalityConflict: -5,
  foundAfterContact: 3,
  foundBeforeContact: -20,
  near: 6,
  region: 4,
  sameCountry: 2,
} as const;

/** Birth years further apart than this contradict each other (an age conflict). */
export const AGE_TOLERANCE_YEARS = 5;

/** A candidate must at least match a given name or a surname reasonably well. */
export const MIN_NAME_SCORE = 15;

const round = (n: number) => Math.round(n * 10) / 10;

function describe(match: TokenMatch): string {
  return {
    exact: 'same',
    nickname: 'nickname of',
    phonetic: 'sounds like',
    spelling: 'spelled like',
    none: 'differs from',
  }[match.kind];
}

function givenNameFeatures(a: MatchProfile, b: MatchProfile): MatchFeature[] {
  if (a.name.given.length === 0 || b.name.given.length === 0) return [];
  const best = bestTokenMatch(a.name.given, b.name.given, a.name.givenWritten);
  if (best.weight === 0) return [{ feature: 'GIVEN_NAME', detail: 'given names differ', contribution: 0 }];
  const features: MatchFeature[] = [
    {
      feature: 'GIVEN_NAME',
      detail: `given name: ${describe(best)}`,
      contribution: round(WEIGHTS.givenName * best.weight),
    },
  ];
  const restA = a.name.given.filter((_, i) => i !== best.a);
  const restB = b.name.given.filter((_, j) => j !== best.b);
  const second = bestTokenMatch(restA, restB);
  if (second.weight > 0) {
    features.push({
      feature: 'GIVEN_NAME',
      detail: `second given name: ${describe(second)}`,
      contribution: round(WEIGHTS.secondGivenName * second.weight),
    });
  }
  return features;
}

function surnameFeatures(a: MatchProfile, b: MatchProfile): MatchFeature[] {
  const [a1, a2] = a.name.surnames;
  const [b1, b2] = b.name.surnames;
  const pair = (x: string | null, y: string | null) => (x && y ? tokenMatch(x, y) : null);
  const straight = [pair(a1, b1), pair(a2, b2)] as const;
  const swapped = [pair(a1, b2), pair(a2, b1)] as const;
  const value = (m: readonly (TokenMatch | null)[]) =>
    (m[0]?.weight ?? 0) * WEIGHTS.firstSurname + (m[1]?.weight ?? 0) * WEIGHTS.secondSurname;
  const useSwapped = value(swapped) > value(straight);
  const [first, second] = useSwapped ? swapped : straight;
  if (!first && !second) return [];
  const matched = [first, second].filter((m): m is TokenMatch => !!m && m.weight > 0);
  const contribution = value([first, second]);
  const notes: string[] = matched.map(describe);
  if (useSwapped) notes.push('in swapped order');
  if (!a2 !== !b2) notes.push('second surname missing on one side');
  if (matched.length === 0) {
    return [{ feature: 'SURNAMES', detail: 'surnames differ', contribution: WEIGHTS.surnameConflict }];
  }
  return [{ feature: 'SURNAMES', detail: `surnames: ${notes.join(', ')}`, contribution: round(contribution) }];
}

function ageFeature(a: MatchProfile, b: MatchProfile): MatchFeature | null {
  if (!a.birthYears || !b.birthYears) return null;
  const gap = Math.max(0, a.birthYears[0] - b.birthYears[1], b.birthYears[0] - a.birthYears[1]);
  if (gap === 0) return { feature: 'AGE', detail: 'age ranges overlap', contribution: WEIGHTS.age };
  if (gap <= 2) return { feature: 'AGE', detail: `ages ${gap} year(s) apart`, contribution: WEIGHTS.age / 2 };
  if (gap <= AGE_TOLERANCE_YEARS) return { feature: 'AGE', detail: `ages ${gap} years apart`, contribution: 0 };
  return { feature: 'AGE', detail: `ages ${gap} years apart`, contribution: WEIGHTS.ageConflict };
}

const EARTH_KM = 6371;
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

function placeFeature(a: MatchProfile, b: MatchProfile): MatchFeature | null {
  const { seen: x } = a;
  const { seen: y } = b;
  if (x.latitude !== null && x.longitude !== null && y.latitude !== null && y.longitude !== null) {
    const km = Math.round(distanceKm(x.latitude, x.longitude, y.latitude, y.longitude));
    if (km < 100) return { feature: 'PLACE', detail: `${km} km from the last contact`, contribution: WEIGHTS.near };
    if (km < 500) return { feature: 'PLACE', detail: `${km} km from the last contact`, contribution: WEIGHTS.region };
  }
  if (x.country && x.country === y.country) {
    return { feature: 'PLACE', detail: 'same country as the last contact', contribution: WEIGHTS.sameCountry };
  }
  return null;
}

/**
 * The name features of candidates already scored against one search: given
 * names by the candidate's shared given-name tokens (nameTokens shares one
 * array per given names), surnames by the candidate's surname pair. Blocked
 * records share a key with the search, so their given names or surnames
 * repeat from one record to the next, and the name is the costly part of a
 * score.
 */
export interface NameFeatureMemo {
  readonly given: Map<readonly string[], readonly MatchFeature[]>;
  readonly surnames: Map<string, readonly MatchFeature[]>;
}

export function nameFeatureMemo(): NameFeatureMemo {
  return { given: new Map(), surnames: new Map() };
}

function nameFeatures(search: MatchProfile, candidate: MatchProfile, memo?: NameFeatureMemo): MatchFeature[] {
  if (!memo) return [...givenNameFeatures(search, candidate), ...surnameFeatures(search, candidate)];
  let given = memo.given.get(candidate.name.given);
  if (!given) {
    given = givenNameFeatures(search, candidate);
    memo.given.set(candidate.name.given, given);
  }
  const [first, second] = candidate.name.surnames;
  const surnameKey = `${first ?? ''}\u0000${second ?? ''}`;
  let surnames = memo.surnames.get(surnameKey);
  if (!surnames) {
    surnames = surnameFeatures(search, candidate);
    memo.surnames.set(surnameKey, surnames);
  }
  return [...given, ...surnames];
}

/**
 * Scores `candidate` (a found-person record, or another search) against
 * `search`. `timed` says whether candidate.seen.date is a "found" date that
 * must come after the last contact (false for search-vs-search). `memo`,
 * when given, must only ever be used with this same `search`.
 */
export function scoreCandidate(
  search: MatchProfile,
  candidate: MatchProfile,
  timed = true,
  memo?: NameFeatureMemo,
): ScoredCandidate {
  const features = nameFeatures(search, candidate, memo);
  const nameScore = features.reduce((sum, f) => sum + f.contribution, 0);

  if (search.sex !== 'UNKNOWN' && candidate.sex !== 'UNKNOWN') {
    features.push(
      search.sex === candidate.sex
        ? { feature: 'SEX', detail: 'same sex', contribution: WEIGHTS.sex }
        : { feature: 'SEX', detail: 'different sex', contribution: WEIGHTS.sexConflict },
    );
  }
  const age = ageFeature(search, candidate);
  if (age) features.push(age);
  if (search.nationality && candidate.nationality) {
    features.push(
      search.nationality === candidate.nationality
        ? { feature: 'NATIONALITY', detail: 'same nationality', contribution: WEIGHTS.nationality }
        : { feature: 'NATIONALITY', detail: 'different nationality', contribution: WEIGHTS.nationalityConflict },
    );
  }
  if (timed && search.seen.date && candidate.seen.date) {
    features.push(
      candidate.seen.date >= search.seen.date
        ? { feature: 'TIME', detail: 'found after the last contact', contribution: WEIGHTS.foundAfterContact }
        : { feature: 'TIME', detail: 'found before the last contact', contribution: WEIGHTS.foundBeforeContact },
    );
  }
  const place = placeFeature(search, candidate);
  if (place) features.push(place);
  const score = round(features.reduce((sum, f) => sum + f.contribution, 0));
  return { score, explanation: features, nameScore: round(nameScore) };
}
