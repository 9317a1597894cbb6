import { afterEach, describe, expect, it, vi } from 'vitest';
import { closedPeriods } from './duePeriods.js';
import { startStatisticsSchedule, type StatisticsSchedule } from './startStatisticsSchedule.js';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const CLOSED = closedPeriods(NOW, 5);

/** A statistics subgraph in memory: what is published, and every pipeline run asked for. */
function fakePipeline(alreadyPublished: readonly string[], fail: (period: string) => Error | null = () => null) {
  const published = new Set(alreadyPublished);
  const runs: string[] = [];
  const lines: { level: 'info' | 'warn'; line: string }[] = [];
  let releases = 0;
  return {
    published,
    runs,
    lines,
    options: {
      intervalSeconds: 3600,
      graceDays: 5,
      now: () => NOW,
      publishedPeriods: async (periods: readonly string[]) => new Set(periods.filter((p) => published.has(p))),
      publish: async (period: string) => {
        runs.push(period);
        const error = fail(period);
        if (error) throw error;
        published.add(period);
        releases += 1;
        return { releaseId: `release-${releases}` };
      },
      log: {
        info: (line: string) => lines.push({ level: 'info', line }),
        warn: (line: string) => lines.push({ level: 'warn', line }),
      },
    },
  };
}

let schedule: StatisticsSchedule | undefined;
afterEach(() => {
  schedule?.stop();
  vi.useRealTimers();
});

describe('startStatisticsSchedule', () => {
  it('publishes every closed period without a release, oldest first, and then nothing more', async () => {
    const pipeline = fakePipeline(CLOSED.filter((p) => !['2026-09', '2026-Q3', '2026-10'].includes(p)));
    schedule = startStatisticsSchedule(pipeline.options);
    expect(await schedule.check()).toEqual(['2026-09', '2026-Q3', '2026-10']);
    expect(pipeline.runs).toEqual(['2026-09', '2026-Q3', '2026-10']);
    expect(pipeline.lines.map((l) => l.line)).toContain('statistics: published release release-2 for 2026-Q3');
    expect(await schedule.check()).toEqual([]);
    expect(pipeline.runs).toHaveLength(3);
  });

  it('logs a failure without its details, goes on with the other periods and retries at the next check', async () => {
    let down = true;
    const pipeline = fakePipeline(
      CLOSED.filter((p) => p !== '2026-Q3' && p !== '2026-10'),
      (period) => (down && period === '2026-Q3' ? new Error('connect ECONNREFUSED, row of Marta Pérez') : null),
    );
    schedule = startStatisticsSchedule(pipeline.options);
    expect(await schedule.check()).toEqual(['2026-10']);
    const warning = pipeline.lines.find((l) => l.level === 'warn');
    expect(warning?.line).toContain('2026-Q3');
    expect(warning?.line).not.toContain('Marta');
    down = false;
    expect(await schedule.check()).toEqual(['2026-Q3']);
    expect(pipeline.runs).toEqual(['2026-Q3', '2026-10', '2026-Q3']);
  });

  it('keeps a pipeline error message, which names only the subgraph and the period', async () => {
    const pipeline = fakePipeline(
      CLOSED.filter((p) => p !== '2026-10'),
      () => new StatisticsPipelineError('searches: unreachable (TypeError)'),
    );
    schedule = startStatisticsSchedule(pipeline.options);
    expect(await schedule.check()).toEqual([]);
    expect(pipeline.lines).toEqual([
      {
        level: 'warn',
        line: 'statistics: publishing 2026-10 failed, retrying at the next check: searches: unreachable (TypeError)',
      },
    ]);
  });

  it('notes a period with no records once and does not retry it until restart', async () => {
    const pipeline = fakePipeline(
      CLOSED.filter((p) => p !== '2026-10'),
      (period) => (period === '2026-10' ? new StatisticsPipelineError('no records', 'NOTHING_TO_PUBLISH') : null),
    );
    schedule = startStatisticsSchedule(pipeline.options);
    await schedule.check();
    await schedule.check();
    expect(pipeline.runs).toEqual(['2026-10']);
    expect(pipeline.lines.map((l) => l.level)).toEqual(['info']);
  });

  it('survives the statistics subgraph being unreachable when it asks what is published', async () => {
    const pipeline = fakePipeline([]);
    schedule = startStatisticsSchedule({
      ...pipeline.options,
      publishedPeriods: () => Promise.reject(new StatisticsPipelineError('statistics: unreachable (TypeError)')),
    });
    await expect(schedule.check()).resolves.toEqual([]);
    expect(pipeline.runs).toEqual([]);
    expect(pipeline.lines[0]?.level).toBe('warn');
  });

  it('checks on its interval, never twice at once, and not after stop', async () => {
    vi.useFakeTimers();
    const pipeline = fakePipeline(CLOSED);
    const asked: number[] = [];
    let release: () => void = () => undefined;
    schedule = startStatisticsSchedule({
      ...pipeline.options,
      intervalSeconds: 60,
      publishedPeriods: async (periods) => {
        asked.push(periods.length);
        // The first check hangs until released, like a slow subgraph.
        if (asked.length === 1) {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
        return pipeline.options.publishedPeriods(periods);
      },
    });
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(1);
    release();
    // Waits for the slow check to end; starts none of its own.
    await schedule.check();
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(2);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(asked).toHaveLength(2);
  });
});
