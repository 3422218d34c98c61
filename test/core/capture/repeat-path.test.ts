import {
  AppError,
  createResilience,
  type CaptureContext,
  type ClassificationRule,
  type ErrorRecord,
  type Resilience,
} from 'bulwark/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The repeat path (issue 11) must give the records the full pipeline gives. Each test runs one script of
// captures on two instances: `fast` captures as apps do (recurrences take the repeat path), `full` has each
// value normalised first, which sends its capture through the whole pipeline (no repeat key is read).

/** A small seeded generator: the same script on every run. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

class QuotaError extends Error {
  override name = 'QuotaError';
}

/** One throw site per factory, as a storm has; `n` varies what a site may vary (ids in messages, fields). */
const FACTORIES: ReadonlyArray<(n: number) => unknown> = [
  () => new TypeError('Failed to fetch'),
  (n) => new Error(`Order ${n % 3} not found`),
  () => Object.assign(new Error('Upstream refused'), { code: 'ECONNREFUSED' }),
  (n) => Object.assign(new Error('Bad gateway'), { status: n % 2 ? 502 : 503 }),
  () => Object.assign(new Error('Gateway slow'), { response: { status: 504 } }),
  () => new Error('Login failed for token=sk_live_abcdefghijklmnop1234 at jane@example.com'),
  (n) =>
    new AppError('Card declined, key sk_live_abcdefghijklmnop1234', {
      kind: 'server',
      code: 'CARD_DECLINED',
      context: { orderId: `o-${n % 2}`, attempt: 2 },
    }),
  () => new AppError('Save failed', { kind: 'conflict', severity: 'warning' }),
  () => new AppError('Report ready', { kind: 'unknown', severity: 'info' }),
  () => new AppError('Session over', { kind: 'auth', severity: 'critical' }),
  () => new QuotaError('Storage full'),
  () => ({ name: 'HttpError', message: 'Widget failed' }),
  (n) =>
    Object.assign(new Error('Invalid input'), {
      name: 'ValidationError',
      errors: { [`f${n % 2}`]: ['Required'] },
    }),
  () => new Error('Wrapped', { cause: Object.assign(new Error('inner'), { code: 'GONE' }) }),
  () => 'a thrown string',
];

const retry = { id: 'retry' as const, run: () => {} };
const CONTEXTS: readonly CaptureContext[] = [
  {},
  {},
  { source: 'global' },
  { userAction: 'save' },
  { inlineSurface: true },
  { feature: 'checkout', source: 'hook' },
  { level: 'page' },
  { actions: [retry] },
  { source: 'global', route: '/orders/123?token=abc' } as CaptureContext,
];

/** A record as compared: everything but its error's identity, `cause` and stack below the top frame. */
const project = (record: ErrorRecord | undefined) => {
  if (!record) return record;
  const { error, ...rest } = record;
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(error));
  delete fields['cause'];
  return {
    ...rest,
    error: {
      class: Object.getPrototypeOf(error)?.constructor?.name,
      name: error.name,
      message: error.message,
      ...fields,
      top: error.stack?.split('\n').slice(0, 2),
    },
  };
};

interface Run {
  resilience: Resilience;
  reports: unknown[];
  /** Errors kept from one capture to the next: the repeat path shows as the same error object. */
  reused: number;
}

const instance = (now: () => number, rules: ClassificationRule[]): Run => {
  const reports: unknown[] = [];
  const resilience = createResilience({
    now,
    rules,
    burst: { limit: Infinity, budgetMs: Infinity },
    reporters: [{ name: 'collect', report: (record) => void reports.push(project(record)) }],
    reporting: { minSeverity: 'info', rateLimit: { perFingerprintMs: 0, maxPerMinute: 1e9 } },
  });
  return { resilience, reports, reused: 0 };
};

afterEach(() => vi.restoreAllMocks());

