import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuYardstickMs } from '../cpuYardstick.js';
import { round } from '../latencyStats.js';
import {
  cpuSeconds,
  machineBusySeconds,
  peakRssMb,
  postgresCpuByPid,
  postgresCpuSince,
  resetPeakRss,
} from '../processStats.js';
import { checkpoint } from './checkpoint.js';
import { readPostgresSettings, sharedBuffersWarning, type PostgresSettings } from './postgresSettings.js';
import { closedLoopLoad, type LatencySummary } from './closedLoopLoad.js';
import { domainSettings } from './domainSettings.js';
import type { LatencyWorkload, WorkloadContext } from './domainWorkload.js';
import { startDomainFederation, type DomainFederation } from './startDomainFederation.js';
import { runBookingContention, type ContentionResult } from './workloads/bookingContention.js';
import { casePage } from './workloads/casePage.js';
import { catalogueSearch } from './workloads/catalogueSearch.js';
import { missingPersonSearch } from './workloads/missingPersonSearch.js';
import { statisticsTable } from './workloads/statisticsTable.js';

/**
 * Issue 10's domain workloads through Amparo's whole federation: one
 * process per subgraph and one for the gateway (firewall on, real JWTs,
 * signed internal tokens), over HTTP, on a throwaway PostgreSQL database
 * created here and dropped at the end; the load comes from this process.
 * Env: BENCH_DOMAIN_DURATION (s per workload, 10), BENCH_DOMAIN_CONNECTIONS
 * (20), BENCH_DOMAIN_FOUND_RECORDS (1000000), BENCH_DOMAIN_SERVICES
 * (100000), BENCH_DOMAIN_CONTENDERS (50), BENCH_DOMAIN_CONTENTION_ROUNDS (5),
 * BENCH_DOMAIN_WARMUP (s, 2), BENCH_DOMAIN_SINGLE_CLIENT (s of one client
 * alone after each run, 3; 0 skips), BENCH_DOMAIN_WORKLOADS (comma list),
 * BENCH_DOMAIN_DATABASE_URL (server, postgres://postgres@127.0.0.1:5432/postgres).
 * Targets are reported, never asserted; the exit code is 1 when a workload
 * failed (a wrong answer, or the booking invariant broken) or could not run.
 */

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
const LATENCY_WORKLOADS: readonly LatencyWorkload[] = [catalogueSearch, casePage, missingPersonSearch, statisticsTable];
const CONTENTION = 'booking-contention';
/** The demo seed's documented volume: 5,000 cases, 600 services, 320 interpreters, 10,000 found persons. */
const SEED_SCALE = 1;

interface WorkloadEntry {
  workload: string;
  description: string;
  status: 'ok' | 'failed' | 'could-not-run';
  reason?: string;
  requests?: number;
  requestsPerSecond?: number;
  latencyMs?: LatencySummary;
  errors?: number;
  failures?: number;
  failureReasons?: readonly string[];
  /** MB, per process: the gateway and the subgraphs serving the workload, peak during the workload. */
  peakRssMb?: Record<string, number | null>;
  /**
   * CPU ms per request during the measured run: the gateway and each subgraph
   * serving the workload, `postgres` (every postgres process of a server on
   * this machine; null for a remote one), and `machine` (every process,
   * PostgreSQL and the load generator included) — where the 2 cores went.
   */
  cpuMsPerRequest?: Record<string, number | null>;
  targetP95Ms: number | null;
  met: 'yes' | 'no' | 'n/a';
  dataset?: Readonly<Record<string, number | string>>;
  observed?: Readonly<Record<string, number | string>>;
  /**
   * The CPU yardstick (cpuYardstick.ts, ms) just before the warm-up and just
   * after the measured run, the federation idle both times: this VM's speed
   * can change within minutes, so a run between two different readings
   * straddled a change.
   */
  yardstickMs?: { before: number; after: number };
  /** One client alone, after the measured run: latency without queueing. */
  singleClient?: { requestsPerSecond: number; latencyMs: LatencySummary; errors: number; failures: number };
  contention?: Omit<ContentionResult, 'latencyMs' | 'dataset' | 'requests' | 'requestsPerSecond' | 'status'>;
}

