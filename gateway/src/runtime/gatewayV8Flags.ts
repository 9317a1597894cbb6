/**
 * Node/V8 flags the gateway process runs with (`npm start`, the production
 * `start` script, the benchmark). A deep federated answer is built from
 * many short-lived objects (subgraph JSON, merged and shaped results), and
 * with V8's default 16 MB semi-space most of the gateway's garbage
 * collection was scavenges promoting objects that die a moment later. A
 * 64 MB semi-space cut the gateway's CPU per request on the gateway
 * benchmark's deep query by about 14 % (tests/bench/HISTORY.md) for about
 * 100 MB more resident memory under load. Kept equal to the scripts in
 * gateway/package.json by gatewayV8Flags.test.ts.
 */
export const GATEWAY_V8_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
