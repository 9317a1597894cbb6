import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_V8_FLAGS } from './gatewayV8Flags.js';

const scripts = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('the gateway runs with its V8 flags', () => {
  it.each(['start', 'start:federation'])('in the %s script', (name) => {
    expect(scripts[name]).toBe(
      `node ${GATEWAY_V8_FLAGS.join(' ')} --import tsx ${name === 'start' ? 'src/main.ts' : 'src/cli/startFederation.ts'}`,
    );
  });
});
