import type { JWK } from 'jose';

/** Parent → child: start one subgraph or the gateway, or stop. */
export type DomainParentMessage =
  | {
      readonly type: 'start-subgraph';
      readonly name: string;
      readonly databaseUrl: string;
      readonly internalPublicJwk: JWK;
      readonly seedScale: number;
    }
  | {
      readonly type: 'start-gateway';
      readonly subgraphUrls: Readonly<Record<string, string>>;
      readonly internalPrivateJwk: JWK;
      readonly stateDir: string;
    }
  | { readonly type: 'stop' };

/** Child → parent. */
export type DomainChildMessage =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'failed'; readonly reason: string };
