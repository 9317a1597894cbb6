import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './childMessages.js';
import { forkChild } from './forkChild.js';

const ENTRY = fileURLToPath(new URL('./benchChild.ts', import.meta.url));

/** The gateway bench's child: the four subgraphs, or one gateway under test. */
export interface BenchChild {
  readonly pid: number;
  request(message: ParentMessage, timeoutMs?: number): Promise<ChildMessage>;
  stop(): Promise<void>;
}

export function spawnBenchChild(extraExecArgv: readonly string[] = []): BenchChild {
  const child = forkChild<ParentMessage, ChildMessage>(ENTRY, 'bench child', extraExecArgv);
  return {
    pid: child.pid,
    request: (message, timeoutMs = 60_000) => child.request(message, timeoutMs),
    stop: () => child.stop(10_000),
  };
}
