// Harmless debugging text for the redaction corpus (issue 9): ids, UUIDs, timestamps, prices,
// versions, paths and error reasons that a report must keep. At most 2% may be changed.

const digits = (seed: number, length: number): string => {
  let x = seed * 2654435761 + 7;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String(Math.abs(x) % 10);
  }
  return out;
};
const withLuhn = (body: string): string => {
  for (let check = 0; check < 10; check++) {
    let sum = 0;
    [...`${body}${check}`].reverse().forEach((c, i) => {
      let d = +c;
      if (i % 2) d = d > 4 ? d * 2 - 9 : d * 2;
      sum += d;
    });
    if (sum % 10 === 0) return `${body}${check}`;
  }
  return body;
};
const uuid = (i: number) => {
  const hex = digits(i + 50, 32).replace(/[0-9]/g, (d) => '0123456789abcdef'.charAt((+d * 7 + i) % 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const WRITTEN = [
  'Invalid token: expired',
  'password: too short',
  'Authorization: required for /admin',
  'token: missing',
  'Cookie: none',
  'session: expired, please sign in again',
  'password must be at least 12 characters',
  'Invalid credentials',
  'The API key is invalid',
  'secret rotation scheduled for 2026-12-01',
  'Refresh token was revoked',
  'JWT malformed',
  'maxTokens: 4096',
  'tokenExpiresAt: 1732872000000',
  'sessionIdleTimeout=1800',
  'signatureAlgorithm: RS256',
  'cookieConsent: accepted',
  'bypass cache for /api/orders',
  'compass heading 270',
  'passwordPolicy: strong',
  'Cannot read properties of undefined (reading "token")',
  "TypeError: Cannot read properties of null (reading 'password')",
  'TypeError: Failed to fetch',
  'NetworkError when attempting to fetch resource.',
  'Loading chunk 482 failed. (error: https://app.example/static/js/482.3f9a1c.chunk.js)',
  'ChunkLoadError: Loading CSS chunk vendors-node_modules_react-dom_index_js failed',
  'Minified React error #418; visit https://react.dev/errors/418 for the full message',
  'Hydration failed because the server rendered HTML did not match the client.',
  'Maximum update depth exceeded',
  'ResizeObserver loop completed with undelivered notifications.',
  'HTTP 503 Service Unavailable',
  'HTTP 429 Too Many Requests (retry after 30 s)',
  'HTTP 422 Unprocessable Entity',
  'GET https://api.example/v2/orders?page=2&sort=desc&limit=50 failed',
  'POST /api/checkout returned 502 after 3 attempts',
  'https://app.example/orders/42?page=2&sort=asc',
  'https://cdn.example/assets/app.8f3a2c1b.js:1:48213',
  'at node_modules/.pnpm/react-dom@19.0.0_react@19.0.0/node_modules/react-dom/cjs/react-dom-client.development.js:8812:20',
  'at node_modules/.pnpm/@tanstack+react-query@5.62.0_react@19.0.0/node_modules/@tanstack/react-query/build/modern/useBaseQuery.js:81:11',
  'at /home/runner/work/app/app/node_modules/.pnpm/zustand@5.0.2_@types+react@19.0.1_react@19.0.0/node_modules/zustand/esm/vanilla.mjs:9:5',
  'at async Promise.all (index 0)',
  'at processTicksAndRejections (node:internal/process/task_queues:95:5)',
  'fetchOrders@https://app.example/static/js/main.4c1d2e.js:2:10452',
  'webpack://app/./src/features/checkout/pay.ts?4f2a',
  'C:\\Program Files\\App\\resources\\app.asar\\dist\\main.js:10:3',
  '/var/lib/app/releases/20261129-1402/server.js:120:17',
  'react@19.0.0 react-dom@19.0.0 zustand@5.1.0 sonner@2.0.8',
  'Upgrade @sentry/react from 8.55.0 to 11.12.0',
  'node v20.20.0 on linux-x64',
  'Chrome/131.0.6778.86 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Failed at 2026-11-24T10:00:00Z after 3 attempts',
  'Retry at 2026-11-29T14:02:31.123+01:00',
  'Basic plan, 12:30 today',
  'Basic authentication is not supported',
  'Bearer authentication required',
  'Total: $1,249.99 (tax $104.17)',
  'Price changed from €19.90 to €24.90',
  'Amount 1234.56 EUR exceeds limit 1000.00 EUR',
  'Quota 95.5% used (9.55 GB of 10 GB)',
  'Latency p95 1,840 ms, p99 4,210 ms',
  'Order 1234567890123 shipped',
  'Order #A-2026-118734 not found',
  'Invoice INV-2026-000871 is already paid',
  'Cart has 3 items, expected at most 2',
  'Field "email" is required',
  'email: must be a valid address',
  'phone: must start with a country code',
  'card: declined by issuer',
  'cvc: too short',
  'IBAN: check digits do not match',
  'ZIP code 94103 is outside the delivery area',
  'Request id 7f3c9a2e-1b4d-4e8f-9a6c-2d5e7f8a9b0c',
  'trace-id 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
  'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  'commit 3f9a1c2b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
  'etag W/"5e15153d-120f"',
  'x-request-id: 01J8Z3K4M5N6P7Q8R9S0T1V2W3',
  'Content-Type: application/json; charset=utf-8',
  'Accept-Language: en-US,en;q=0.9',
  'Cache-Control: no-store, max-age=0',
  'WWW-Authenticate: Bearer realm="api"',
  'Retry-After: 120',
  'Connection reset by peer (ECONNRESET) to 10.0.3.17:5432',
  'getaddrinfo ENOTFOUND api.internal',
  'connect ECONNREFUSED 127.0.0.1:6379',
  'Timeout of 30000ms exceeded',
  'AbortError: The operation was aborted.',
  'TimeoutError: signal timed out',
  'QuotaExceededError: The quota has been exceeded.',
  'SecurityError: The operation is insecure.',
  'DOMException: Failed to execute "showModal" on "HTMLDialogElement"',
  'Unexpected token < in JSON at position 0',
  'SyntaxError: Unexpected end of JSON input',
  'duplicate key value violates unique constraint "orders_pkey"',
  'SELECT id, status FROM orders WHERE user_id = $1 LIMIT 50',
  'deadlock detected while updating row 8812 in "carts"',
  'Circuit "payments" is open; next try in 30 s',
  'Breaker opened after 5 failures in 10 s',
  'Feature "recommendations" degraded: level 2',
  'Service worker 1.4.2 activated',
  'IndexedDB "outbox" version 3 upgraded',
  'Draft saved at 14:02:31 (2 fields)',
  'user 4821 opened /settings/billing',
  'tenant acme-corp on plan enterprise',
  'locale de-CH, currency CHF, timezone Europe/Zurich',
  'screen 1920x1080 @2x, dpr 2',
  'build 2026.11.29-rc.3 (a1b2c3d)',
  'schema v14 → v15 migration took 812 ms',
  'Queue depth 128, oldest 42 s',
  'Expected 200, got 304 Not Modified',
  'CORS: No "Access-Control-Allow-Origin" header is present on the requested resource.',
  'Refused to load the script because it violates the Content Security Policy directive: "script-src self"',
  'Permissions policy violation: geolocation is not allowed in this document.',
  'The user aborted a request.',
  'Rendered more hooks than during the previous render.',
  'Too many re-renders. React limits the number of renders to prevent an infinite loop.',
  'Objects are not valid as a React child (found: object with keys {id, name})',
  'Each child in a list should have a unique "key" prop.',
  'key "orders:list:page=2" missing from cache',
  'cache key user:4821:profile expired',
  'sort=price&order=asc&page=3',
  'filter[status]=open&filter[owner]=me',
  'utm_source=newsletter&utm_medium=email&utm_campaign=black-friday',
  'pin code layout: 2x3 grid',
  'Version 2.3.4-beta.1+build.5 is not compatible with ^3.0.0',
  'Checksum mismatch for chunk 7 (expected 9f2c, got 1a3b)',
  'port 8080 already in use',
  'listening on http://localhost:5173/',
  'ws://127.0.0.1:24678 closed with code 1006',
  'git describe: v1.8.0-14-g2414721',
  'Docker image app:1.8.0@sha256:9b2c7e1f0a3d4c5b6a7e8f9d0c1b2a3e4f5d6c7b8a9e0f1d2c3b4a5e6f7d8c9b',
  'rating 4.5 of 5 from 1,204 reviews',
  'ISBN 978-3-16-148410-0',
  'coordinates 47.3769, 8.5417',
];

/** Written samples, plus ids, UUIDs, timestamps, prices and versions made per index. */
export const benignStrings: string[] = [
  ...WRITTEN,
  ...Array.from({ length: 15 }, (_, i) => `order id ${withLuhn(`4${digits(i, 14)}`)} created`),
  ...Array.from({ length: 10 }, (_, i) => `shipment ${withLuhn(digits(i + 30, 12))}`),
  ...Array.from({ length: 15 }, (_, i) => `requestId=${uuid(i)}`),
  ...Array.from({ length: 15 }, (_, i) => `at ${1_700_000_000_000 + i * 86_400_123} ms`),
  ...Array.from({ length: 10 }, (_, i) => `price ${(i * 13.37 + 0.99).toFixed(2)} USD`),
  ...Array.from({ length: 10 }, (_, i) => `bulwark@0.${i}.${i * 3} requires react@^19.${i}`),
];

/** Object keys that look like secret names but are not, with harmless values. */
export const benignObject: Record<string, unknown> = {
  maxTokens: 4096,
  tokenCount: 3,
  tokenExpiresAt: 1_732_872_000_000,
  sessionIdleTimeout: 1800,
  signatureAlgorithm: 'RS256',
  cookieConsent: 'accepted',
  bypass: 'cache',
  compass: 'north',
  passwordPolicy: 'strong',
  secretName: 'payments-db',
  authMode: 'oidc',
  orderId: 4539148803436467,
  createdAt: 1_732_872_000_000,
  requireAuth: true,
};
