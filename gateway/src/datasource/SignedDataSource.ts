import { INTERNAL_TOKEN_HEADER, type InternalSigner } from '@amparo/schema';
import { Pool } from 'undici';
import type { SubgraphAnswer, SubgraphRequest } from '../execution/executePlan.js';
import type { GatewayContext } from './GatewayContext.js';

/**
 * How the gateway talks to one subgraph: a keep-alive undici pool, and on
 * every request an internal token signed for this subgraph and this exact
 * body (F3). The client's own bearer token is never forwarded.
 */
export class SignedDataSource {
  readonly #pool: Pool;
  readonly #path: string;

  constructor(
    readonly name: string,
    url: string,
    readonly sign: InternalSigner,
    readonly observe: (subgraph: string, status: number, seconds: number) => void = () => undefined,
    connections = 64,
  ) {
    const parsed = new URL(url);
    this.#path = parsed.pathname + parsed.search;
    this.#pool = new Pool(parsed.origin, { connections, keepAliveTimeout: 30_000, pipelining: 1 });
  }

  async send(request: SubgraphRequest, context: GatewayContext): Promise<SubgraphAnswer> {
    const { query, variables, operationName } = request;
    const body = JSON.stringify({ query, variables, operationName });
    const token = await this.sign(context, this.name, body);
    const started = performance.now();
    const response = await this.#pool.request({
      method: 'POST',
      path: this.#path,
      headers: { 'content-type': 'application/json', accept: 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body,
    });
    const text = await response.body.text();
    this.observe(this.name, response.statusCode, (performance.now() - started) / 1000);
    if (response.statusCode !== 200) {
      throw new Error(`subgraph ${this.name} answered HTTP ${response.statusCode}`);
    }
    return JSON.parse(text) as SubgraphAnswer;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