const started = Date.now();
const log = (line: string) =>
  process.stdout.write(`[domain ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}\n`);

/** The gateway's and the workload's subgraphs' pids, by name. */
function processesOf(federation: DomainFederation, subgraphs: readonly string[]): [string, number | undefined][] {
  return [
    ['gateway', federation.gateway.child.pid],
    ...subgraphs.map((s): [string, number | undefined] => [s, federation.subgraphs.get(s)?.child.pid]),
  ];
}

function resetPeaks(federation: DomainFederation, subgraphs: readonly string[]): boolean {
  return processesOf(federation, subgraphs).every(([, pid]) => pid !== undefined && resetPeakRss(pid));
}

function peaks(federation: DomainFederation, subgraphs: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(
    processesOf(federation, subgraphs).map(([name, pid]) => [name, pid === undefined ? null : peakRssMb(pid)]),
  );
}

interface CpuReadings {
  /** CPU seconds so far of the gateway, each subgraph of the workload, and the whole machine. */
  readonly processes: Record<string, number | null>;
  /** Per postgres process, when the server runs on this machine. */
  readonly postgres: Map<number, number> | null;
}

function cpuReadings(federation: DomainFederation, subgraphs: readonly string[]): CpuReadings {
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(federation.databaseUrl).hostname);
  return {
    processes: Object.fromEntries([
      ...processesOf(federation, subgraphs).map(([name, pid]) => [name, pid === undefined ? null : cpuSeconds(pid)]),
      ['machine', machineBusySeconds()],
    ]),
    postgres: local ? postgresCpuByPid() : null,
  };
}

