import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { invariant } from '@amparo/kit';
import type { CasesKeyring } from './casesKeyring.js';

const VERSION = 'amp1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// The case id is authenticated data: a ciphertext copied onto another case's row does not open.
const aad = (caseId: string) => Buffer.from(`cases.migration_status:${caseId}`);

/**
 * Seals one migration status with the keyring's current key: AES-256-GCM,
 * random 96-bit IV, the key id stored with the ciphertext
 * (`amp1.<keyId>.<iv>.<ciphertext+tag>`, base64url).
 */
export function sealMigrationStatus(keyring: CasesKeyring, caseId: string, status: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(aad(caseId));
  const body = Buffer.concat([cipher.update(status, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyring.current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
}

/** The key id a sealed value was sealed with. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

/**
 * Opens a sealed status with whichever key of the keyring sealed it. A value
 * no key opens (unknown key id, altered bytes, wrong case) is our failure, and
 * surfaces as an internal error that names nothing.
 */
export function openMigrationStatus(keyring: CasesKeyring, caseId: string, sealed: string): string {
  const [version, keyId, iv, body] = sealed.split('.');
  invariant(version === VERSION && keyId && iv && body, 'sealed migration status has the amp1 shape');
  const key = keyring.byId.get(keyId);
  invariant(key, 'a key of the keyring opens this migration status');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(caseId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
