import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindabilitySyncError, type FindabilitySyncSummary } from './runFindabilitySync.js';
import { startFindabilitySync } from './startFindabilitySync.js';

const summary: FindabilitySyncSummary = { findable: 2, added: 1, updated: 0, removed: 1, unchanged: 1 };
const quietLog = () => ({ info: vi.fn(), error: vi.fn() });

afterEach(() => {
  vi.useRealTimers();
});

describe('startFindabilitySync', () => {
  it('runs at once and then every interval, logging counts only', async () => {
    vi.useFakeTimers();
    const run = vi.fn(async () => summary);
    const log = quietLog();
    const schedule = startFindabilitySync({ intervalSeconds: 60, run, log });
    expect(run).toHaveBeenCalledTimes(1);
    await schedule?.running;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    schedule?.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ added: 1, removed: 1 }), 'findability sync done');
  });

  it('never runs two syncs at once, and survives a failed one', async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    const run = vi
      .fn<() => Promise<FindabilitySyncSummary>>()
      .mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            release = () => resolve(summary);
          }),
      )
      .mockRejectedValueOnce(new FindabilitySyncError('searches: not allowed'))
      .mockResolvedValue(summary);
    const log = quietLog();
    const schedule = startFindabilitySync({ intervalSeconds: 10, run, log });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await schedule?.running;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2);
    await schedule?.running;
    expect(log.error).toHaveBeenCalledWith(
      { err: { name: 'FindabilitySyncError', message: 'searches: not allowed' } },
      'findability sync failed; the next run retries',
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(3);
    schedule?.stop();
  });

  it('names any other error without its message, which may quote what it read', async () => {
    let parseError: unknown;
    try {
      JSON.parse('Rosa Ixcoy, GT');
    } catch (error) {
      parseError = error;
    }
    expect(String((parseError as Error).message)).toContain('Rosa');
    const log = quietLog();
    const schedule = startFindabilitySync({ intervalSeconds: 60, run: () => Promise.reject(parseError), log });
    await schedule?.running;
    schedule?.stop();
    expect(log.error).toHaveBeenCalledWith(
      { err: { name: 'SyntaxError' } },
      'findability sync failed; the next run retries',
    );
  });

  it('is disabled by an interval of 0', () => {
    const run = vi.fn(async () => summary);
    expect(startFindabilitySync({ intervalSeconds: 0, run, log: quietLog() })).toBeNull();
    expect(run).not.toHaveBeenCalled();
  });
});
