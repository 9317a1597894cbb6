import type { BenchGatewayOptions, StartedBenchGateway } from './gateways/benchGatewayOptions.js';
import { startAmparoGateway } from './gateways/startAmparoGateway.js';
import { startApolloGateway } from './gateways/startApolloGateway.js';
import { startHiveGateway } from './gateways/startHiveGateway.js';
import { startMercuriusGateway } from './gateways/startMercuriusGateway.js';

export const GATEWAY_KINDS = [
  'amparo-firewall-on',
  'amparo-firewall-off',
  'apollo-gateway',
  'hive-gateway',
  'mercurius-gateway',
] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export const GATEWAY_LABELS: Readonly<Record<GatewayKind, string>> = {
  'amparo-firewall-on': 'Amparo gateway, firewall on',
  'amparo-firewall-off': 'Amparo gateway, firewall off',
  'apollo-gateway': 'stock @apollo/gateway + @apollo/server',
  'hive-gateway': 'Hive Gateway runtime (Node)',
  'mercurius-gateway': '@mercuriusjs/gateway',
};

export const GATEWAY_STARTERS: Readonly<
  Record<GatewayKind, (options: BenchGatewayOptions) => Promise<StartedBenchGateway>>
> = {
  'amparo-firewall-on': startAmparoGateway,
  'amparo-firewall-off': (options) => startAmparoGateway(options, false),
  'apollo-gateway': startApolloGateway,
  'hive-gateway': startHiveGateway,
  'mercurius-gateway': startMercuriusGateway,
};

export function isGatewayKind(value: string): value is GatewayKind {
  return (GATEWAY_KINDS as readonly string[]).includes(value);
}
