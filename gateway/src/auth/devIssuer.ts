import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@amparo/schema';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { TrustedIssuer } from './authenticate.js';

/** Issuer name of locally minted tokens; production configuration never trusts it. */
export const DEV_ISSUER = 'amparo-dev-issuer';
const ALGORITHM = 'EdDSA';

interface DevKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

function keyFile(stateDir: string) {
  return join(stateDir, 'dev-issuer.json');
}

/**
 * The dev issuer's key pair, kept in the state folder (`.amparo/`) so that
 * `npm run token` and the running stack agree. Created on first use; written
 * with rename so a half-written file is never read.
 */
export async function loadOrCreateDevKeys(stateDir: string): Promise<DevKeys> {
  try {
    return JSON.parse(readFileSync(keyFile(stateDir), 'utf8')) as DevKeys;
  } catch {
    mkdirSync(stateDir, { recursive: true });
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
    const keys: DevKeys = {
      privateJwk: { ...(await exportJWK(privateKey)), kid: 'dev-1' },
      publicJwk: { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: ALGORITHM, use: 'sig' },
    };
    const tmp = `${keyFile(stateDir)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(keys), { mode: 0o600 });
    renameSync(tmp, keyFile(stateDir));
    return JSON.parse(readFileSync(keyFile(stateDir), 'utf8')) as DevKeys;
  }
}

export async function devIssuer(stateDir: string, audience: string): Promise<TrustedIssuer> {
  const keys = await loadOrCreateDevKeys(stateDir);
  return { issuer: DEV_ISSUER, audience, keys: createLocalJWKSet({ keys: [keys.publicJwk] }) };
}

export interface DevTokenRequest {
  readonly role: Role;
  readonly org?: string | undefined;
  readonly orgKind?: string | undefined;
  readonly sub?: string | undefined;
  /** Lifetime in seconds. @default 3600 */
  readonly ttlSeconds?: number | undefined;
  readonly audience?: string | undefined;
  /** OAuth client id, carried as `azp`. */
  readonly client?: string | undefined;
}

/** Signs a token the local stack accepts (what `npm run token` prints). */
export async function mintDevToken(stateDir: string, request: DevTokenRequest): Promise<string> {
  if (!(ROLES as readonly string[]).includes(request.role)) throw new Error(`unknown role ${request.role}`);
  const keys = await loadOrCreateDevKeys(stateDir);
  const key = await importJWK(keys.privateJwk, ALGORITHM);
  const claims: Record<string, string> = { role: request.role };
  if (request.org) claims.org = request.org;
  if (request.orgKind) claims.org_kind = request.orgKind;
  if (request.client) claims.azp = request.client;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: keys.privateJwk.kid ?? 'dev-1' })
    .setIssuer(DEV_ISSUER)
    .setAudience(request.audience ?? 'amparo')
    .setSubject(request.sub ?? `dev-${request.role}`)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
    .sign(key);
}
