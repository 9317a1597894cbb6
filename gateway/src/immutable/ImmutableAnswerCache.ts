import { BoundedCache } from '../cache/BoundedCache.js';

/** One kept answer: the exact JSON text the gateway sent the first time. */
export interface KeptAnswer {
  readonly body: string;
}

/**
 * Answers to immutable operations (./immutableOperations.ts), kept so that a
 * published statistics table is served without planning, signing or a
 * subgraph round trip. Only answers without errors and without a null root
 * field are kept: an error may be transient, and a release id that does not
 * exist today is not an answer that can never change. Keyed by the operation
 * (name and sha256 of its text) and its variables; the caller has already
 * validated the operation against its own projection, so a kept answer only
 * reaches principals allowed to ask for it. Bounded in entries and in the
 * size of one answer.
 */
export class ImmutableAnswerCache {
  readonly #answers: BoundedCache<string, KeptAnswer>;
  /** Keys being answered right now, and what that answer left kept. Bounded by requests in flight. */
  readonly #inFlight = new Map<string, Promise<KeptAnswer | undefined>>();

  constructor(
    capacity = 2_000,
    readonly maxAnswerBytes = 512 * 1024,
  ) {
    this.#answers = new BoundedCache(capacity);
  }

  static keyOf(documentKey: string, variables: unknown): string {
    return `${documentKey}\n${variables === undefined || variables === null ? '{}' : JSON.stringify(variables)}`;
  }

  get(key: string): KeptAnswer | undefined {
    return this.#answers.get(key);
  }

  /**
   * Marks `key` as being answered now, so that concurrent first requests for
   * one release wait for that answer instead of each asking the subgraph.
   * Returns the function to call once the answer was offered (or failed);
   * it must always be called.
   */
  begin(key: string): () => void {
    let settle!: () => void;
    const answered = new Promise<void>((resolve) => {
      settle = resolve;
    }).then(() => this.#answers.get(key));
    this.#inFlight.set(key, answered);
    return () => {
      if (this.#inFlight.get(key) === answered) this.#inFlight.delete(key);
      settle();
    };
  }

  /** What the request answering `key` now kept, once it is done; undefined when none is in flight. */
  pending(key: string): Promise<KeptAnswer | undefined> | undefined {
    return this.#inFlight.get(key);
  }

  /** Keeps `body` when it is a complete answer; returns whether it was kept. */
  offer(key: string, status: number, body: string): boolean {
    if (status !== 200 || body.length > this.maxAnswerBytes) return false;
    let answer: { data?: Record<string, unknown> | null; errors?: unknown; extensions?: unknown };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      return false;
    }
    // Any error (a subgraph's null for a non-null field included) or extension: not a settled answer.
    if (answer.errors !== undefined || answer.extensions !== undefined || !answer.data) return false;
    if (Object.values(answer.data).some((value) => value === null)) return false;
    this.#answers.set(key, { body });
    return true;
  }

  get size(): number {
    return this.#answers.size;
  }
}
