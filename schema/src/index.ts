export { ROLES, isRole, type Role } from './roles/roles.js';
export { SCOPES, ROLE_SCOPES, SYSTEM_JOBS, scopesForRole, type Scope, type SystemJob } from './roles/scopes.js';
export { ANONYMOUS, type Principal } from './roles/principal.js';
export {
  ENFORCEMENT_ORG_KINDS,
  POLICIES,
  firewallPolicy,
  isAllowed,
  type AccessRequirement,
  satisfiesPolicies,
  satisfiesScopes,
} from './roles/policies.js';
export {
  INTERNAL_TOKEN_HEADER,
  INTERNAL_TOKEN_TTL_SECONDS,
  InternalTokenError,
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  hashBody,
  type InternalClaims,
  type InternalKeyPair,
  type InternalSigner,
  type InternalVerifier,
  type VerifiedInternalClaims,
} from './internalToken/internalToken.js';
export { ReplayGuard } from './internalToken/replayGuard.js';
export { SUBGRAPHS, type SubgraphName } from './composition/subgraphs.js';
export { composeSupergraph, type CompositionReport } from './composition/composeSupergraph.js';
export { SUPERGRAPH_PATH, readSupergraph } from './composition/supergraphFile.js';
export { ConfigError, loadConfig } from './config/loadConfig.js';
export { booleanFlag, integerBetween, jsonWebKey, logLevel, port, postgresUrl, runMode } from './config/envSchemas.js';
