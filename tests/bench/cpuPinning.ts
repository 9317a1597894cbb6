import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * The reference benchmark runs the gateway on cores of its own. Here one
 * machine holds the gateway, the subgraphs and the load generator; pinning
 * the gateway under test to the last core and everything else to the others
 * keeps the subgraphs' and autocannon's work from being charged to the
 * gateway's throughput (without it, req/s compresses every gateway towards
 * the same number). Uses taskset(1) on every thread of the process; false
 * when that is not possible (no taskset, one core, not Linux).
 */
export interface CpuLayout {
  /** The gateway's core(s), as a taskset list. */
  readonly gateway: string;
  /** Everything else's. */
  readonly rest: string;
}

export function cpuLayout(): CpuLayout | null {
  const count = cpus().length;
  if (process.platform !== 'linux' || count < 2) return null;
  return { gateway: String(count - 1), rest: count === 2 ? '0' : `0-${count - 2}` };
}

export function pinProcess(pid: number, cpuList: string): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpuList, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
