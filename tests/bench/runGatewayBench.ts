import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { GATEWAY_V8_FLAGS, mintDevToken } from '@amparo/gateway';
import { cpuYardstickMs } from './cpuYardstick.js';
import { spawnBenchChild, type BenchChild } from './benchChildProcess.js';
import { BENCH_SUBGRAPHS } from './benchSubgraphs.js';
import { DEEP_QUERY, SMALL_QUERY } from './benchWorkload.js';
import { referenceProblems, sameAnswer } from './checkResponse.js';
import { GATEWAY_KINDS, GATEWAY_LABELS, type GatewayKind } from './gatewayKinds.js';
import { median, round } from './latencyStats.js';
import { loadGateway, type LoadRound } from './loadGateway.js';
import { cpuLayout, pinProcess } from './cpuPinning.js';
import { cpuSeconds, peakRssMb } from './processStats.js';
import { sequentialP50 } from './measureOverhead.js';

/**
 * The Guild's federation gateway benchmark, rebuilt, run side by side:
 * every gateway in its own child process on the same four subgraphs (one
 * more child), autocannon in this process at fixed concurrency, rounds
 * alternating the gateways. Env: BENCH_DURATION (s per round, 10),
 * BENCH_ROUNDS (3), BENCH_WARMUP (s, 3), BENCH_CONNECTIONS (50),
 * BENCH_OVERHEAD_REQUESTS (500), BENCH_GATEWAYS (comma list, all),
 * BENCH_PROFILE (a gateway kind to run with --cpu-prof).
 */

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const REFERENCE: GatewayKind = 'apollo-gateway';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const settings = {
  durationSeconds: envNumber('BENCH_DURATION', 10),
  rounds: envNumber('BENCH_ROUNDS', 3),
  warmupSeconds: envNumber('BENCH_WARMUP', 3),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  overheadRequests: envNumber('BENCH_OVERHEAD_REQUESTS', 500),
  /** Gateway on a core of its own (see cpuPinning.ts); BENCH_PIN=off shares all cores as before. */
  pin: process.env.BENCH_PIN !== 'off',
};
const wanted = (process.env.BENCH_GATEWAYS ?? GATEWAY_KINDS.join(','))
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is GatewayKind => (GATEWAY_KINDS as readonly string[]).includes(k));
const profiled = process.env.BENCH_PROFILE;

interface GatewayUnderTest {
  readonly kind: GatewayKind;
  readonly child: BenchChild;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  firstBody?: string;
  readonly rounds: MeasuredRound[];
}

/**
 * A load round with the CPU it cost: the gateway process's own and the
 * subgraphs' (one process), per answered request. The machine is shared by
 * the gateway, the subgraphs and autocannon, so req/s compresses the
 * differences between gateways; CPU per request does not.
 */
interface MeasuredRound extends LoadRound {
  readonly gatewayCpuMsPerRequest: number | null;
  readonly subgraphsCpuMsPerRequest: number | null;
}

interface GatewayEntry {
  kind: GatewayKind;
  label: string;
  status: 'ok' | 'could-not-run' | 'incorrect';
  reason?: string;
  requestsPerSecond?: number;
  latencyMs?: { p50: number; p95: number; p99: number };
  requests?: number;
  errors?: number;
  non2xx?: number;
  mismatches?: number;
  peakRssMb?: number | null;
  ratioVsApolloGateway?: number | null;
  smallQuery?: { p50Ms: number; overheadMs: number; failures: number };
  rounds?: MeasuredRound[];
  /** Median over the rounds of the gateway process's CPU ms per request. */
  gatewayCpuMsPerRequest?: number | null;
  subgraphsCpuMsPerRequest?: number | null;
  /** Stock @apollo/gateway's CPU per request divided by this gateway's: > 1 is cheaper than Apollo. */
  cpuEfficiencyVsApolloGateway?: number | null;
}

