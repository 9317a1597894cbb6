import { describe, expect, it } from 'vitest';
import { nameTokens } from '../names/personName.js';
import { testProfile } from '../testing/testProfile.js';
import { primeroScore } from './primeroScore.js';
import { nameFeatureMemo, scoreCandidate } from './scoreCandidate.js';
import { simplifiedMetaphone } from './simplifiedMetaphone.js';

const person = testProfile;

describe('Amparo scoring', () => {
  it('explains every point of the score', () => {
    const search = person('Chepe', 'Tzoc', 'Xiquín', { sex: 'MALE' });
    const found = person('José', 'Xiquin', 'Tzok', {
      sex: 'MALE',
      seen: { date: '2024-05-10', latitude: 14.9, longitude: -92.26, country: 'MX' },
    });
    const scored = scoreCandidate(search, found);
    const byFeature = Object.fromEntries(scored.explanation.map((f) => [f.feature, f]));
    expect(byFeature.GIVEN_NAME?.detail).toBe('given name: nickname of');
    expect(byFeature.SURNAMES?.detail).toMatch(/in swapped order/);
    expect(byFeature.TIME?.contribution).toBeGreaterThan(0);
    expect(byFeature.PLACE?.detail).toMatch(/km from the last contact/);
    expect(scored.score).toBeCloseTo(
      scored.explanation.reduce((s, f) => s + f.contribution, 0),
      5,
    );
  });

  it('counts conflicting sex, distant age and a record found before the last contact against a candidate', () => {
    const search = person('Ana', 'López', 'Pérez');
    const same = scoreCandidate(
      search,
      person('Ana', 'López', 'Pérez', { seen: { ...search.seen, date: '2024-04-01' } }),
    );
    const conflicting = scoreCandidate(
      search,
      person('Ana', 'López', 'Pérez', {
        sex: 'MALE',
        birthYears: [1970, 1972],
        seen: { ...search.seen, date: '2023-01-01' },
      }),
    );
    expect(conflicting.nameScore).toBe(same.nameScore);
    expect(conflicting.score).toBeLessThan(same.score - 50);
  });
});

describe('Primero reference', () => {
  it('uses English Metaphone on Latin script only', () => {
    expect(simplifiedMetaphone('Tzoc')).toBe(simplifiedMetaphone('Tzok'));
    expect(simplifiedMetaphone('Xol')).not.toBe(simplifiedMetaphone('Shol'));
    expect(simplifiedMetaphone('Ŋaŋ')).toBe('');
  });

  it('adds the field boosts of the fields that match', () => {
    const search = person('Juana', 'Tzoc', null);
    expect(primeroScore(search, person('Juana', 'Tzoc', null))).toBe(15 + 10 + 10 + 3);
    expect(primeroScore(search, person('Rosa', 'Pérez', null, { sex: 'MALE', nationality: 'HN' }))).toBe(10);
  });
});

describe('the name-feature memo of one search', () => {
  it('scores every candidate as it would be scored alone, whatever was scored before', () => {
    const search = person('María José', 'López', 'Tzoc');
    // Each candidate shares its given names or its surnames (or both) with another one.
    const candidates = [
      person('María José', 'López', 'Tzoc'),
      person('María José', 'Pérez', 'Ajú'),
      person('Maria Jose', 'Lopes', null),
      person('Marta', 'López', 'Tzoc'),
      person('Chepita', 'López', 'Tzoc'),
      person('Marta', 'Tzoc', 'López'),
      person('María José', 'Tzoc', 'López'),
      person('José', 'Pérez', 'Ajú'),
    ];
    const memo = nameFeatureMemo();
    for (const candidate of [...candidates, ...candidates.reverse()]) {
      expect(scoreCandidate(search, candidate, true, memo)).toEqual(scoreCandidate(search, candidate));
    }
    expect(memo.given.size).toBe(5);
    expect(memo.surnames.size).toBe(4);
  });

  it('shares the tokens of a given name or a surname between different full names', () => {
    const a = nameTokens('María José', 'López', 'Tzoc');
    const b = nameTokens('María José', 'Pérez', 'López');
    expect(b.given).toBe(a.given);
    expect(b.surnames[1]).toBe(a.surnames[0]);
    expect(nameTokens('María José', 'López', 'Tzoc', ['Chepita']).given).not.toBe(a.given);
  });
});
