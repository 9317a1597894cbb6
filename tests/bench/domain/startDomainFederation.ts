import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_V8_FLAGS, mintDevToken } from '@amparo/gateway';
import { createTestDatabase, openDatabase, type Database } from '@amparo/kit';
import { generateInternalKeyPair, type Role } from '@amparo/schema';
import { ALL_SUBGRAPHS } from '../../src/startFederation.js';
import { spawnDomainChild, type DomainChild } from './domainChildProcess.js';

export interface DomainProcess {
  readonly name: string;
  readonly url: string;
  readonly child: DomainChild;
}

export interface DomainFederation {
  readonly gateway: DomainProcess;
  readonly subgraphs: ReadonlyMap<string, DomainProcess>;
  /** Connection string of the throwaway database every subgraph stores its schema in. */
  readonly databaseUrl: string;
  /** A dev-issuer token the gateway accepts (as tests/src/startFederation.ts tokenFor). */
  tokenFor(role: Role, options?: { org?: string; orgKind?: string; sub?: string }): Promise<string>;
  /** A connection to one subgraph's schema, for bulk loads and invariant checks (closed with the federation). */
  database(subgraph: string): Promise<Database>;
  close(): Promise<void>;
}

const SUBGRAPH_START_MS = 15 * 60_000;
const PROFILES_DIR = fileURLToPath(new URL('../results/profiles/', import.meta.url));

/**
 * `BENCH_DOMAIN_PROFILE=gateway` (or a subgraph's name, or a comma list)
 * runs that process under `node --cpu-prof`; the profile is written when the
 * bench stops it, to results/profiles/<name>/; summarise the largest file
 * (the main thread) with summarizeCpuProfile.ts.
 */
function profileFlags(name: string): string[] {
  const profiled = (process.env.BENCH_DOMAIN_PROFILE ?? '').split(',').map((p) => p.trim());
  // A directory per process: node writes one profile per thread (tsx's loader thread included).
  return profiled.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILES_DIR, name)}`] : [];
}

/**
 * The whole federation as production runs it, one process per subgraph and
 * one for the gateway (firewall on, dev-issuer JWTs, signed internal
 * tokens), on a PostgreSQL database created here and dropped by close().
 * Each subgraph seeds its demo data at `seedScale` when it starts; the
 * subgraphs start one after another so their migrations never race on the
 * shared database's extensions.
 */
export async function startDomainFederation(options: {
  readonly serverUrl: string;
  readonly seedScale: number;
  readonly progress: (line: string) => void;
  /** Receives the clean-up (children, database) as soon as there is something to clean, for signal handlers. */
  readonly onCleanup?: (close: () => Promise<void>) => void;
}): Promise<DomainFederation> {
  const database = await createTestDatabase(options.serverUrl);
  const databaseUrl = database.url;
  if (!databaseUrl) throw new Error('the domain bench needs a PostgreSQL server');
  options.progress(`throwaway database ${new URL(databaseUrl).pathname.slice(1)} created`);
  const keys = await generateInternalKeyPair();
  const stateDir = mkdtempSync(join(tmpdir(), 'amparo-domain-bench-'));
  const children: DomainChild[] = [];
  const subgraphs = new Map<string, DomainProcess>();
  const databases = new Map<string, Database>();
  const close = async () => {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    await Promise.all([...databases.values()].map((d) => d.close().catch(() => undefined)));
    await database.drop().catch((error: unknown) => {
      options.progress(`could not drop the throwaway database: ${error instanceof Error ? error.message : error}`);
    });
    rmSync(stateDir, { recursive: true, force: true });
  };
  options.onCleanup?.(close);
  try {
    for (const definition of ALL_SUBGRAPHS) {
      const started = Date.now();
      options.progress(`starting ${definition.name} (migrate + seed at scale ${options.seedScale})…`);
      const child = spawnDomainChild(definition.name, profileFlags(definition.name));
      children.push(child);
      const url = await child.start(
        {
          type: 'start-subgraph',
          name: definition.name,
          databaseUrl,
          internalPublicJwk: keys.publicJwk,
          seedScale: options.seedScale,
        },
        SUBGRAPH_START_MS,
      );
      subgraphs.set(definition.name, { name: definition.name, url, child });
      options.progress(
        `${definition.name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`,
      );
    }
    // Minted before the gateway starts, so the dev issuer's key file is created once.
    await mintDevToken(stateDir, { role: 'public' });
    // The gateway runs with the flags its start scripts give it in production.
    const gatewayChild = spawnDomainChild('gateway', [...GATEWAY_V8_FLAGS, ...profileFlags('gateway')]);
    children.push(gatewayChild);
    const gatewayUrl = await gatewayChild.start(
      {
        type: 'start-gateway',
        subgraphUrls: Object.fromEntries([...subgraphs.values()].map((s) => [s.name, s.url])),
        internalPrivateJwk: keys.privateJwk,
        stateDir,
      },
      120_000,
    );
    options.progress(`gateway ready at ${gatewayUrl} (pid ${gatewayChild.pid}, firewall on)`);
    return {
      gateway: { name: 'gateway', url: gatewayUrl, child: gatewayChild },
      subgraphs,
      databaseUrl,
      tokenFor: (role, o = {}) =>
        mintDevToken(stateDir, { role, org: o.org, orgKind: o.orgKind, sub: o.sub, ttlSeconds: 6 * 3600 }),
      async database(name) {
        const open = databases.get(name);
        if (open) return open;
        const definition = ALL_SUBGRAPHS.find((d) => d.name === name);
        if (!definition) throw new Error(`unknown subgraph ${name}`);
        const db = await openDatabase({
          url: databaseUrl,
          dataDir: 'memory://',
          schema: name,
          extensions: definition.extensions ?? [],
        });
        databases.set(name, db);
        return db;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
