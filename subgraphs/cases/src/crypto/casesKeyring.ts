import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, loadConfig, runMode } from '@amparo/schema';
import type { Logger } from '@amparo/kit';
import { encryptionKeys, type EncryptionKey } from './encryptionKeys.js';

/** The keys that seal and open migration statuses: `current` seals, every key opens. */
export interface CasesKeyring {
  readonly current: EncryptionKey;
  readonly byId: ReadonlyMap<string, Buffer>;
}

/**
 * Id of the key derived when no key is configured outside production. Its
 * name says what it is, so ciphertext sealed with it is easy to find and
 * re-encrypt (see reencryptMigrationStatuses) once real keys are set.
 */
export const DEV_KEY_ID = 'dev-insecure';

export function keyringOf(keys: readonly EncryptionKey[]): CasesKeyring {
  const [current] = keys;
  if (!current) throw new ConfigError('CASES_ENCRYPTION_KEYS: at least one key is required');
  return Object.freeze({ current, byId: new Map(keys.map((k) => [k.id, k.key])) });
}

const schema = z.object({ CASES_ENCRYPTION_KEYS: encryptionKeys.optional(), AMPARO_MODE: runMode });

/**
 * Reads `CASES_ENCRYPTION_KEYS`. In production a missing or malformed value
 * stops start-up with one line naming the variable (never its value). In
 * development and test a fixed, clearly named key is derived and a warning
 * logged. The init hook passes the subgraph's configured run mode.
 */
export function loadCasesKeyring(env: Record<string, string | undefined>, log?: Logger): CasesKeyring {
  const mode = env.AMPARO_MODE;
  let config: z.output<typeof schema>;
  try {
    config = loadConfig(schema, { CASES_ENCRYPTION_KEYS: env.CASES_ENCRYPTION_KEYS, AMPARO_MODE: mode });
  } catch (error) {
    // loadConfig quotes the offending value; for keys that would print secret material.
    if (error instanceof ConfigError) throw new ConfigError(error.message.replace(/ \(got .*\)$/s, ''));
    throw error;
  }
  if (config.CASES_ENCRYPTION_KEYS) return keyringOf(config.CASES_ENCRYPTION_KEYS);
  if (config.AMPARO_MODE === 'production') {
    throw new ConfigError(
      'CASES_ENCRYPTION_KEYS: required in production (comma-separated id:base64 32-byte keys, current first)',
    );
  }
  log?.warn(
    { keyId: DEV_KEY_ID },
    'CASES_ENCRYPTION_KEYS is not set: migration statuses are sealed with a fixed development key; never use this store in production',
  );
  const key = createHash('sha256').update('amparo cases development key: not secret, not for production').digest();
  return keyringOf([{ id: DEV_KEY_ID, key }]);
}

let installed: CasesKeyring | null = null;

/** Makes `keyring` the one this process seals and opens with (the init hook calls it). */
export function installCasesKeyring(keyring: CasesKeyring): void {
  installed = keyring;
}

/** The installed keyring (the init hook installs it); `npm run seed` alone loads one from the environment. */
export function casesKeyring(): CasesKeyring {
  installed ??= loadCasesKeyring(process.env);
  return installed;
}
