import { describe, expect, it } from 'vitest';
import { splitFamilyName } from './splitFamilyName.js';

describe('splitFamilyName', () => {
  it('splits two surnames, keeping particles with the surname they open', () => {
    expect(splitFamilyName('Tzoc Xiquín')).toEqual(['Tzoc', 'Xiquín']);
    expect(splitFamilyName('de la Cruz López')).toEqual(['de la Cruz', 'López']);
    expect(splitFamilyName('Pérez del Cid')).toEqual(['Pérez', 'del Cid']);
    expect(splitFamilyName('  Ajpop  ')).toEqual(['Ajpop', null]);
  });

  it('keeps every word beyond the first surname in the second, and knows nothing of an empty name', () => {
    expect(splitFamilyName('García Ramos Tum')).toEqual(['García', 'Ramos Tum']);
    expect(splitFamilyName(null)).toEqual([null, null]);
    expect(splitFamilyName('   ')).toEqual([null, null]);
  });
});
