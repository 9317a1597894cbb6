/** A positive number from the environment, or `fallback` when unset. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** A number ≥ 0 from the environment (0 turns something off), or `fallback` when unset. */
function envNonNegative(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
}

/**
 * The domain bench's knobs. Development runs use small sizes (e.g.
 * BENCH_DOMAIN_FOUND_RECORDS=20000 BENCH_DOMAIN_SERVICES=5000
 * BENCH_DOMAIN_DURATION=3); the defaults are the sizes issue 10 names.
 */
export interface DomainSettings {
  /** Seconds of load per workload. */
  readonly durationSeconds: number;
  /** Concurrent clients of the latency workloads. */
  readonly connections: number;
  /** Found-person records the missing-person search matches against. */
  readonly foundRecords: number;
  /** Services in the catalogue. */
  readonly services: number;
  /** Clients racing for one interpretation slot. */
  readonly contenders: number;
  /** Slots raced for (one race each), for a latency distribution over more than one burst. */
  readonly contentionRounds: number;
  /**
   * Seconds of one client alone after each measured run (0: none): the
   * latency without queueing, to tell per-request cost from contention.
   */
  readonly singleClientSeconds: number;
  /**
   * Seconds of warm-up load before each workload's measured run: long enough
   * for V8 to finish optimising the processes' hot code. After 2 s, the
   * case page's first 10 s ran at 105–152 req/s and its 20th–45th at
   * 220–240, with V8's optimising compiler at 10.9 % of the machine's CPU
   * samples in the first 8 s and 0.8 % at 40–48 s (tests/bench/README.md).
   */
  readonly warmupSeconds: number;
  /** Server holding the throwaway database (trust auth). */
  readonly serverUrl: string;
  /** Workloads to run, all by default. */
  readonly workloads: readonly string[] | null;
}

export function domainSettings(): DomainSettings {
  const only = process.env.BENCH_DOMAIN_WORKLOADS;
  return {
    durationSeconds: envNumber('BENCH_DOMAIN_DURATION', 10),
    connections: Math.round(envNumber('BENCH_DOMAIN_CONNECTIONS', 20)),
    foundRecords: Math.round(envNumber('BENCH_DOMAIN_FOUND_RECORDS', 1_000_000)),
    services: Math.round(envNumber('BENCH_DOMAIN_SERVICES', 100_000)),
    contenders: Math.round(envNumber('BENCH_DOMAIN_CONTENDERS', 50)),
    contentionRounds: Math.round(envNumber('BENCH_DOMAIN_CONTENTION_ROUNDS', 5)),
    singleClientSeconds: envNonNegative('BENCH_DOMAIN_SINGLE_CLIENT', 3),
    warmupSeconds: envNumber('BENCH_DOMAIN_WARMUP', 20),
    serverUrl: process.env.BENCH_DOMAIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    workloads: only
      ? only
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean)
      : null,
  };
}
