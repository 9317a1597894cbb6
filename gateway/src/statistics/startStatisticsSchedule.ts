import { closedPeriods, duePeriods } from './duePeriods.js';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

/** Lines for the operator: periods, release ids and typed error messages only, never extract contents. */
export interface ScheduleLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface StatisticsScheduleOptions {
  /** Seconds between checks (the first after one interval; call `check()` for one at once). */
  readonly intervalSeconds: number;
  /** Days to wait after a period closes, for records entered late. */
  readonly graceDays: number;
  /** Which of these periods already have a release. */
  readonly publishedPeriods: (periods: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Runs the pipeline for one period (runStatisticsPipeline). */
  readonly publish: (period: string) => Promise<{ releaseId: string }>;
  readonly log: ScheduleLog;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

export interface StatisticsSchedule {
  /**
   * One check now (what the timer runs); resolves with the periods it
   * published. Never rejects. While a check runs, another resolves at once
   * with none.
   */
  check(): Promise<string[]>;
  stop(): void;
}

/**
 * Publishes statistics on a schedule (issue 8): every `intervalSeconds`, each
 * month, quarter and year that closed more than `graceDays` ago and has no
 * release yet ({@link duePeriods}) goes through the pipeline, one at a time.
 * A failure is logged and the period stays due, so the next check retries it;
 * nothing escapes to crash the process. A period with no records at all is
 * noted once and not retried until restart (a new install has many). Checks
 * never overlap: a tick that finds one running is skipped.
 */
export function startStatisticsSchedule(options: StatisticsScheduleOptions): StatisticsSchedule {
  const now = options.now ?? (() => new Date());
  const empty = new Set<string>();
  let running: Promise<string[]> | null = null;

  async function runCheck(): Promise<string[]> {
    const published: string[] = [];
    try {
      const clock = now();
      const candidates = closedPeriods(clock, options.graceDays).filter((p) => !empty.has(p));
      if (candidates.length === 0) return published;
      const existing = await options.publishedPeriods(candidates);
      for (const period of duePeriods({ now: clock, graceDays: options.graceDays, published: existing })) {
        if (empty.has(period)) continue;
        try {
          const { releaseId } = await options.publish(period);
          published.push(period);
          options.log.info(`statistics: published release ${releaseId} for ${period}`);
        } catch (error) {
          if (error instanceof StatisticsPipelineError && error.code === 'NOTHING_TO_PUBLISH') {
            empty.add(period);
            options.log.info(`statistics: nothing to publish for ${period} (no records); not retried until restart`);
          } else {
            options.log.warn(`statistics: publishing ${period} failed, retrying at the next check: ${reason(error)}`);
          }
        }
      }
    } catch (error) {
      options.log.warn(`statistics: the scheduled check failed, retrying at the next one: ${reason(error)}`);
    }
    return published;
  }

  function check(): Promise<string[]> {
    if (running) return running.then(() => []);
    running = runCheck().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void check(), options.intervalSeconds * 1000);
  // The schedule never keeps a stopping process alive.
  timer.unref();
  return {
    check,
    stop: () => clearInterval(timer),
  };
}

// Our own errors carry safe messages; anything else is named by its class only.
function reason(error: unknown): string {
  if (error instanceof StatisticsPipelineError) return error.message;
  return error instanceof Error ? error.name : 'unknown error';
}
