import { fileURLToPath } from 'node:url';
import {
  SUBGRAPHS,
  booleanFlag,
  jsonWebKey,
  loadConfig,
  logLevel,
  port,
  runMode,
  type SubgraphName,
} from '@amparo/schema';
import type { JWK } from 'jose';
import { z } from 'zod';

export const DEFAULT_STATE_DIR = fileURLToPath(new URL('../../../.amparo', import.meta.url));
/** Where `npm start` keeps the run's internal key pair (mode 0600) for local tools such as stats:publish. */
export const INTERNAL_KEYS_FILE = 'internal-keys.json';

/** The manifest the SDK's codegen writes. */
export const DEFAULT_TRUSTED_DOCUMENTS = fileURLToPath(
  new URL('../../../sdk/src/generated/persisted-documents.json', import.meta.url),
);

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a positive whole number' })
    .int('expected a positive whole number')
    .positive('expected a positive whole number')
    .default(fallback);

const wholeNumber = (fallback: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(0, 'expected a whole number, 0 or more')
    .max(max, `expected at most ${max}`)
    .default(fallback);

const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .regex(/^https?:\/\//, 'expected an http(s) URL');

/** Limits applied before any planning (issue 3 "Limits"); every one configurable. */
export interface GatewayLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxFields: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxPageSize: number;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
}

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly mode: 'development' | 'production' | 'test';
  readonly logLevel: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly auth: {
    readonly issuer: string | undefined;
    readonly audience: string;
    readonly jwksUrl: string | undefined;
    /** Accept tokens from the local dev issuer (`npm run token`). Never in production. */
    readonly devIssuer: boolean;
  };
  readonly stateDir: string;
  readonly internalPrivateKey: JWK;
  readonly corsOrigins: readonly string[];
  readonly limits: GatewayLimits;
  /** The statistics pipeline's schedule in the federation launcher (issue 8). */
  readonly statisticsSchedule: {
    /** Seconds between checks for closed, unpublished periods; 0 disables. @default 3600 */
    readonly intervalSeconds: number;
    /** Days after a month, quarter or year closes before it is published. @default 5 */
    readonly graceDays: number;
  };
  /** How often the launcher and the production gateway run the findability sync (issue 7). */
  readonly findabilitySync: {
    /** Seconds between two runs; 0 disables. @default 300 */
    readonly intervalSeconds: number;
  };
  readonly trustedDocuments: {
    /** Manifest file (sha256 → document). */
    readonly path: string;
    /** OAuth clients (`azp`/`client_id`) that may only run trusted documents. */
    readonly requiredFor: readonly string[];
  };
}

