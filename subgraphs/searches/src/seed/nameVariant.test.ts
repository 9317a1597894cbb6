import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@amparo/kit';
import { applicableVariants, applyNameVariant } from './nameVariant.js';

const random = () => new SeededRandom('name-variant-test');
const juana = { givenNames: 'Juana', firstSurname: 'Tzoc', secondSurname: 'Xiquín' };

describe('name variants', () => {
  it('offers only the variants a name allows', () => {
    expect(applicableVariants(juana)).toEqual(
      expect.arrayContaining([
        'exact',
        'typo',
        'swapped_surnames',
        'missing_second_surname',
        'accents_dropped',
        'nickname',
        'mayan_spelling',
      ]),
    );
    const haitian = { givenNames: 'Nadège', firstSurname: 'Dorvil', secondSurname: null };
    expect(applicableVariants(haitian)).not.toContain('swapped_surnames');
    expect(applicableVariants(haitian)).not.toContain('mayan_spelling');
    expect(applicableVariants(haitian)).not.toContain('first_given_name_only');
  });

  it('alters names the way relatives and registries do', () => {
    expect(applyNameVariant(random(), juana, 'swapped_surnames')).toEqual({
      ...juana,
      firstSurname: 'Xiquín',
      secondSurname: 'Tzoc',
    });
    expect(applyNameVariant(random(), juana, 'missing_second_surname').secondSurname).toBeNull();
    expect(applyNameVariant(random(), juana, 'accents_dropped').secondSurname).toBe('Xiquin');
    expect(applyNameVariant(random(), juana, 'mayan_spelling')).toEqual({
      ...juana,
      firstSurname: 'Tzok',
      secondSurname: 'Xikín',
    });
    expect(applyNameVariant(random(), juana, 'nickname').givenNames).toBe('Juanita');
    expect(applyNameVariant(random(), { ...juana, givenNames: 'María José' }, 'first_given_name_only').givenNames).toBe(
      'María',
    );
    const herrera = { givenNames: 'Olga', firstSurname: 'Morales', secondSurname: 'Herrera' };
    expect(applyNameVariant(random(), herrera, 'phonetic_spelling')).not.toEqual(herrera);
  });

  it('changes a typo by one edit', () => {
    const { givenNames, firstSurname } = applyNameVariant(random(), { ...juana, givenNames: 'Margarita' }, 'typo');
    const changed = givenNames !== 'Margarita' ? [givenNames, 'Margarita'] : [firstSurname ?? '', 'Tzoc'];
    expect(changed[0]).not.toBe(changed[1]);
    expect(Math.abs((changed[0] ?? '').length - (changed[1] ?? '').length)).toBeLessThanOrEqual(1);
  });
});
