import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, SUBGRAPHS, generateInternalKeyPair, readSupergraph } from '@amparo/schema';
import { pino } from 'pino';
import { loadOrCreateDevKeys } from '../auth/devIssuer.js';
import { DEFAULT_STATE_DIR, INTERNAL_KEYS_FILE, loadGatewayConfig } from '../config/gatewayConfig.js';
import { createGateway, type RunningGateway } from '../http/createGateway.js';
import { scheduleFindabilitySync } from '../findability/scheduleFindabilitySync.js';
import { scheduleStatisticsPipeline } from '../statistics/scheduleStatisticsPipeline.js';

/**
 * `npm start`: the five subgraphs as child processes on the embedded store
 * (or PostgreSQL when DATABASE_URL is set), seeded on first run, and the
 * gateway in this process with the dev issuer enabled. Ctrl-C stops all;
 * a subgraph that dies is reported at once.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const stateDir = process.env.AMPARO_STATE_DIR ?? DEFAULT_STATE_DIR;
const say = (line: string) => process.stdout.write(`amparo: ${line}\n`);
const children = new Map<string, ChildProcess>();
let gateway: RunningGateway | undefined;
let stopping = false;
let federationReady = false;
let statisticsSchedule: { stop(): void } | null = null;
let findabilitySync: { stop(): void } | null = null;

function relay(name: string, stream: NodeJS.ReadableStream) {
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        const level = entry.level && entry.level >= 50 ? 'error' : entry.level && entry.level >= 40 ? 'warn' : 'info';
        process.stdout.write(`[${name}] ${level} ${entry.msg ?? line}\n`);
      } catch {
        process.stdout.write(`[${name}] ${line}\n`);
      }
    }
  });
}

async function waitReady(name: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`subgraph ${name} exited during start-up (code ${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`subgraph ${name} was not ready after 120 s`);
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  statisticsSchedule?.stop();
  findabilitySync?.stop();
  // Whatever hangs, the launcher is gone within 10 s and takes its children with it.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000);
  const stopChildren = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000);
      }),
  );
  await Promise.all([gateway?.close().catch(() => undefined), ...stopChildren]);
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  const keys = await generateInternalKeyPair();
  await loadOrCreateDevKeys(stateDir);
  // Local tools (npm run stats:publish) sign with this run's key; never done in production.
  writeFileSync(join(stateDir, INTERNAL_KEYS_FILE), JSON.stringify(keys), { mode: 0o600 });
  const ports = new Map(SUBGRAPHS.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.port)]));
  const urls = Object.fromEntries(
    SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports.get(s.name)}/graphql`]),
  );
  // Read (and refused, when wrong) before any subgraph starts, so a bad
  // setting is reported at once rather than after a minute of seeding.
  const config = loadGatewayConfig({
    ...process.env,
    ...urls,
    INTERNAL_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
    AMPARO_DEV_ISSUER: 'true',
    AMPARO_MODE: 'development',
    AMPARO_STATE_DIR: stateDir,
  });
  say(process.env.DATABASE_URL ? 'store: PostgreSQL (DATABASE_URL)' : `store: embedded PGlite in ${stateDir}/data`);
  const ready = SUBGRAPHS.map((s) => {
    const port = ports.get(s.name) ?? s.port;
    const child = spawn(process.execPath, ['--import', 'tsx', `subgraphs/${s.name}/src/main.ts`], {
      cwd: root,
      env: {
        ...process.env,
        INTERNAL_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
        AMPARO_SEED_ON_EMPTY: 'true',
        AMPARO_MODE: 'development',
        AMPARO_DATA_DIR: `${stateDir}/data`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(s.name, child);
    relay(s.name, child.stdout as NodeJS.ReadableStream);
    relay(s.name, child.stderr as NodeJS.ReadableStream);
    child.on('exit', (code, signal) => {
      if (!stopping && federationReady) {
        say(
          `subgraph ${s.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); its fields now answer with errors. Stop with Ctrl-C and check the lines above.`,
        );
      }
    });
    return waitReady(s.name, port, child);
  });
  await Promise.all(ready);
  gateway = await createGateway(config, readSupergraph(), pino({ name: 'gateway', level: config.logLevel }));
  federationReady = true;
  say(`federation ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`gateway  ${gateway.url}`);
  // Issue 7: women who consented to be found (TO_BE_FOUND) reach the searches subgraph.
  findabilitySync = await scheduleFindabilitySync(config, pino({ name: 'findability-sync', level: config.logLevel }));
  say(
    findabilitySync
      ? `findability sync: every ${config.findabilitySync.intervalSeconds} s (npm run findability:sync runs it once)`
      : 'findability sync: disabled (FINDABILITY_SYNC_INTERVAL_SECONDS=0)',
  );
  // Issue 8: each closed month, quarter and year is published once its grace period has passed.
  const statisticsLog = pino({ name: 'statistics-schedule', level: config.logLevel });
  statisticsSchedule = await scheduleStatisticsPipeline(config, {
    info: (line) => statisticsLog.info(line),
    warn: (line) => statisticsLog.warn(line),
  });
  say(
    statisticsSchedule
      ? `statistics: closed periods published ${config.statisticsSchedule.graceDays} days after they close (checked every ${config.statisticsSchedule.intervalSeconds} s)`
      : 'statistics: scheduled publishing disabled (STATS_SCHEDULE_INTERVAL_SECONDS=0)',
  );
  say(
    'try:     curl -s localhost:4000/graphql -H "content-type: application/json" -d \'{"query":"{ services(first: 3) { totalCount edges { node { name city organization { name } } } } }"}\'',
  );
  say('token:   npm run token -- --role caseworker --org <organizationId>');
} catch (error) {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  say(`cannot start: ${message}`);
  await stop(1);
}
