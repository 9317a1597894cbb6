/**
 * Fixed-window request counter per principal, in memory. The key of a
 * `public` caller is its address, kept only in this map for at most one
 * window and never logged or stored (F6: anonymous use leaves no trace).
 * With several gateway replicas this moves to Redis (ARCHITECTURE "Scale-out").
 */
export class RateLimiter {
  readonly #counts = new Map<string, number>();
  #windowStart = Date.now();

  constructor(
    readonly perMinute: number,
    readonly now: () => number = Date.now,
  ) {}

  hit(key: string): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    const now = this.now();
    if (now - this.#windowStart >= 60_000) {
      this.#counts.clear();
      this.#windowStart = now;
    }
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    const retryAfterSeconds = Math.max(1, Math.ceil((this.#windowStart + 60_000 - now) / 1000));
    return { allowed: count <= this.perMinute, remaining: Math.max(0, this.perMinute - count), retryAfterSeconds };
  }
}
