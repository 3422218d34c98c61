// A stand-in for Sentry's ingest: an HTTP server on 127.0.0.1 that keeps every envelope it receives, raw and parsed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface ReceivedItem {
  type: string;
  payload: unknown;
}
export interface ReceivedEnvelope {
  /** The whole request body, as sent. */
  raw: string;
  /** The same body as bytes: what Relay reads item `length`s against. */
  bytes: Uint8Array;
  header: Record<string, unknown>;
  items: ReceivedItem[];
}
export interface EnvelopeServer {
  dsn: string;
  port: number;
  envelopes: ReceivedEnvelope[];
  /** Payloads of every item of the given type. */
  items: (type: string) => unknown[];
  close: () => Promise<void>;
}

/** Parses Sentry's envelope format: a header line, then per item a header line and a payload line. */
export function parseEnvelope(raw: string, bytes = new TextEncoder().encode(raw)): ReceivedEnvelope {
  const lines = raw.split('\n').filter((line) => line.length > 0);
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  const items: ReceivedItem[] = [];
  for (let i = 1; i < lines.length; i += 2) {
    const itemHeader = JSON.parse(lines[i]!) as { type: string };
    const text = lines[i + 1] ?? '';
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      // a text payload stays a string
    }
    items.push({ type: itemHeader.type, payload });
  }
  return { raw, bytes, header, items };
}

export async function startEnvelopeServer(): Promise<EnvelopeServer> {
  const envelopes: ReceivedEnvelope[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.includes('/envelope/')) {
        const body = Buffer.concat(chunks);
        envelopes.push(parseEnvelope(body.toString('utf8'), new Uint8Array(body)));
      }
      // No keep-alive: a storm test blocks the loop for seconds, past the server's idle timeout, and a
      // reused socket closed meanwhile fails the next fetch.
      response.writeHead(200, {
        'access-control-allow-origin': '*',
        'content-type': 'application/json',
        connection: 'close',
      });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://key@127.0.0.1:${port}/1`,
    port,
    envelopes,
    items: (type) =>
      envelopes.flatMap((e) => e.items.filter((item) => item.type === type).map((i) => i.payload)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * One ingest stand-in for a test file: started before its tests and closed after them; after each test the
 * Sentry client is closed (sending what it holds) and the envelopes received are forgotten. The returned
 * server reads through to the live one, so it can be used at the top of the file.
 */
export function serveEnvelopesPerFile(sentry: {
  close: (timeout?: number) => PromiseLike<boolean>;
}): EnvelopeServer {
  let current: EnvelopeServer | undefined;
  const live = (): EnvelopeServer => {
    if (!current) throw new Error('the envelope server starts in beforeAll');
    return current;
  };
  beforeAll(async () => {
    current = await startEnvelopeServer();
  });
  afterAll(() => live().close());
  afterEach(async () => {
    await sentry.close(2000);
    live().envelopes.length = 0;
  });
  return {
    get dsn() {
      return live().dsn;
    },
    get port() {
      return live().port;
    },
    get envelopes() {
      return live().envelopes;
    },
    items: (type) => live().items(type),
    close: () => live().close(),
  };
}
