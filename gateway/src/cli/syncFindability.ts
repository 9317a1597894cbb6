import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS, createInternalSigner } from '@amparo/schema';
import type { JWK } from 'jose';
import { DEFAULT_STATE_DIR, INTERNAL_KEYS_FILE } from '../config/gatewayConfig.js';
import { runFindabilitySync } from '../findability/runFindabilitySync.js';

/**
 * `npm run findability:sync`: runs the findability sync once against the
 * running federation (the launcher also runs it every
 * FINDABILITY_SYNC_INTERVAL_SECONDS). The signing key is
 * INTERNAL_PRIVATE_KEY, or — for the local stack of `npm start` — the one it
 * keeps in the state folder. Prints counts only.
 */
function loadSigningKey(stateDir: string): JWK {
  if (process.env.INTERNAL_PRIVATE_KEY) return JSON.parse(process.env.INTERNAL_PRIVATE_KEY) as JWK;
  try {
    return (JSON.parse(readFileSync(join(stateDir, INTERNAL_KEYS_FILE), 'utf8')) as { privateJwk: JWK }).privateJwk;
  } catch {
    throw new Error('no signing key: set INTERNAL_PRIVATE_KEY, or start the local stack with npm start first');
  }
}

try {
  const stateDir = process.env.AMPARO_STATE_DIR ?? DEFAULT_STATE_DIR;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, process.env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.port}/graphql`]),
  );
  const result = await runFindabilitySync({
    sign: await createInternalSigner(loadSigningKey(stateDir)),
    subgraphUrls,
  });
  process.stdout.write(
    `findability sync: ${result.findable} findable; ${result.added} added, ${result.updated} updated, ` +
      `${result.removed} removed, ${result.unchanged} unchanged\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm run findability:sync\n`);
  process.exit(1);
}
