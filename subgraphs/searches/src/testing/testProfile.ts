import type { MatchProfile } from '../matching/matchProfile.js';
import { nameTokens } from '../names/personName.js';

/** A match profile for scorer and matching tests: a woman born 1995–1997, last seen near Tapachula in March 2024. */
export function testProfile(
  given: string,
  first: string | null,
  second: string | null,
  extra: Partial<MatchProfile> = {},
): MatchProfile {
  return {
    id: 'x',
    name: nameTokens(given, first, second),
    sex: 'FEMALE',
    birthYears: [1995, 1997],
    birthDateKnown: false,
    nationality: 'GT',
    languages: [],
    seen: { date: '2024-03-01', latitude: 14.68, longitude: -92.15, country: 'MX' },
    ...extra,
  };
}
