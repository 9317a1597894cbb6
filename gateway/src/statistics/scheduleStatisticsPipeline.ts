import { createInternalSigner } from '@amparo/schema';
import type { GatewayConfig } from '../config/gatewayConfig.js';
import { publishedPeriods } from './publishedPeriods.js';
import { runStatisticsPipeline } from './runStatisticsPipeline.js';
import { startStatisticsSchedule, type ScheduleLog, type StatisticsSchedule } from './startStatisticsSchedule.js';

/**
 * The statistics pipeline on the schedule of `STATS_SCHEDULE_INTERVAL_SECONDS`
 * and `STATS_PUBLISH_GRACE_DAYS` (issue 8): a first check at once, then one
 * per interval, each publishing the closed months, quarters and years that
 * have no release yet. Null when the interval is 0 (disabled).
 */
export async function scheduleStatisticsPipeline(
  config: GatewayConfig,
  log: ScheduleLog,
): Promise<StatisticsSchedule | null> {
  const { intervalSeconds, graceDays } = config.statisticsSchedule;
  if (intervalSeconds === 0) return null;
  const sign = await createInternalSigner(config.internalPrivateKey);
  const subgraphUrls = config.subgraphUrls;
  const schedule = startStatisticsSchedule({
    intervalSeconds,
    graceDays,
    publishedPeriods: (periods) => publishedPeriods({ sign, subgraphUrls, periods }),
    publish: (period) => runStatisticsPipeline({ sign, subgraphUrls, period }),
    log,
  });
  void schedule.check();
  return schedule;
}
