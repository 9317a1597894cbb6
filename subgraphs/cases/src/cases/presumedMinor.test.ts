import { describe, expect, it } from 'vitest';
import { ageOn, presumedMinor } from './presumedMinor.js';

const today = new Date('2026-06-15T12:00:00Z');

describe('presumedMinor', () => {
  it('presumes a minor when neither birth date nor estimated age is known', () => {
    expect(presumedMinor({ birthDate: null, estimatedAge: null }, today)).toBe(true);
  });

  it('decides by the birth date when it is known, counting the birthday itself', () => {
    expect(presumedMinor({ birthDate: '2008-06-16', estimatedAge: null }, today)).toBe(true);
    expect(presumedMinor({ birthDate: '2008-06-15', estimatedAge: null }, today)).toBe(false);
    expect(presumedMinor({ birthDate: '1990-01-01', estimatedAge: 12 }, today)).toBe(false);
  });

  it('gives an estimated age the benefit of the doubt', () => {
    expect(presumedMinor({ birthDate: null, estimatedAge: 15 }, today)).toBe(true);
    expect(presumedMinor({ birthDate: null, estimatedAge: 19 }, today)).toBe(true);
    expect(presumedMinor({ birthDate: null, estimatedAge: 20 }, today)).toBe(false);
  });

  it('computes completed years', () => {
    expect(ageOn('2000-02-29', new Date('2026-02-28T00:00:00Z'))).toBe(25);
    expect(ageOn('2000-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(26);
  });
});
