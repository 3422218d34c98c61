// A real HTTP server on 127.0.0.1 for the offline-queue tests and benchmark: it serves a page and a
// service worker (bundled with esbuild) and an API that applies each Idempotency-Key once, counting
// what it applied per body so a test can see a duplicate or a loss.
import { build } from 'esbuild';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Bundles a fixture for the browser, resolving `bulwark` entries to the sources (`src`: another copy
 * of them, e.g. an older commit's for the benchmark's baseline; packages still come from ours).
 */
export async function bundle(entry: string, src = `${root}src/`): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      bulwark: `${src}index.ts`,
      'bulwark/sw': `${src}sw.ts`,
      'bulwark/core': `${src}core.ts`,
    },
    nodePaths: [`${root}node_modules`],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** What the API does with the next request: answer this status, after this delay. */
export interface Step {
  status: number;
  delayMs?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ApiServer {
  origin: string;
  /** Bodies in the order the server applied them. */
  applied: string[];
  /** Every request received: its body, key and `Authorization` header. */
  received: { body: string; key: string | undefined; authorization?: string }[];
  /** Answers for the next requests, in order; then 200. */
  plan: Step[];
  /** How `/probe` answers: `up` (204), `down` (connection dropped) or `hang` (no answer). */
  probe: 'up' | 'down' | 'hang';
  /** Probe requests received. */
  probes: number;
  /** Most API requests the server was handling at once (2+ means two replays ran side by side). */
  peakInFlight: number;
  /** Times each body was applied. */
  appliedCount: (body: string) => number;
  /** The distinct keys a body arrived with. */
  keysOf: (body: string) => Set<string | undefined>;
  reset: () => void;
  close: () => Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });

/** Starts the server with the given static files (path → [content type, body]). */
export async function startServer(files: Record<string, [string, string]>): Promise<ApiServer> {
  let applied: string[] = [];
  let received: ApiServer['received'] = [];
  let results = new Map<string, string>();
  let inFlight = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  const api: ApiServer = {
    origin: '',
    plan: [],
    probe: 'up',
    probes: 0,
    peakInFlight: 0,
    get applied() {
      return applied;
    },
    get received() {
      return received;
    },
    appliedCount: (body) => applied.filter((b) => b === body).length,
    keysOf: (body) => new Set(received.filter((r) => r.body === body).map((r) => r.key)),
    reset() {
      applied = [];
      received = [];
      results = new Map();
      api.plan = [];
      api.probe = 'up';
      api.probes = 0;
      api.peakInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = files[path];
    if (request.method === 'GET' && file) {
      response.writeHead(200, { 'Content-Type': file[0], 'Cache-Control': 'no-store' });
      response.end(file[1]);
      return;
    }
    if (path === '/probe') {
      api.probes++;
      if (api.probe === 'down') response.destroy();
      else if (api.probe === 'up') response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return; // 'hang': never answered (closeAllConnections ends it)
    }
    if (!path.startsWith('/api/')) {
      response.writeHead(404).end();
      return;
    }
    inFlight++;
    api.peakInFlight = Math.max(api.peakInFlight, inFlight);
    response.on('close', () => inFlight--);
    const body = await readBody(request);
    const key = request.headers['idempotency-key'] as string | undefined;
    received.push({ body, key, authorization: request.headers.authorization });
    const step = api.plan.shift() ?? { status: 200 };
    const ok = step.status >= 200 && step.status < 300;
    // What a server must do with Idempotency-Key: apply once, answer the first result to every repeat.
    if (ok && !(key && results.has(key))) {
      applied.push(body);
      if (key) results.set(key, JSON.stringify({ applied: body }));
    }
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    if (response.destroyed) return;
    response.writeHead(step.status, { 'Content-Type': 'application/json', ...step.headers });
    response.end(
      step.body ?? (ok ? (results.get(key ?? '') ?? '{}') : JSON.stringify({ error: step.status })),
    );
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api.origin = `http://127.0.0.1:${port}`;
  return api;
}
