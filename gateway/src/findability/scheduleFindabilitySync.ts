import { createInternalSigner } from '@amparo/schema';
import type { GatewayConfig } from '../config/gatewayConfig.js';
import { runFindabilitySync } from './runFindabilitySync.js';
import { startFindabilitySync, type SyncLogger } from './startFindabilitySync.js';

/**
 * The findability sync on the schedule of `FINDABILITY_SYNC_INTERVAL_SECONDS`
 * (issue 7): a first run at once, then one per interval, so a TO_BE_FOUND
 * consent recorded or revoked in cases reaches the searches subgraph within
 * one interval. Null when the interval is 0 (disabled). Shared by `npm start`
 * and the production gateway, so both behave the same.
 */
export async function scheduleFindabilitySync(
  config: GatewayConfig,
  log: SyncLogger,
): Promise<{ stop(): void } | null> {
  const { intervalSeconds } = config.findabilitySync;
  if (intervalSeconds === 0) return null;
  const sign = await createInternalSigner(config.internalPrivateKey);
  const subgraphUrls = config.subgraphUrls;
  return startFindabilitySync({ intervalSeconds, run: () => runFindabilitySync({ sign, subgraphUrls }), log });
}
