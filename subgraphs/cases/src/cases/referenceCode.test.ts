import { describe, expect, it } from 'vitest';
import { formatReferenceCode, newReferenceCode } from './referenceCode.js';

describe('reference codes', () => {
  it('have the documented shape, without ambiguous letters', () => {
    expect(newReferenceCode()).toMatch(/^AMP-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('encode every bit of the randomness', () => {
    expect(formatReferenceCode(new Uint8Array(10))).toBe('AMP-0000-0000-0000-0000');
    expect(formatReferenceCode(new Uint8Array(10).fill(255))).toBe('AMP-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReferenceCode));
    expect(codes.size).toBe(2000);
  });
});
