import { describe, expect, it } from 'vitest';
import { foldName, nameKey } from './nameKey.js';

describe('name folding', () => {
  it('folds case, diacritics and Mayan apostrophes', () => {
    expect(foldName('Xiquín')).toBe('xiquin');
    expect(foldName("K'AMA'L")).toBe('kamal');
    expect(foldName('  María  José ')).toBe('maria jose');
    expect(foldName('Jean-Baptiste')).toBe('jean baptiste');
  });

  it('joins given names and both surnames, skipping unknown ones', () => {
    expect(nameKey('Juana', 'Tzoc', 'Xiquín')).toBe('juana tzoc xiquin');
    expect(nameKey('Juana', null, 'Xiquín')).toBe('juana xiquin');
    expect(nameKey('Ana', 'Pérez', '')).toBe('ana perez');
  });
});
