import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SUBGRAPHS, createInternalSigner } from '@amparo/schema';
import type { JWK } from 'jose';
import { DEFAULT_STATE_DIR, INTERNAL_KEYS_FILE } from '../config/gatewayConfig.js';
import { runStatisticsPipeline } from '../statistics/runStatisticsPipeline.js';
import { isStatisticsPeriod } from '../statistics/statisticsPeriod.js';

/**
 * `npm run stats:publish -- --period 2026-10 [--replaces <releaseId>]`: runs
 * the statistics pipeline against the running federation for a month
 * (`2026-10`), a quarter (`2026-Q4`) or a year (`2026`); a period that already
 * has a release needs `--replaces` with the id of the release in force
 * (the federation launcher publishes closed periods on its own schedule).
 * The signing key is INTERNAL_PRIVATE_KEY, or — for the local stack of
 * `npm start` — the one it keeps in the state folder.
 */
function loadSigningKey(stateDir: string): JWK {
  if (process.env.INTERNAL_PRIVATE_KEY) return JSON.parse(process.env.INTERNAL_PRIVATE_KEY) as JWK;
  try {
    return (JSON.parse(readFileSync(join(stateDir, INTERNAL_KEYS_FILE), 'utf8')) as { privateJwk: JWK }).privateJwk;
  } catch {
    throw new Error('no signing key: set INTERNAL_PRIVATE_KEY, or start the local stack with npm start first');
  }
}

const usage = 'usage: npm run stats:publish -- --period YYYY-MM|YYYY-Qn|YYYY [--replaces <releaseId>]';
try {
  const { values } = parseArgs({ options: { period: { type: 'string' }, replaces: { type: 'string' } }, strict: true });
  if (!values.period || !isStatisticsPeriod(values.period)) {
    throw new Error('--period is required: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY');
  }
  const stateDir = process.env.AMPARO_STATE_DIR ?? DEFAULT_STATE_DIR;
  const privateJwk = loadSigningKey(stateDir);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, process.env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.port}/graphql`]),
  );
  const result = await runStatisticsPipeline({
    sign: await createInternalSigner(privateJwk),
    subgraphUrls,
    period: values.period,
    replaces: values.replaces,
  });
  process.stdout.write(
    `published release ${result.releaseId} for ${values.period} from ${result.cells} extract cells\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`);
  process.exit(1);
}
