import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS } from '@amparo/kit';
import { startFederation, type Federation } from '../src/index.js';

/**
 * The SDK as partners get it: built, packed with `npm pack`, installed from
 * the tarball alone into a fresh project, an example integration compiled
 * with `tsc --strict` and run with node against the whole federation.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const sdk = join(repo, 'sdk');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const project = mkdtempSync(join(tmpdir(), 'amparo-sdk-consumer-'));
let federation: Federation;
let installedWith = '';

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  const started = startFederation({ seedScale: 0.05 });
  run('npm', ['run', 'build', '--silent'], sdk);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', project], sdk)) as {
    filename: string;
  }[];
  const tarball = join(project, packed[0]!.filename);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'partner-integration', private: true, type: 'module' }),
  );
  try {
    run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline', '--ignore-scripts'], project);
    installedWith = 'npm install';
  } catch {
    // Offline npm may refuse without a cache; the SDK has no dependencies, so unpacking is equivalent.
    const target = join(project, 'node_modules/@amparo/sdk');
    run('mkdir', ['-p', target], project);
    run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], project);
    installedWith = 'tar';
  }
  cpSync(join(here, 'example'), join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        outDir: 'out',
        rootDir: 'src',
        // Node's types only (no DOM lib): the SDK must type-check for a plain Node consumer.
        lib: ['ES2022'],
        typeRoots: [join(repo, 'node_modules/@types')],
        types: ['node'],
        skipLibCheck: false,
      },
      include: ['src'],
    }),
  );
  federation = await started;
}, 300_000);

afterAll(async () => {
  await federation?.close();
  rmSync(project, { recursive: true, force: true });
});

describe('the @amparo/sdk tarball', () => {
  it('installs alone: no dependencies, only the built files', () => {
    expect(installedWith).not.toBe('');
    const manifest = JSON.parse(run('cat', ['node_modules/@amparo/sdk/package.json'], project)) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(project, 'node_modules/@amparo/sdk/dist')).sort()).toEqual([
      'index.cjs',
      'index.d.cts',
      'index.d.ts',
      'index.js',
    ]);
  });

  it('loads from CommonJS and ESM, and its ESM bundle imports nothing (browser-safe)', async () => {
    const cjs = run(
      process.execPath,
      ['-e', "process.stdout.write(typeof require('@amparo/sdk').createClient)"],
      project,
    );
    expect(cjs).toBe('function');
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { AmparoError } from '@amparo/sdk'; process.stdout.write(AmparoError.name)",
      ],
      project,
    );
    expect(esm).toBe('AmparoError');
    const bundle = readFileSync(join(project, 'node_modules/@amparo/sdk/dist/index.js'), 'utf8');
    expect(bundle).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(|\bprocess\.|\bBuffer\b/m);
  });

  it('compiles an example integration with tsc --strict, type errors included', () => {
    const output = (() => {
      try {
        return run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(output).toBe('');
  }, 120_000);

  it('runs the integration against the federation with trusted documents', async () => {
    const org = DEMO_PROVIDER_ORGANIZATIONS[0]!;
    const token = await federation.tokenFor('caseworker', { org: org.id, orgKind: org.kind, sub: 'sdk-e2e' });
    // Asynchronously: the federation lives in this process and must keep answering.
    const { stdout } = await promisify(execFile)(process.execPath, ['out/integration.js'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, AMPARO_URL: federation.gateway.url, AMPARO_TOKEN: token, AMPARO_ORG_ID: org.id },
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, never>;
    expect(result).toMatchObject({
      firstPage: { size: 3 },
      opened: { status: 'OPEN', referenceCode: expect.stringMatching(/^AMP-/) },
      referral: { status: 'PENDING' },
      listedReferred: true,
      closed: { status: 'CLOSED', closureReason: 'REFERRED_ELSEWHERE' },
      refusal: { code: 'BAD_USER_INPUT', fields: ['input.countryOfAssistance'] },
      anonymous: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN|BAD_USER_INPUT)$/),
    });
    const { walked, referral, casePage, refusal } = result as unknown as {
      walked: string[];
      referral: { id: string; serviceId: string };
      casePage: { status: string; referrals: { id: string; serviceId: string; serviceName: string }[] };
      refusal: { requestId: string };
    };
    // Ten distinct services over three pages of four: the cursor advanced each time.
    expect(new Set(walked).size).toBe(10);
    expect(casePage.status).toBe('REFERRED');
    expect(casePage.referrals).toEqual([
      { id: referral.id, serviceId: referral.serviceId, serviceName: expect.any(String) },
    ]);
    expect(refusal.requestId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);
});
