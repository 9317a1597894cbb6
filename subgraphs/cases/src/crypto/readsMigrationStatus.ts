import { firewallPolicy, type Principal } from '@amparo/schema';

/** Whether `principal` may read migration statuses: its own scope, and the firewall, re-checked here (F3, F4). */
export function readsMigrationStatus(principal: Principal): boolean {
  return firewallPolicy(principal) && principal.scopes.includes('cases:migration-status');
}
