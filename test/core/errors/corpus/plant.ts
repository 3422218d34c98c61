// Where a planted secret goes: every field an app might put one in (issue 9), and every exit it is
// read back from. Shared by the corpus tests and `bench/redaction.bench.ts`.
import {
  AppError,
  createConsoleReporter,
  createResilience,
  HttpError,
  type CaptureContext,
  type Resilience,
} from 'bulwark/core';
import type { PlantedSecret } from './secrets';

/** The fields a secret is planted in. */
export const PLACES = [
  'message',
  'stack',
  'cause',
  'context',
  'headers',
  'url',
  'body',
  'field errors',
  'keys',
] as const;
export type Place = (typeof PLACES)[number];

/** A thrown value (and capture context) carrying `secret.text` in `place`. */
export function plant(secret: PlantedSecret, place: Place, i: number): [unknown, CaptureContext] {
  const { text } = secret;
  switch (place) {
    case 'message':
      return [new Error(`Request failed: ${text}`), {}];
    case 'stack': {
      const error = new Error('Request failed');
      error.stack = `Error: Request failed\n    at load (https://app.example/js/main.js:1:2)\n    at send ${text}\n    at run (node:internal/process/task_queues:95:5)`;
      return [error, {}];
    }
    case 'cause':
      return [new Error('Checkout failed', { cause: new Error(`upstream said: ${text}`) }), {}];
    case 'context':
      return i % 2
        ? [new AppError('Save failed', { kind: 'server', context: { detail: text, attempt: 2 } }), {}]
        : [new Error('Save failed'), { userAction: `save: ${text}`, tags: { note: text } }];
    case 'headers':
      return [
        new AppError('Request failed', {
          kind: 'network',
          context: { request: { method: 'POST', headers: { Accept: 'application/json', 'X-Debug': text } } },
        }),
        {},
      ];
    case 'url':
      return [new HttpError({ status: 500, url: `https://api.example/v1/orders?page=2&${text}` }), {}];
    case 'body':
      return [
        new HttpError({ status: 400, bodyExcerpt: JSON.stringify({ error: 'bad request', detail: text }) }),
        {},
      ];
    case 'field errors':
      return [{ status: 422, errors: { email: [`is invalid: ${text}`], name: ['is required'] } }, {}];
    case 'keys':
      return i % 2
        ? [{ status: 422, errors: { [text]: ['is taken'] } }, {}]
        : [new AppError('Lookup failed', { context: { index: { [text]: 1 } } }), {}];
  }
}

/** Everything that left through the core exits: store state as JSON, the dispatcher, the console reporter. */
export interface CoreExits {
  resilience: Resilience;
  texts: string[];
}

/** Captures one planted value in a fresh instance and collects what each core exit would send. */
export function captureThroughCore(value: unknown, context: CaptureContext): CoreExits {
  const texts: string[] = [];
  const lines: unknown[] = [];
  const sink = {
    error: (...args: unknown[]) => lines.push(args),
    warn: (...args: unknown[]) => lines.push(args),
    info: (...args: unknown[]) => lines.push(args),
  };
  const resilience = createResilience({
    reporters: [
      {
        name: 'collect',
        report: (record) => void texts.push(JSON.stringify(record), String(record.error.stack)),
      },
      createConsoleReporter({ console: sink }),
    ],
    reporting: { minSeverity: 'info' },
  });
  resilience.capture(value, { ...context, source: 'boundary' });
  texts.push(JSON.stringify(resilience.store.getState()));
  for (const record of resilience.store.getState().records)
    texts.push(record.error.message, String(record.error.stack));
  texts.push(JSON.stringify(lines));
  return { resilience, texts };
}

/** The needles of `secret` found in any of `texts`. */
export const survivors = (secret: PlantedSecret, texts: readonly string[]): string[] =>
  secret.needles.filter((needle) => texts.some((text) => text.includes(needle)));
