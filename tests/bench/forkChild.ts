import { fork, type ChildProcess } from 'node:child_process';

/**
 * A benchmark child process (gateway, subgraphs) driven by one-message
 * request/answer over IPC, so the load generator never shares an event
 * loop with what it measures. Readings about it come from ./processStats.ts.
 */
export interface ForkedChild<Parent extends { readonly type: string }, Answer> {
  readonly pid: number;
  /** Sends one message and waits for the child's one answer; rejects if it exits or is too slow. */
  request(message: Parent, timeoutMs: number): Promise<Answer>;
  /** Asks the child to stop ({ type: 'stop' }) and kills it after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

export function forkChild<Parent extends { readonly type: string }, Answer>(
  entry: string,
  label: string,
  extraExecArgv: readonly string[] = [],
): ForkedChild<Parent, Answer> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx', ...extraExecArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start a child process for ${label}`);
  return {
    pid,
    request(message, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${label} did not answer ${message.type} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`${label} exited with ${code}`));
        };
        child.once('exit', onExit);
        child.once('message', (answer: Answer) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(answer);
        });
        child.send(message);
      });
    },
    async stop(graceMs) {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
