import type { BenchGatewayOptions } from './gateways/benchGatewayOptions.js';

/** Parent → child. */
export type ParentMessage =
  | { readonly type: 'start-gateway'; readonly kind: string; readonly options: BenchGatewayOptions }
  | { readonly type: 'start-subgraphs' }
  | { readonly type: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly url?: string; readonly urls?: Readonly<Record<string, string>> }
  | { readonly type: 'failed'; readonly reason: string };
