import { parseArgs } from 'node:util';
import { ROLES, isRole } from '@amparo/schema';
import { DEFAULT_STATE_DIR } from '../config/gatewayConfig.js';
import { mintDevToken } from '../auth/devIssuer.js';

/**
 * `npm run token -- --role <role> [--org <orgId>] [--org-kind <kind>] [--sub <id>] [--ttl <seconds>]`
 * prints a token (and only the token) that the stack started by `npm start` accepts.
 */
const usage = `usage: npm run token -- --role <${ROLES.join('|')}> [--org <orgId>] [--org-kind <kind>] [--sub <id>] [--ttl <seconds>]`;
try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      'org-kind': { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  });
  if (!isRole(values.role)) throw new Error(values.role ? `unknown role "${values.role}"` : '--role is required');
  const ttl = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 86_400 * 30)
    throw new Error('--ttl must be whole seconds, at most 30 days');
  const token = await mintDevToken(process.env.AMPARO_STATE_DIR ?? DEFAULT_STATE_DIR, {
    role: values.role,
    org: values.org,
    orgKind: values['org-kind'],
    sub: values.sub,
    ttlSeconds: ttl,
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`);
  process.exit(2);
}
