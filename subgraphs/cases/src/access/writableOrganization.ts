import type { Principal } from '@amparo/schema';
import { readableOrganization } from './readableOrganization.js';

/**
 * The organisation whose cases `principal` may write, or null: a caseworker
 * who reads her organisation's cases and also holds `cases:write`. Checked
 * here as well as by the SDL directives (F3).
 */
export function writableOrganization(principal: Principal): string | null {
  return principal.scopes.includes('cases:write') ? readableOrganization(principal) : null;
}
