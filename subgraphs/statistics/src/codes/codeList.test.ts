import { describe, expect, it } from 'vitest';
import { AmparoError } from '@amparo/kit';
import { codeList } from './codeList.js';
import { CODE_LISTS } from './codeLists.js';
import { DIMENSIONS } from './dimensions.js';
import { LABEL_LANGUAGES } from './labels.js';

describe('code lists', () => {
  it('use the fixed SDMX age bands and sex codes', () => {
    expect(codeList('AGE_GROUP', 'en').map((c) => c.code)).toEqual([
      'Y_LT12',
      'Y12T17',
      'Y18T24',
      'Y25T34',
      'Y35T49',
      'Y50T59',
      'Y_GE60',
      '_U',
      '_T',
    ]);
    expect(codeList('SEX', 'es').map((c) => c.code)).toEqual(['F', 'M', '_O', '_U', '_T']);
  });

  it('label every code of every dimension in es, en, fr and pt', () => {
    for (const dimension of DIMENSIONS) {
      const codes = CODE_LISTS[dimension].map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const language of LABEL_LANGUAGES) {
        for (const { label } of codeList(dimension, language)) expect(label.length).toBeGreaterThan(0);
      }
    }
    expect(codeList('COUNTRY', 'fr').find((c) => c.code === 'MX')?.label).toBe('Mexique');
    expect(codeList('AGE_GROUP', 'pt').find((c) => c.code === 'Y_GE60')?.label).toBe('60 anos ou mais');
  });

  it('refuses another language, naming the field', () => {
    try {
      codeList('SEX', 'de');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AmparoError);
      expect((error as AmparoError).extensions).toMatchObject({ field: 'language' });
      expect((error as AmparoError).code).toBe('BAD_USER_INPUT');
    }
  });
});
