import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './childMessages.js';

const ENTRY = fileURLToPath(new URL('./benchChild.ts', import.meta.url));

export interface BenchChild {
  readonly pid: number;
  request(message: ParentMessage, timeoutMs?: number): Promise<ChildMessage>;
  /** Peak resident set size so far, from /proc/<pid>/status VmHWM (MB). */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

export function spawnBenchChild(extraExecArgv: readonly string[] = []): BenchChild {
  const child: ChildProcess = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx', ...extraExecArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start a child process');
  return {
    pid,
    request(message, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child ${pid} did not answer ${message.type}`)), timeoutMs);
        child.once('message', (answer: ChildMessage) => {
          clearTimeout(timer);
          resolve(answer);
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`child ${pid} exited with ${code}`));
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
    async stop() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