describe('the repeat path gives the records the full pipeline gives (issue 11)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`over a script of 200 captures, clock moves, rule changes, dismissals and the network going (seed ${seed})`, () => {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      let time = 1_000_000;
      const now = () => time;
      let maintenance = false;
      const rules: ClassificationRule[] = [
        {
          name: 'maintenance',
          match: () => maintenance,
          classification: { kind: 'server', messageKey: 'maintenance' },
        },
        { name: 'gone', match: { code: 'GONE' }, classification: { kind: 'not-found' } },
      ];
      const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
      const fast = instance(now, rules);
      const full = instance(now, rules);
      // Mostly a few sites, as a storm is; now and then any of them.
      const hot = [0, 1, 5, 6];

      for (let step = 0; step < 200; step++) {
        const roll = next();
        if (roll < 0.05) maintenance = !maintenance;
        else if (roll < 0.08) onLine.mockReturnValue(next() < 0.5);
        else if (roll < 0.12) {
          const records = fast.resilience.store.getState().records;
          const target = records[Math.floor(next() * records.length)];
          const act = next() < 0.5 ? 'dismiss' : 'resolve';
          if (target) for (const run of [fast, full]) run.resilience[act](target.id);
        } else {
          const site = next() < 0.7 ? pick(hot) : Math.floor(next() * FACTORIES.length);
          const n = Math.floor(next() * 4);
          const context = pick(CONTEXTS);
          const before = fast.resilience.store.getState().records.map((r) => r.error);
          const a = FACTORIES[site]!(n);
          const b = FACTORIES[site]!(n);
          full.resilience.normalize(b);
          const got = fast.resilience.capture(a, context);
          const want = full.resilience.capture(b, context);
          if (before.includes(got.error)) fast.reused += 1;
          expect(project(got), `step ${step}, site ${site}`).toEqual(project(want));
        }
        time += Math.floor(next() * 20_000);
        expect(fast.resilience.store.getState().records.map(project)).toEqual(
          full.resilience.store.getState().records.map(project),
        );
      }
      expect(fast.reports).toEqual(full.reports);
      // The fast instance did take the repeat path (else this compared the full path with itself).
      expect(fast.reused).toBeGreaterThan(30);
    }, 30_000);
  }

  it('in a storm drained as one batch', () => {
    // One capture handled at once, the rest queued (no time budget left) until `flush` drains them as one batch.
    const storm = () =>
      createResilience({ now: () => 1_000_000, burst: { budgetMs: 0, minItems: 1, schedule: () => {} } });
    const fast = storm();
    const full = storm();
    const value = (i: number) => (i % 5 === 4 ? new Error(`Other ${i % 2}`) : FACTORIES[i % 2]!(i));
    for (let i = 0; i < 60; i++) {
      fast.capture(value(i), { source: 'global' });
      const b = value(i);
      full.normalize(b);
      full.capture(b, { source: 'global' });
    }
    expect(fast.store.getState().records).toHaveLength(1);
    fast.flush();
    full.flush();
    const records = fast.store.getState().records;
    expect(records.map(project)).toEqual(full.store.getState().records.map(project));
    // Fetch failures, orders (their numbers folded) and the others: 24, 24 and 12 of the 60.
    expect(records.map((r) => r.count)).toEqual([24, 24, 12]);
  });
});

it('does not count on a record a store listener changed while it was being stored', () => {
  // The repeat path remembers the store's state after its own update; a listener's change makes a new one.
  const runs = [0, 1].map(() => {
    const resilience = createResilience({ now: () => 1_000_000 });
    const unsubscribe = resilience.store.subscribe((state) => {
      const latest = state.records.at(-1);
      if (latest?.status === 'active' && latest.count === 2) resilience.resolve(latest.id);
    });
    return { resilience, unsubscribe };
  });
  const [fast, full] = runs.map((r) => r.resilience) as [Resilience, Resilience];
  for (let i = 0; i < 4; i++) {
    fast.capture(FACTORIES[0]!(i));
    const b = FACTORIES[0]!(i);
    full.normalize(b);
    full.capture(b);
  }
  expect(fast.store.getState().records.map(project)).toEqual(full.store.getState().records.map(project));
  expect(fast.store.getState().records.map((r) => [r.count, r.status])).toEqual([[4, 'active']]);
  for (const run of runs) run.unsubscribe();
});

it('reuses the error of a record across captures only through the repeat path', () => {
  // The comparison above counts reused errors as repeat-path captures: a normalised value never reuses one.
  const resilience = createResilience();
  const first = resilience.capture(new TypeError('Failed to fetch'));
  const again = new TypeError('Failed to fetch');
  resilience.normalize(again);
  expect(resilience.capture(again).error).not.toBe(first.error);
});
