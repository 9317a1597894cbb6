/**
 * Remembers token ids until they expire, so a captured subgraph request
 * cannot be sent twice. Memory is bounded by the token lifetime: entries are
 * swept once they are past their expiry.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  #nextSweep = 0;

  /** Returns false when the id was already used. */
  claim(tokenId: string, expiresAtSeconds: number, nowMs = Date.now()): boolean {
    if (nowMs >= this.#nextSweep) this.#sweep(nowMs);
    if (this.#seen.has(tokenId)) return false;
    this.#seen.set(tokenId, expiresAtSeconds * 1000);
    return true;
  }

  #sweep(nowMs: number): void {
    for (const [id, expiry] of this.#seen) if (expiry <= nowMs) this.#seen.delete(id);
    this.#nextSweep = nowMs + 5_000;
  }
}
