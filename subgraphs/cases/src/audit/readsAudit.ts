import { firewallPolicy, type Principal } from '@amparo/schema';

/** Whether `principal` reads the audit trail: the auditor's scope, re-checked here with the firewall (F3). */
export function readsAudit(principal: Principal): boolean {
  return firewallPolicy(principal) && principal.scopes.includes('audit:read');
}
