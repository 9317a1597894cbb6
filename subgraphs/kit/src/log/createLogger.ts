import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs with no personal data: request bodies, variables and headers are
 * never logged, and these paths are censored should anyone pass them.
 */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['req.headers', 'variables', 'body', 'query', '*.password', '*.token', 'authorization'],
      censor: '[redacted]',
    },
  });
}