/**
 * Reads the gateway's configuration once. Variables: `GATEWAY_PORT`,
 * `AMPARO_HOST`, `<SUBGRAPH>_URL`, `AUTH_ISSUER`, `AUTH_AUDIENCE`,
 * `AUTH_JWKS_URL`, `AMPARO_DEV_ISSUER`, `AMPARO_STATE_DIR`,
 * `INTERNAL_PRIVATE_KEY`, `CORS_ORIGINS`, `AMPARO_MODE`, `LOG_LEVEL`,
 * `LIMIT_*`, `STATS_SCHEDULE_INTERVAL_SECONDS`, `STATS_PUBLISH_GRACE_DAYS`,
 * `FINDABILITY_SYNC_INTERVAL_SECONDS`
 * (see README "Configuration").
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const urlVars = Object.fromEntries(
    SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, httpUrl.default(`http://127.0.0.1:${s.port}/graphql`)]),
  );
  const schema = z
    .object({
      GATEWAY_PORT: port(4000),
      AMPARO_HOST: z.string().min(1).default('127.0.0.1'),
      AMPARO_MODE: runMode,
      LOG_LEVEL: logLevel,
      ...urlVars,
      AUTH_ISSUER: z.string().min(1).optional(),
      AUTH_AUDIENCE: z.string().min(1).default('amparo'),
      AUTH_JWKS_URL: httpUrl.optional(),
      AMPARO_DEV_ISSUER: booleanFlag(false),
      AMPARO_STATE_DIR: z.string().min(1).default(DEFAULT_STATE_DIR),
      INTERNAL_PRIVATE_KEY: jsonWebKey,
      CORS_ORIGINS: z.string().default(''),
      TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS),
      TRUSTED_DOCUMENTS_REQUIRED_FOR: z.string().default(''),
      // 15 lets the standard introspection query (TypeRef nests ofType 8 deep) through.
      LIMIT_MAX_DEPTH: positiveInt(15),
      LIMIT_MAX_ALIASES: positiveInt(30),
      LIMIT_MAX_ROOT_FIELDS: positiveInt(10),
      LIMIT_MAX_FIELDS: positiveInt(250),
      LIMIT_MAX_DIRECTIVES: positiveInt(20),
      LIMIT_MAX_TOKENS: positiveInt(3000),
      LIMIT_MAX_PAGE_SIZE: positiveInt(100),
      LIMIT_BODY_BYTES: positiveInt(102_400),
      LIMIT_RATE_PER_MINUTE: positiveInt(600),
      // A week at most: setInterval cannot wait longer than about 24 days.
      STATS_SCHEDULE_INTERVAL_SECONDS: wholeNumber(3600, 604_800),
      STATS_PUBLISH_GRACE_DAYS: wholeNumber(5, 366),
      FINDABILITY_SYNC_INTERVAL_SECONDS: wholeNumber(300, 86_400),
    })
    .superRefine((c, ctx) => {
      if (!c.AMPARO_DEV_ISSUER && !(c.AUTH_ISSUER && c.AUTH_JWKS_URL)) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_JWKS_URL'],
          message: 'set AUTH_ISSUER and AUTH_JWKS_URL for your OIDC issuer (or AMPARO_DEV_ISSUER=true for local use)',
        });
      }
      if (c.AMPARO_DEV_ISSUER && c.AMPARO_MODE === 'production') {
        ctx.addIssue({
          code: 'custom',
          path: ['AMPARO_DEV_ISSUER'],
          message: 'the dev issuer cannot be enabled in production mode',
        });
      }
    });
  const c = loadConfig(schema, env) as Record<string, unknown> & z.output<typeof schema>;
  return Object.freeze({
    host: c.AMPARO_HOST,
    port: c.GATEWAY_PORT,
    mode: c.AMPARO_MODE,
    logLevel: c.LOG_LEVEL,
    subgraphUrls: Object.freeze(
      Object.fromEntries(SUBGRAPHS.map((s) => [s.name, c[`${s.name.toUpperCase()}_URL`] as string])),
    ) as Record<SubgraphName, string>,
    auth: Object.freeze({
      issuer: c.AUTH_ISSUER,
      audience: c.AUTH_AUDIENCE,
      jwksUrl: c.AUTH_JWKS_URL,
      devIssuer: c.AMPARO_DEV_ISSUER,
    }),
    stateDir: c.AMPARO_STATE_DIR,
    internalPrivateKey: c.INTERNAL_PRIVATE_KEY as JWK,
    corsOrigins: Object.freeze(
      c.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    statisticsSchedule: Object.freeze({
      intervalSeconds: c.STATS_SCHEDULE_INTERVAL_SECONDS,
      graceDays: c.STATS_PUBLISH_GRACE_DAYS,
    }),
    findabilitySync: Object.freeze({ intervalSeconds: c.FINDABILITY_SYNC_INTERVAL_SECONDS }),
    trustedDocuments: Object.freeze({
      path: c.TRUSTED_DOCUMENTS_PATH,
      requiredFor: Object.freeze(
        c.TRUSTED_DOCUMENTS_REQUIRED_FOR.split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    }),
    limits: Object.freeze({
      maxDepth: c.LIMIT_MAX_DEPTH,
      maxAliases: c.LIMIT_MAX_ALIASES,
      maxRootFields: c.LIMIT_MAX_ROOT_FIELDS,
      maxFields: c.LIMIT_MAX_FIELDS,
      maxDirectives: c.LIMIT_MAX_DIRECTIVES,
      maxTokens: c.LIMIT_MAX_TOKENS,
      maxPageSize: c.LIMIT_MAX_PAGE_SIZE,
      bodyLimitBytes: c.LIMIT_BODY_BYTES,
      rateLimitPerMinute: c.LIMIT_RATE_PER_MINUTE,
    }),
  });
}
