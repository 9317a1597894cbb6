import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('./startFederation.ts', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'amparo-launcher-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('npm start with a wrong setting', () => {
  it.each([
    ['STATS_SCHEDULE_INTERVAL_SECONDS', 'abc'],
    ['FINDABILITY_SYNC_INTERVAL_SECONDS', '-5'],
  ])('refuses %s=%s before any subgraph starts', (name, value) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', launcher], {
      env: { ...process.env, AMPARO_STATE_DIR: stateDir, [name]: value, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`amparo: cannot start: ${name}`);
    // The store line is printed just before the subgraphs are spawned.
    expect(run.stdout).not.toContain('store:');
  });
});
