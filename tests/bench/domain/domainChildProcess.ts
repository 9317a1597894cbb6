import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DomainChildMessage, DomainParentMessage } from './domainMessages.js';

const ENTRY = fileURLToPath(new URL('./domainChild.ts', import.meta.url));

export interface DomainChild {
  readonly pid: number;
  /** Sends one start message and waits for `ready` (its URL) or throws the child's reason. */
  start(message: Exclude<DomainParentMessage, { type: 'stop' }>, timeoutMs: number): Promise<string>;
  /** Peak resident set size since the last reset, from /proc/<pid>/status VmHWM (MB). */
  peakRssMb(): number | null;
  /**
   * Resets the peak (writing 5 to /proc/<pid>/clear_refs), so each workload
   * reports its own peak rather than the seeding's. False when the kernel refuses.
   */
  resetPeakRss(): boolean;
  stop(): Promise<void>;
}

export function spawnDomainChild(label: string): DomainChild {
  const child: ChildProcess = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start a child process for ${label}`);
  return {
    pid,
    start(message, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label} did not start within ${timeoutMs} ms`)), timeoutMs);
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`${label} exited with ${code}`));
        };
        child.once('exit', onExit);
        child.once('message', (answer: DomainChildMessage) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          if (answer.type === 'ready') resolve(answer.url);
          else reject(new Error(`${label} did not start: ${answer.reason}`));
        });
        child.send(message);
      });
    },
    peakRssMb() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match?.[1] ? Math.round(Number(match[1]) / 1024) : null;
      } catch {
        return null;
      }
    },
    resetPeakRss() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' } satisfies DomainParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
