import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyringOf } from './casesKeyring.js';
import { openMigrationStatus, sealMigrationStatus, sealedKeyId } from './sealMigrationStatus.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const caseId = randomUUID();

describe('sealed migration status', () => {
  it('stores bytes that differ from the plaintext, with a fresh IV each time', () => {
    const keyring = keyringOf([k1]);
    const a = sealMigrationStatus(keyring, caseId, 'ASYLUM_SEEKER');
    const b = sealMigrationStatus(keyring, caseId, 'ASYLUM_SEEKER');
    expect(a).not.toContain('ASYLUM');
    expect(Buffer.from(a.split('.')[3]!, 'base64url').toString('latin1')).not.toContain('ASYLUM');
    expect(a).not.toBe(b);
    expect(sealedKeyId(a)).toBe('k1');
    expect(openMigrationStatus(keyring, caseId, a)).toBe('ASYLUM_SEEKER');
  });

  it('stays readable after a rotation, and new values use the new key', () => {
    const old = sealMigrationStatus(keyringOf([k1]), caseId, 'REFUGEE');
    const rotated = keyringOf([k2, k1]);
    expect(openMigrationStatus(rotated, caseId, old)).toBe('REFUGEE');
    expect(sealedKeyId(sealMigrationStatus(rotated, caseId, 'REFUGEE'))).toBe('k2');
  });

  it('does not open without its key, on another case, or once altered', () => {
    const sealed = sealMigrationStatus(keyringOf([k1]), caseId, 'IRREGULAR');
    expect(() => openMigrationStatus(keyringOf([k2]), caseId, sealed)).toThrow();
    expect(() => openMigrationStatus(keyringOf([k1]), randomUUID(), sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openMigrationStatus(keyringOf([k1]), caseId, parts.join('.'))).toThrow();
  });
});
