import { createHash } from 'node:crypto';

/**
 * Deterministic UUID for demo record `index` of `kind`, so subgraphs seeded
 * separately agree on each other's ids (a case's referral names a service
 * the services subgraph seeded) without importing each other.
 */
export function demoId(kind: string, index: number): string {
  const hex = createHash('sha256').update(`amparo-demo:${kind}:${index}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
