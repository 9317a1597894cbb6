import { fileURLToPath } from 'node:url';
import { forkChild } from '../forkChild.js';
import type { DomainChildMessage, DomainParentMessage } from './domainMessages.js';

const ENTRY = fileURLToPath(new URL('./domainChild.ts', import.meta.url));

/** One process of the domain bench's federation: a subgraph or the gateway. */
export interface DomainChild {
  readonly pid: number;
  /** Sends one start message and waits for `ready` (its URL) or throws the child's reason. */
  start(message: Exclude<DomainParentMessage, { type: 'stop' }>, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export function spawnDomainChild(label: string, execArgv: readonly string[] = []): DomainChild {
  const child = forkChild<DomainParentMessage, DomainChildMessage>(ENTRY, label, execArgv);
  return {
    pid: child.pid,
    async start(message, timeoutMs) {
      const answer = await child.request(message, timeoutMs);
      if (answer.type === 'ready') return answer.url;
      throw new Error(`${label} did not start: ${answer.reason}`);
    },
    stop: () => child.stop(15_000),
  };
}