function cpuPerRequest(before: CpuReadings, after: CpuReadings, requests: number): Record<string, number | null> {
  const perRequest = (seconds: number | null) =>
    seconds === null || requests === 0 ? null : round((seconds * 1000) / requests, 2);
  const { machine: _, ...processes } = after.processes;
  const delta = (name: string, end: number | null | undefined) => {
    const start = before.processes[name];
    return end === null || end === undefined || start === null || start === undefined ? null : end - start;
  };
  return {
    ...Object.fromEntries(Object.entries(processes).map(([name, end]) => [name, perRequest(delta(name, end))])),
    postgres: before.postgres ? perRequest(postgresCpuSince(before.postgres)) : null,
    machine: perRequest(delta('machine', after.processes.machine)),
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<number> {
  const settings = domainSettings();
  const known = [...LATENCY_WORKLOADS.map((w) => w.name), CONTENTION];
  const unknown = settings.workloads?.filter((w) => !known.includes(w)) ?? [];
  if (unknown.length > 0)
    throw new Error(`BENCH_DOMAIN_WORKLOADS: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const wanted = (name: string) => !settings.workloads || settings.workloads.includes(name);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
    /** ms, before the federation starts and after it stopped: see cpuYardstick.ts. */
    yardstickMsAtStart: cpuYardstickMs(),
    postgres: 'unknown',
    postgresSettings: null as PostgresSettings | null,
  };
  log(
    `domain workloads: ${settings.services} services, ${settings.foundRecords} found-person records, ` +
      `${settings.connections} clients × ${settings.durationSeconds} s per workload, ${settings.contenders} contenders`,
  );
  // Interrupted, even while seeding, it still stops the children and drops the throwaway database.
  let cleanup: (() => Promise<void>) | undefined;
  const interrupted = () => {
    log('interrupted: stopping the federation and dropping the throwaway database');
    void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const federation = await startDomainFederation({
    serverUrl: settings.serverUrl,
    seedScale: SEED_SCALE,
    progress: log,
    onCleanup: (close) => {
      cleanup = close;
    },
  });
  const entries: WorkloadEntry[] = [];
  let peakResetWorks = true;
  try {
    const server = await federation.database('services');
    machine.postgresSettings = await readPostgresSettings(server);
    machine.postgres = machine.postgresSettings.server_version;
    log(
      `PostgreSQL ${Object.entries(machine.postgresSettings)
        .map(([name, value]) => `${name} ${value}`)
        .join(', ')}`,
    );
    const context: WorkloadContext = {
      federation,
      settings,
      progress: log,
      async post(query, variables = {}, token) {
        const response = await fetch(federation.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, text: await response.text() };
      },
    };

    for (const workload of LATENCY_WORKLOADS.filter((w) => wanted(w.name))) {
      const entry: WorkloadEntry = {
        workload: workload.name,
        description: workload.description,
        status: 'ok',
        targetP95Ms: workload.targetP95Ms,
        met: 'n/a',
      };
      entries.push(entry);
      try {
        log(`${workload.name}: preparing`);
        const prepared = await workload.prepare(context);
        entry.dataset = prepared.dataset;
        const warning = await sharedBuffersWarning(server);
        if (warning) log(`${workload.name}: ${warning}`);
        await checkpoint(federation, log);
        const yardstickBefore = cpuYardstickMs();
        log(`${workload.name}: warm-up ${settings.warmupSeconds} s`);
        await closedLoopLoad({
          url: federation.gateway.url,
          connections: settings.connections,
          durationSeconds: settings.warmupSeconds,
          next: prepared.next,
        });
        prepared.observed?.();
        peakResetWorks = resetPeaks(federation, workload.subgraphs) && peakResetWorks;
        log(`${workload.name}: ${settings.connections} clients for ${settings.durationSeconds} s`);
        const cpuBefore = cpuReadings(federation, workload.subgraphs);
        const result = await closedLoopLoad({
          url: federation.gateway.url,
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          next: prepared.next,
          progress: log,
        });
        const yardstickAfter = cpuYardstickMs();
        Object.assign(entry, {
          requests: result.requests,
          requestsPerSecond: result.requestsPerSecond,
          latencyMs: result.latencyMs,
          errors: result.errors,
          failures: result.failures,
          failureReasons: result.failureReasons,
          peakRssMb: peaks(federation, workload.subgraphs),
          cpuMsPerRequest: cpuPerRequest(cpuBefore, cpuReadings(federation, workload.subgraphs), result.requests),
          observed: prepared.observed?.(),
          yardstickMs: { before: yardstickBefore, after: yardstickAfter },
        });
        log(
          `${workload.name}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} / p95 ${result.latencyMs.p95} / ` +
            `p99 ${result.latencyMs.p99} ms, ${result.failures} wrong, ${result.errors} errors; ` +
            `CPU yardstick ${yardstickBefore} ms before, ${yardstickAfter} after`,
        );
        for (const reason of result.failureReasons) log(`  failure: ${reason}`);
        let singleClientFailed = false;
        if (settings.singleClientSeconds > 0) {
          log(`${workload.name}: 1 client alone for ${settings.singleClientSeconds} s`);
          const alone = await closedLoopLoad({
            url: federation.gateway.url,
            connections: 1,
            durationSeconds: settings.singleClientSeconds,
            next: prepared.next,
          });
          entry.singleClient = {
            requestsPerSecond: alone.requestsPerSecond,
            latencyMs: alone.latencyMs,
            errors: alone.errors,
            failures: alone.failures,
          };
          singleClientFailed = alone.failures + alone.errors > 0;
          log(`${workload.name}: 1 client: p50 ${alone.latencyMs.p50} / p95 ${alone.latencyMs.p95} ms`);
          for (const reason of alone.failureReasons) log(`  failure (1 client): ${reason}`);
        }
        entry.status =
          result.requests > 0 && result.failures === 0 && result.errors === 0 && !singleClientFailed ? 'ok' : 'failed';
        if (workload.targetP95Ms !== null) {
          entry.met = entry.status === 'ok' && result.latencyMs.p95 < workload.targetP95Ms ? 'yes' : 'no';
        }
      } catch (error) {
        entry.status = 'could-not-run';
        entry.reason = errorText(error);
        log(`${workload.name}: could not run — ${entry.reason}`);
      }
    }

    if (wanted(CONTENTION)) {
      const entry: WorkloadEntry = {
        workload: CONTENTION,
        description: `${settings.contenders} clients confirm one interpreter for one slot at once; exactly one may win`,
        status: 'ok',
        targetP95Ms: null,
        met: 'n/a',
      };
      entries.push(entry);
      try {
        log(`${CONTENTION}: ${settings.contentionRounds} races of ${settings.contenders} clients`);
        peakResetWorks = resetPeaks(federation, ['interpreters']) && peakResetWorks;
        const result = await runBookingContention(context);
        const { latencyMs, dataset, requests, requestsPerSecond, status, ...contention } = result;
        Object.assign(entry, {
          status,
          requests,
          requestsPerSecond,
          latencyMs,
          errors: result.errors,
          failures: result.failures,
          failureReasons: result.failureReasons,
          peakRssMb: peaks(federation, ['interpreters']),
          dataset,
          contention,
        });
        log(`${CONTENTION}: invariant ${result.invariant}; p50 ${latencyMs.p50} / p95 ${latencyMs.p95} ms`);
      } catch (error) {
        entry.status = 'could-not-run';
        entry.reason = errorText(error);
        log(`${CONTENTION}: could not run — ${entry.reason}`);
      }
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    log('stopping the federation and dropping the throwaway database');
    await federation.close();
  }

  const report = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l, 2)), yardstickMsAtEnd: cpuYardstickMs() },
    settings: { ...settings, serverUrl: undefined, seedScale: SEED_SCALE },
    federation:
      'five subgraph processes + the gateway (firewall on, dev-issuer JWTs, signed internal tokens) over HTTP, PostgreSQL',
    peakRss: peakResetWorks
      ? 'VmHWM per process, reset (clear_refs) before each workload: the peak during that workload'
      : 'VmHWM per process since it started (the kernel refused the reset): seeding included',
    workloads: entries,
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const output = join(RESULTS_DIR, 'domain-latest.json');
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\n${machine.cpus} × ${machine.cpuModel}, ${machine.node}, PostgreSQL ${machine.postgres}, load average ` +
      `${machine.loadAverageAtStart.join(' ')} at start; CPU yardstick ${report.machine.yardstickMsAtStart} ms at start, ` +
      `${report.machine.yardstickMsAtEnd} at end; ${settings.connections} clients × ${settings.durationSeconds} s`,
  );
  console.table(
    entries.map((e) => ({
      workload: e.workload,
      status: e.status,
      'req/s': e.requestsPerSecond ?? '-',
      'p50 ms': e.latencyMs?.p50 ?? '-',
      'p95 ms': e.latencyMs?.p95 ?? '-',
      'p99 ms': e.latencyMs?.p99 ?? '-',
      'errors/wrong': e.requests === undefined ? '-' : `${e.errors}/${e.failures}`,
      'gateway RSS MB': e.peakRssMb?.gateway ?? '-',
      'subgraph RSS MB':
        Object.entries(e.peakRssMb ?? {})
          .filter(([name]) => name !== 'gateway')
          .map(([name, mb]) => `${name} ${mb ?? '?'}`)
          .join(', ') || '-',
      '1-client p50 ms': e.singleClient?.latencyMs.p50 ?? '-',
      'target p95': e.targetP95Ms === null ? '-' : `< ${e.targetP95Ms} ms`,
      met: e.met,
    })),
  );
  for (const e of entries) {
    if (e.reason) console.log(`${e.workload}: ${e.status} — ${e.reason}`);
    if (e.contention) console.log(`${e.workload}: invariant ${e.contention.invariant}`);
    if (e.dataset) console.log(`${e.workload} dataset: ${JSON.stringify(e.dataset)}`);
    if (e.cpuMsPerRequest) console.log(`${e.workload} CPU ms per request: ${JSON.stringify(e.cpuMsPerRequest)}`);
  }
  console.log(`written to ${output}`);
  return entries.every((e) => e.status === 'ok') ? 0 : 1;
}

process.exitCode = await main();
