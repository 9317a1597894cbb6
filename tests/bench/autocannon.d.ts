// autocannon ships no types and @types/autocannon is not installed: the part the bench uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface AutocannonOptions {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    verifyBody?: (body: string) => boolean;
  }
  interface AutocannonResult {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
  }
  type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult>;
  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
}
