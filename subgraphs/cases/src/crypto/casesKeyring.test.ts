import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@amparo/schema';
import type { Logger } from '@amparo/kit';
import { DEV_KEY_ID, loadCasesKeyring } from './casesKeyring.js';

const b64 = (bytes: Buffer) => bytes.toString('base64');

function recordingLog() {
  const lines: unknown[][] = [];
  return { lines, log: { warn: (...args: unknown[]) => lines.push(args) } as unknown as Logger };
}

describe('CASES_ENCRYPTION_KEYS', () => {
  it('takes the first key as current and keeps the others for opening', () => {
    const keyring = loadCasesKeyring({
      CASES_ENCRYPTION_KEYS: `k2:${b64(randomBytes(32))},k1:${b64(randomBytes(32))}`,
      AMPARO_MODE: 'production',
    });
    expect(keyring.current.id).toBe('k2');
    expect([...keyring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it('refuses a malformed value with one line naming the variable and never the key', () => {
    const secret = b64(randomBytes(16));
    for (const value of [`k1:${secret}`, 'nonsense', `k1:${b64(randomBytes(32))},k1:${b64(randomBytes(32))}`]) {
      let error: unknown;
      try {
        loadCasesKeyring({ CASES_ENCRYPTION_KEYS: value, AMPARO_MODE: 'development' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/^CASES_ENCRYPTION_KEYS: /);
      expect(message).not.toContain('\n');
      expect(message).not.toContain(secret);
      expect(message).not.toContain(value);
    }
  });

  it('is required in production', () => {
    expect(() => loadCasesKeyring({ AMPARO_MODE: 'production' })).toThrow(/^CASES_ENCRYPTION_KEYS: required/);
  });

  it('derives a clearly named development key outside production, with a warning naming no key material', () => {
    const { lines, log } = recordingLog();
    const keyring = loadCasesKeyring({ AMPARO_MODE: 'development' }, log);
    expect(keyring.current.id).toBe(DEV_KEY_ID);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(keyring.current.key.toString('base64'));
    expect(JSON.stringify(lines)).not.toContain(keyring.current.key.toString('hex'));
  });
});
