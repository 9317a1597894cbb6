import { z } from 'zod';

/** One AES-256 key and the id stored beside every ciphertext it seals. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const FORMAT = 'expected comma-separated id:base64 pairs of 32-byte keys, current key first (e.g. k2:…,k1:…)';

/**
 * `CASES_ENCRYPTION_KEYS`: `k2:<base64>,k1:<base64>`. The first key seals new
 * values; the others only open values sealed before a rotation. Messages
 * never echo key material.
 */
export const encryptionKeys = z.string().transform((raw, ctx): EncryptionKey[] => {
  const keys: EncryptionKey[] = [];
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (colon < 1 || !KEY_ID.test(id) || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: `${FORMAT}; entry ${keys.length + 1} is not one` });
      return z.NEVER;
    }
    if (keys.some((k) => k.id === id)) {
      ctx.addIssue({ code: 'custom', message: `key id ${id} appears twice` });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});
