import { describe, expect, it } from 'vitest';
import { MAX_PURPOSE_LENGTH, requestPurpose } from './requestPurpose.js';

describe('requestPurpose', () => {
  it('takes a short reason in any script, trimmed', () => {
    expect(requestPurpose('  case review ')).toEqual({ purpose: 'case review' });
    expect(requestPurpose('seguimiento de remisión (acompañamiento)')).toEqual({
      purpose: 'seguimiento de remisión (acompañamiento)',
    });
  });

  it('reads no header, or an empty one, as no purpose', () => {
    expect(requestPurpose(undefined)).toEqual({ purpose: null });
    expect(requestPurpose('   ')).toEqual({ purpose: null });
  });

  it('refuses a purpose too long, with line breaks or markup, or sent twice', () => {
    for (const header of ['x'.repeat(MAX_PURPOSE_LENGTH + 1), 'review\nsecond line', '<script>', 'a"b', ['a', 'b']]) {
      expect(requestPurpose(header), String(header)).toHaveProperty('problem');
    }
    expect(requestPurpose('x'.repeat(MAX_PURPOSE_LENGTH))).toEqual({ purpose: 'x'.repeat(MAX_PURPOSE_LENGTH) });
  });
});