/** The first error message of an answer, or its opening when it has none. */
function firstError(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { message?: string; path?: unknown[] }[] };
    const error = body.errors?.[0];
    if (error) return `${error.message ?? 'error'} at ${JSON.stringify(error.path ?? [])}`;
  } catch {
    // Not JSON: show the opening below.
  }
  return text.slice(0, 200);
}

async function post(url: string, query: string, headers: Readonly<Record<string, string>>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
    /** ms, before any process starts: see cpuYardstick.ts. */
    yardstickMsAtStart: cpuYardstickMs(),
  };
  const stateDir = mkdtempSync(join(tmpdir(), 'amparo-bench-'));
  const children: BenchChild[] = [];
  const entries = new Map<GatewayKind, GatewayEntry>();
  const running: GatewayUnderTest[] = [];
  try {
    // Subgraphs in one child of their own.
    const subgraphChild = spawnBenchChild();
    children.push(subgraphChild);
    const subgraphsReady = await subgraphChild.request({ type: 'start-subgraphs' });
    if (subgraphsReady.type !== 'ready' || !subgraphsReady.urls) {
      throw new Error(`subgraphs did not start: ${subgraphsReady.type === 'failed' ? subgraphsReady.reason : ''}`);
    }
    const subgraphUrls = subgraphsReady.urls;
    const layout = settings.pin ? cpuLayout() : null;
    const pinned =
      layout !== null && pinProcess(process.pid, layout.rest) && pinProcess(subgraphChild.pid, layout.rest);
    const composition = composeServices(
      BENCH_SUBGRAPHS.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: subgraphUrls[s.name] })),
    );
    if (composition.errors || !composition.supergraphSdl) {
      throw new Error(`composition failed: ${composition.errors?.map((e) => e.message).join('; ')}`);
    }
    const options = { supergraphSdl: composition.supergraphSdl, subgraphUrls, stateDir };
    // Minted before any gateway starts, so the dev issuer's key file exists once.
    const token = await mintDevToken(stateDir, { role: 'admin', ttlSeconds: 24 * 3600 });

    for (const kind of wanted) {
      const entry: GatewayEntry = { kind, label: GATEWAY_LABELS[kind], status: 'ok' };
      entries.set(kind, entry);
      const child = spawnBenchChild([
        // Amparo's gateway runs with the flags its start scripts give it; the others with Node's defaults.
        ...(kind.startsWith('amparo-') ? GATEWAY_V8_FLAGS : []),
        ...(profiled === kind ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS_DIR, 'profiles')}`] : []),
      ]);
      children.push(child);
      try {
        const ready = await child.request({ type: 'start-gateway', kind, options });
        if (ready.type !== 'ready' || !ready.url) throw new Error(ready.type === 'failed' ? ready.reason : 'no URL');
        if (pinned && layout && !pinProcess(child.pid, layout.gateway)) throw new Error('could not pin the gateway');
        const headers: Record<string, string> =
          kind === 'amparo-firewall-on' ? { authorization: `Bearer ${token}` } : {};
        running.push({ kind, child, url: ready.url, headers, rounds: [] });
      } catch (error) {
        entry.status = 'could-not-run';
        entry.reason = error instanceof Error ? error.message : String(error);
        await child.stop();
      }
    }

    // Correctness: the reference gateway's first answer, itself checked independently.
    const firsts = new Map<GatewayKind, { status: number; text: string }>();
    for (const g of running) firsts.set(g.kind, await post(g.url, DEEP_QUERY, g.headers));
    const referenceKind = firsts.has(REFERENCE) ? REFERENCE : running[0]?.kind;
    const referenceText = referenceKind ? firsts.get(referenceKind)?.text : undefined;
    if (!referenceText) throw new Error('no gateway answered');
    const problems = referenceProblems(referenceText);
    if (problems.length > 0) throw new Error(`reference answer is wrong: ${problems.join('; ')}`);
    const referenceData = (JSON.parse(referenceText) as { data: unknown }).data;
    const correct: GatewayUnderTest[] = [];
    for (const g of running) {
      const first = firsts.get(g.kind);
      const entry = entries.get(g.kind);
      if (!first || !entry) continue;
      if (first.status !== 200 || !sameAnswer(first.text, referenceData)) {
        entry.status = 'incorrect';
        entry.reason = `HTTP ${first.status}, answer differs from the reference: ${firstError(first.text)}`;
        await g.child.stop();
        continue;
      }
      g.firstBody = first.text;
      correct.push(g);
    }
    const verifierFor = (g: GatewayUnderTest) => (body: string) =>
      body === g.firstBody || sameAnswer(body, referenceData);
    const deepBody = JSON.stringify({ query: DEEP_QUERY });
    // autocannon stops at the cut-off but the gateway still works through the
    // requests it had accepted; one more answered request (queued behind them)
    // and a pause keep that backlog out of the next gateway's round.
    const drain = async (g: GatewayUnderTest) => {
      await post(g.url, DEEP_QUERY, g.headers);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    };

    for (const g of correct) {
      process.stdout.write(`warm-up ${g.kind} (${settings.warmupSeconds} s)\n`);
      await loadGateway({
        url: g.url,
        body: deepBody,
        headers: g.headers,
        connections: settings.connections,
        durationSeconds: settings.warmupSeconds,
        verify: verifierFor(g),
      });
      await drain(g);
    }
    for (let r = 0; r < settings.rounds; r++) {
      // Rotate the order each round so no gateway always runs first or last.
      const order = correct.map((_, i) => correct[(i + r) % correct.length]).filter((g) => g !== undefined);
      for (const g of order) {
        const cpuBefore = [cpuSeconds(g.child.pid), cpuSeconds(subgraphChild.pid)];
        const loaded = await loadGateway({
          url: g.url,
          body: deepBody,
          headers: g.headers,
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          verify: verifierFor(g),
        });
        const cpuAfter = [cpuSeconds(g.child.pid), cpuSeconds(subgraphChild.pid)];
        const perRequest = (i: number) => {
          const start = cpuBefore[i];
          const end = cpuAfter[i];
          return start == null || end == null || loaded.requests === 0
            ? null
            : round(((end - start) * 1000) / loaded.requests, 2);
        };
        const result: MeasuredRound = {
          ...loaded,
          gatewayCpuMsPerRequest: perRequest(0),
          subgraphsCpuMsPerRequest: perRequest(1),
        };
        g.rounds.push(result);
        await drain(g);
        process.stdout.write(
          `round ${r + 1}/${settings.rounds} ${g.kind}: ${result.requestsPerSecond} req/s, p99 ${result.latencyMs.p99} ms\n`,
        );
      }
    }

    // Overhead on a small query, one subgraph, one field, sequential.
    const smallBody = JSON.stringify({ query: SMALL_QUERY });
    const smallData = { me: { name: 'Ada Reyes' } };
    const smallVerify = (text: string) => sameAnswer(text, smallData);
    const direct = await sequentialP50(
      subgraphUrls.accounts ?? '',
      smallBody,
      {},
      settings.overheadRequests,
      smallVerify,
    );
    for (const g of correct) {
      const through = await sequentialP50(g.url, smallBody, g.headers, settings.overheadRequests, smallVerify);
      const entry = entries.get(g.kind);
      if (entry) {
        entry.smallQuery = {
          p50Ms: through.p50,
          overheadMs: round(through.p50 - direct.p50, 3),
          failures: through.failures,
        };
      }
    }

    for (const g of correct) {
      const entry = entries.get(g.kind);
      if (!entry) continue;
      entry.requestsPerSecond = round(median(g.rounds.map((x) => x.requestsPerSecond)), 1);
      entry.latencyMs = {
        p50: round(median(g.rounds.map((x) => x.latencyMs.p50))),
        p95: round(median(g.rounds.map((x) => x.latencyMs.p95))),
        p99: round(median(g.rounds.map((x) => x.latencyMs.p99))),
      };
      entry.requests = g.rounds.reduce((sum, x) => sum + x.requests, 0);
      entry.errors = g.rounds.reduce((sum, x) => sum + x.errors, 0);
      entry.non2xx = g.rounds.reduce((sum, x) => sum + x.non2xx, 0);
      entry.mismatches = g.rounds.reduce((sum, x) => sum + x.mismatches, 0);
      entry.peakRssMb = peakRssMb(g.child.pid);
      const medianOf = (pick: (x: MeasuredRound) => number | null) => {
        const values = g.rounds.map(pick).filter((v): v is number => v !== null);
        return values.length > 0 ? round(median(values), 2) : null;
      };
      entry.gatewayCpuMsPerRequest = medianOf((x) => x.gatewayCpuMsPerRequest);
      entry.subgraphsCpuMsPerRequest = medianOf((x) => x.subgraphsCpuMsPerRequest);
      entry.rounds = g.rounds;
    }
    const apolloRps = entries.get('apollo-gateway')?.requestsPerSecond;
    const apolloCpu = entries.get('apollo-gateway')?.gatewayCpuMsPerRequest;
    for (const entry of entries.values()) {
      entry.ratioVsApolloGateway =
        apolloRps && entry.requestsPerSecond !== undefined ? round(entry.requestsPerSecond / apolloRps, 2) : null;
      entry.cpuEfficiencyVsApolloGateway =
        apolloCpu && entry.gatewayCpuMsPerRequest ? round(apolloCpu / entry.gatewayCpuMsPerRequest, 2) : null;
    }

    const gateways = [...entries.values()];
    const report = {
      date: new Date().toISOString(),
      machine,
      settings: {
        ...settings,
        cpuLayout: pinned ? layout : 'shared',
        amparoV8Flags: GATEWAY_V8_FLAGS,
        gateways: wanted,
        referenceGateway: referenceKind,
      },
      workload:
        'graphql-hive/graphql-gateways-benchmark rebuilt: accounts/inventory/products/reviews (@apollo/subgraph on Mercurius), deep query, every response checked',
      ratioVsApolloGateway: entries.get('amparo-firewall-on')?.ratioVsApolloGateway ?? null,
      cpuEfficiencyVsApolloGateway: entries.get('amparo-firewall-on')?.cpuEfficiencyVsApolloGateway ?? null,
      smallQuery: { query: SMALL_QUERY, directSubgraphP50Ms: direct.p50 },
      gateways,
      elapsedSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(
      pinned && layout
        ? `\ngateway under test pinned to CPU ${layout.gateway}; subgraphs and load generator to CPU ${layout.rest}`
        : '\nall processes share every CPU',
    );
    console.log(
      `${machine.cpus} × ${machine.cpuModel}, ${machine.node}, CPU yardstick ${machine.yardstickMsAtStart} ms at start, ` +
        `${settings.rounds} × ${settings.durationSeconds} s at ${settings.connections} connections (medians of rounds)`,
    );
    console.table(
      gateways.map((g) => ({
        gateway: g.kind,
        status: g.status,
        'req/s': g.requestsPerSecond ?? '-',
        'p50 ms': g.latencyMs?.p50 ?? '-',
        'p95 ms': g.latencyMs?.p95 ?? '-',
        'p99 ms': g.latencyMs?.p99 ?? '-',
        'errors/non2xx/bad': g.requests === undefined ? '-' : `${g.errors}/${g.non2xx}/${g.mismatches}`,
        'peak RSS MB': g.peakRssMb ?? '-',
        'vs apollo': g.ratioVsApolloGateway ?? '-',
        'gateway CPU ms/req': g.gatewayCpuMsPerRequest ?? '-',
        'subgraphs CPU ms/req': g.subgraphsCpuMsPerRequest ?? '-',
        'small p50 overhead ms': g.smallQuery?.overheadMs ?? '-',
      })),
    );
    for (const g of gateways) if (g.reason) console.log(`${g.kind}: ${g.status} — ${g.reason}`);
    console.log(`direct subgraph p50 (small query): ${direct.p50} ms`);
    console.log(`ratioVsApolloGateway (Amparo, firewall on): ${report.ratioVsApolloGateway}`);
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
