import { FindabilitySyncError, type FindabilitySyncSummary } from './runFindabilitySync.js';

/** The few logger methods the schedule uses (a pino logger fits). */
export interface SyncLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Runs `run` now and then every `intervalSeconds` (0: never, returns null),
 * never two at once: a run still going when the next is due makes that one
 * skip. Progress and failures go to `log` as counts and error names only —
 * no person is ever named in a log line. The timer does not keep the
 * process alive; `stop()` ends the schedule.
 */
export function startFindabilitySync(options: {
  intervalSeconds: number;
  run: () => Promise<FindabilitySyncSummary>;
  log: SyncLogger;
}): { stop(): void; readonly running: Promise<void> | null } | null {
  if (options.intervalSeconds === 0) return null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    const started = Date.now();
    running = options
      .run()
      .then((summary) => options.log.info({ ...summary, ms: Date.now() - started }, 'findability sync done'))
      .catch((error: unknown) =>
        options.log.error({ err: loggableError(error) }, 'findability sync failed; the next run retries'),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalSeconds * 1000);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get running() {
      return running;
    },
  };
}

/**
 * Our own errors' messages are fixed texts and the kit's error catalogue;
 * any other error is named only: a JSON parse error quotes the body it read,
 * and the bodies of this sync are lists of people.
 */
function loggableError(error: unknown): { name: string; message?: string } {
  if (error instanceof FindabilitySyncError) return { name: error.name, message: error.message };
  return { name: error instanceof Error ? error.name : typeof error };
}
