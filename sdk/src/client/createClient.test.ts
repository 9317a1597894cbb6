import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GetServiceDocument, OpenCaseDocument, SearchServicesDocument } from '../generated/graphql.js';
import { AmparoError } from './AmparoError.js';
import { createClient } from './createClient.js';
import { documentId } from './documentId.js';
import { executeRequest, resolveClientOptions } from './executeRequest.js';

interface Received {
  readonly body: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
}

type Reply = (res: ServerResponse, body: Record<string, unknown>) => void;

/** A fake gateway: answers each request with the next scripted reply and records what it received. */
const received: Received[] = [];
let replies: Reply[] = [];
let url = '';
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
  });
  req.on('end', () => {
    const body = JSON.parse(raw) as Record<string, unknown>;
    received.push({ body, headers: req.headers });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    reply(res, body);
  });
});

function json(status: number, payload: unknown, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req-${received.length}`, ...headers });
    res.end(JSON.stringify(payload));
  };
}
const dropConnection: Reply = (res) => res.socket?.destroy();
const neverAnswer: Reply = () => undefined;

const page = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({
  data: {
    services: {
      totalCount: 9,
      pageInfo: { hasNextPage, endCursor },
      edges: ids.map((id) => ({ cursor: id, distanceKm: null, node: { id } })),
    },
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  replies = [];
});

const fast = { retryBaseMs: 1, trustedDocuments: false } as const;

describe('createClient', () => {
  it('sends the document id, variables, operation name and bearer token by default', async () => {
    replies = [json(200, { data: { service: null } })];
    const client = createClient({ url, token: 'tok-1', headers: { 'x-partner': 'ngo' } });
    expect(await client.services.get('svc-1')).toBeNull();
    const [request] = received;
    expect(request?.body).toEqual({
      documentId: await documentId(GetServiceDocument.toString()),
      variables: { id: 'svc-1' },
      operationName: 'GetService',
    });
    expect(request?.body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(request?.headers.authorization).toBe('Bearer tok-1');
    expect(request?.headers['x-partner']).toBe('ngo');
  });

  it('sends the query text with trustedDocuments: false and asks getToken before every attempt', async () => {
    replies = [json(503, { errors: [{ message: 'busy' }] }), json(200, { data: { service: { id: 's' } } })];
    let calls = 0;
    const client = createClient({ url, getToken: () => `tok-${++calls}`, ...fast });
    await client.request(GetServiceDocument, { id: 's' });
    expect(received.map((r) => r.body.query)).toEqual([GetServiceDocument.toString(), GetServiceDocument.toString()]);
    expect(received.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('retries a query after a dropped connection and a 429, waiting for Retry-After', async () => {
    replies = [
      dropConnection,
      json(429, { errors: [{ message: 'slow down' }] }, { 'retry-after': '2' }),
      json(200, page(['a'], false, 'a')),
    ];
    const waits: number[] = [];
    const config = {
      ...resolveClientOptions({ url, trustedDocuments: false, retries: 2, retryBaseMs: 100 }),
      random: () => 1,
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    };
    const data = await executeRequest(config, SearchServicesDocument.toString(), {});
    expect(data).toEqual(page(['a'], false, 'a').data);
    expect(received).toHaveLength(3);
    // First retry: backoff 100 ms · 2^0; second: Retry-After (2 s) beats backoff 100 ms · 2^1.
    expect(waits).toEqual([100, 2000]);
  });

  it('backs off exponentially with full jitter', async () => {
    replies = [json(503, {}), json(503, {}), json(503, {}), json(200, page([], false, null))];
    const waits: number[] = [];
    const config = {
      ...resolveClientOptions({ url, trustedDocuments: false, retries: 3, retryBaseMs: 100 }),
      random: () => 0.5,
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    };
    await executeRequest(config, SearchServicesDocument.toString(), {});
    expect(waits).toEqual([50, 100, 200]);
  });

  it('gives up after `retries` and reports the last failure with its request id', async () => {
    replies = [json(503, { errors: [{ message: 'down' }] }), json(503, { errors: [{ message: 'still down' }] })];
    const client = createClient({ url, ...fast, retries: 1 });
    const error = await client.services.search().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmparoError);
    expect(error).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      status: 503,
      message: 'still down',
      requestId: 'req-2',
    });
    expect(received).toHaveLength(2);
  });

  it('does not wait for a Retry-After longer than maxRetryDelayMs', async () => {
    replies = [
      json(429, { errors: [{ message: 'later', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '120' }),
    ];
    const client = createClient({ url, ...fast, maxRetryDelayMs: 1000 });
    const error = await client.services.search().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
    expect(received).toHaveLength(1);
  });

  it('never retries a mutation, on a 503 or a dropped connection', async () => {
    const client = createClient({ url, ...fast, retries: 5 });
    replies = [json(503, { errors: [{ message: 'down' }] })];
    await expect(client.cases.open({ countryOfAssistance: 'MX', phase: 'TRANSIT' })).rejects.toMatchObject({
      status: 503,
    });
    replies = [dropConnection];
    await expect(
      client.request(OpenCaseDocument, { input: { countryOfAssistance: 'MX', phase: 'TRANSIT' } }),
    ).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    expect(received).toHaveLength(2);
  });

  it('maps gateway errors: code, request id, field errors', async () => {
    replies = [
      json(400, {
        errors: [
          {
            message: 'validUntil must be in the future',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.validUntil' },
          },
        ],
      }),
    ];
    const client = createClient({ url, ...fast });
    const error = await client.cases
      .recordConsent({
        caseId: 'c',
        organizationId: 'o',
        sections: ['IDENTITY'],
        purpose: 'p',
        validUntil: '2000-01-01',
        givenHow: 'SIGNED',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmparoError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      requestId: 'req-1',
      status: 400,
      fieldErrors: [{ field: 'input.validUntil', message: 'validUntil must be in the future' }],
    });
  });

  it('maps an HTTP status without a GraphQL body', async () => {
    replies = [
      (res) => {
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end('no');
      },
    ];
    await expect(createClient({ url, ...fast }).services.search()).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
  });

  it('keeps partial data when the answer has data and errors', async () => {
    replies = [
      json(200, {
        data: { service: { id: 's', organization: null } },
        errors: [{ message: 'forbidden', path: ['service', 'organization'], extensions: { code: 'FORBIDDEN' } }],
      }),
    ];
    const error = await createClient({ url, ...fast })
      .services.get('s')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN', partialData: { service: { id: 's', organization: null } } });
    expect((error as AmparoError).errors).toHaveLength(1);
  });

  it('rejects with the caller’s abort reason and stops retrying', async () => {
    replies = [neverAnswer];
    const controller = new AbortController();
    const pending = createClient({ url, ...fast }).services.search({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left the page')), 50);
    await expect(pending).rejects.toThrow('user left the page');
    expect(received).toHaveLength(1);
  });

  it('fails with TIMEOUT when timeoutMs elapses', async () => {
    replies = [neverAnswer];
    await expect(createClient({ url, ...fast, timeoutMs: 100 }).services.search()).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });
});

describe('pagination', () => {
  it('fetches pages only as the caller iterates, passing each endCursor', async () => {
    replies = [
      json(200, page(['a', 'b'], true, 'c1')),
      json(200, page(['c'], true, 'c2')),
      json(200, page(['d'], false, null)),
    ];
    const client = createClient({ url, ...fast });
    const ids: string[] = [];
    for await (const service of client.services.searchAll({ filter: { countries: ['MX'] }, first: 2 })) {
      ids.push(service.id);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    // The third page was never requested: the loop stopped first.
    expect(received.map((r) => (r.body.variables as Record<string, unknown>).after ?? null)).toEqual([null, 'c1']);
    expect((received[0]!.body.variables as Record<string, unknown>).filter).toEqual({ countries: ['MX'] });
  });

  it('throws CURSOR_NOT_ADVANCING when a page repeats the cursor', async () => {
    replies = [json(200, page(['a'], true, 'c1')), json(200, page(['b'], true, 'c1'))];
    const ids: string[] = [];
    const iterate = async () => {
      for await (const service of createClient({ url, ...fast }).services.searchAll()) ids.push(service.id);
    };
    await expect(iterate()).rejects.toMatchObject({ code: 'CURSOR_NOT_ADVANCING' });
    expect(ids).toEqual(['a', 'b']);
  });

  it('throws CURSOR_NOT_ADVANCING when a page claims a next one without a cursor', async () => {
    replies = [json(200, page(['a'], true, null))];
    const iterate = async () => {
      for await (const _ of createClient({ url, ...fast }).services.searchAll()) {
        // drain
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(AmparoError);
  });
});

describe('documents', () => {
  it('hashes the exact text the manifest holds', async () => {
    const text = SearchServicesDocument.toString();
    const id = await documentId(text);
    const { createHash } = await import('node:crypto');
    expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  });
});
