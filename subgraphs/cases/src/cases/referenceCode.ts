import { randomBytes } from 'node:crypto';
import { invariant } from '@amparo/kit';

// Crockford's base32: no I, L, O or U, so a code read aloud or handwritten is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bytes of randomness in a reference code: 80 bits, 16 base32 characters. */
export const REFERENCE_CODE_BYTES = 10;

/**
 * Formats 10 random bytes as `AMP-XXXX-XXXX-XXXX-XXXX`. The code is random,
 * not sequential, so it says nothing about how many cases exist or when one
 * was opened, and nobody can guess a neighbour's code.
 */
export function formatReferenceCode(bytes: Uint8Array): string {
  invariant(bytes.length === REFERENCE_CODE_BYTES, `a reference code takes ${REFERENCE_CODE_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `AMP-${out.match(/.{4}/g)?.join('-')}`;
}

/** A fresh reference code from the system's cryptographic random source. */
export function newReferenceCode(): string {
  return formatReferenceCode(randomBytes(REFERENCE_CODE_BYTES));
}
