/** What every gateway starter gets: the composed supergraph and where each subgraph listens. */
export interface BenchGatewayOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Dev-issuer key folder shared with the load generator (Amparo only). */
  readonly stateDir: string;
}

export interface StartedBenchGateway {
  readonly url: string;
  close(): Promise<void>;
}
