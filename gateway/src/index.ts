export { createGateway, type GatewayOptions, type RunningGateway } from './http/createGateway.js';
export {
  loadGatewayConfig,
  DEFAULT_STATE_DIR,
  type GatewayConfig,
  type GatewayLimits,
} from './config/gatewayConfig.js';
export {
  createAuthenticator,
  AuthenticationError,
  remoteIssuer,
  type Authenticate,
  type TrustedIssuer,
} from './auth/authenticate.js';
export { DEV_ISSUER, devIssuer, loadOrCreateDevKeys, mintDevToken, type DevTokenRequest } from './auth/devIssuer.js';
export { createFirewall, type Firewall } from './firewall/createFirewall.js';
export { projectSchema } from './firewall/projectSchema.js';
export { buildPolicyIndex, type PolicyIndex, type Requirement } from './supergraph/policyIndex.js';
export { stripSecurityPurpose } from './supergraph/stripSecurityPurpose.js';
export { checkLimits, type OperationLimits, type LimitViolation } from './limits/checkLimits.js';
export { RateLimiter } from './limits/rateLimiter.js';
export { buildApiSchema } from './supergraph/buildApiSchema.js';
export { TrustedDocuments } from './trusted/trustedDocuments.js';
export { DEFAULT_TRUSTED_DOCUMENTS } from './config/gatewayConfig.js';
export { EXTRACT_SOURCES, StatisticsPipelineError, runStatisticsPipeline } from './statistics/runStatisticsPipeline.js';
export {
  FindabilitySyncError,
  FINDABLE_PEOPLE_PER_CALL,
  runFindabilitySync,
  type FindabilitySyncSummary,
} from './findability/runFindabilitySync.js';
export { startFindabilitySync, type SyncLogger } from './findability/startFindabilitySync.js';
export { scheduleFindabilitySync } from './findability/scheduleFindabilitySync.js';
export { GATEWAY_V8_FLAGS } from './runtime/gatewayV8Flags.js';
