import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AppError,
  classifyError,
  defaultRules,
  ERROR_KINDS,
  kindDefaults,
  SEVERITIES,
  type ClassificationRule,
  type ErrorKind,
} from 'bulwark/core';

const named = (name: string, message = 'x'): Error => Object.assign(new Error(message), { name });

/** One raw thrown value per kind, as browsers, fetch clients and servers produce them. */
const samples: Record<ErrorKind, unknown> = {
  network: new TypeError('Failed to fetch'),
  timeout: new DOMException('signal timed out', 'TimeoutError'),
  offline: named('OfflineError'),
  aborted: new DOMException('The user aborted a request.', 'AbortError'),
  'rate-limit': { status: 429 },
  auth: { status: 401 },
  forbidden: { status: 403 },
  'not-found': { status: 404 },
  validation: { status: 422, errors: { email: ['Enter an email address'] } },
  conflict: { status: 409 },
  server: { status: 500 },
  'circuit-open': named('BrokenCircuitError', 'Execution prevented because the circuit breaker is open'),
  'chunk-load': named('ChunkLoadError', 'Loading chunk 42 failed.'),
  render: new Error('Minified React error #185; visit https://react.dev/errors/185'),
  unknown: new Error('Cannot read properties of undefined'),
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('classifyError', () => {
  it.each(ERROR_KINDS.map((kind) => [kind]))('reaches kind %s from a raw thrown value', (kind) => {
    expect(classifyError(samples[kind]).kind).toBe(kind);
  });

  it.each(ERROR_KINDS.map((kind) => [kind, kindDefaults[kind]]))(
    'gives %s its severity, retryability, message key and actions',
    (kind, expected) => {
      expect(classifyError(samples[kind])).toEqual({ kind, messageKey: kind, ...expected });
    },
  );

  it('maps each kind to the documented severity', () => {
    const severities = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, kindDefaults[kind].severity]));
    expect(severities).toEqual({
      network: 'warning',
      timeout: 'warning',
      offline: 'warning',
      aborted: 'info',
      'rate-limit': 'warning',
      auth: 'error',
      forbidden: 'error',
      'not-found': 'error',
      validation: 'warning',
      conflict: 'warning',
      server: 'error',
      'circuit-open': 'warning',
      'chunk-load': 'critical',
      render: 'error',
      unknown: 'error',
    });
    expect(new Set(Object.values(severities))).toEqual(new Set(SEVERITIES));
  });

  it('gives every kind at least one recovery action', () => {
    for (const kind of ERROR_KINDS) expect(kindDefaults[kind].actions.length).toBeGreaterThan(0);
  });

  it.each([
    ['Chrome', 'Failed to fetch'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Safari', 'Load failed'],
    ['Node', 'fetch failed'],
  ])("classifies %s's fetch TypeError as a retryable network error", (_, message) => {
    expect(classifyError(new TypeError(message))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('classifies a network failure as offline when the browser says it is offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(classifyError(new TypeError('Failed to fetch')).kind).toBe('offline');
  });

  it.each([
    [408, 'timeout', true],
    [425, 'rate-limit', true],
    [429, 'rate-limit', true],
    [500, 'server', true],
    [502, 'server', true],
    [503, 'server', true],
    [504, 'timeout', true],
    [501, 'server', false],
    [505, 'server', false],
    [400, 'validation', false],
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'not-found', false],
    [405, 'unknown', false],
    [409, 'conflict', false],
    [410, 'not-found', false],
    [412, 'conflict', false],
    [413, 'validation', false],
    [422, 'validation', false],
  ])('classifies HTTP %i as %s, retryable: %s', (status, kind, retryable) => {
    expect(classifyError({ status })).toMatchObject({ kind, retryable });
  });

  it('never retries aborted, auth or validation errors', () => {
    for (const value of [samples.aborted, samples.auth, samples.validation, samples.forbidden]) {
      expect(classifyError(value).retryable).toBe(false);
    }
  });

  it('reads the status of axios- and ky-style errors from response.status', () => {
    expect(classifyError({ name: 'AxiosError', response: { status: 503 } }).kind).toBe('server');
    expect(classifyError({ statusCode: 404 }).kind).toBe('not-found');
  });

  it.each([
    ['ECONNREFUSED', 'network'],
    ['ERR_NETWORK', 'network'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNABORTED', 'timeout'],
    ['EOPENBREAKER', 'circuit-open'],
  ])('classifies error code %s as %s', (code, kind) => {
    expect(classifyError(Object.assign(new Error('x'), { code })).kind).toBe(kind);
  });

  it.each([
    'Failed to fetch dynamically imported module: https://app.example/assets/page-1a2b3c.js',
    'Loading chunk 7 failed.',
    'Loading CSS chunk 7 failed.',
    'Importing a module script failed.',
  ])('classifies "%s" as chunk-load, before the network rule', (message) => {
    expect(classifyError(new TypeError(message)).kind).toBe('chunk-load');
  });

  it.each(['Hydration failed because the server rendered HTML did not match', 'Too many re-renders.'])(
    'classifies React message "%s" as render',
    (message) => {
      expect(classifyError(new Error(message)).kind).toBe('render');
    },
  );

  it('classifies by cause when the outer error says nothing', () => {
    const error = new Error('Saving the draft failed', { cause: new TypeError('Failed to fetch') });
    expect(classifyError(error).kind).toBe('network');
  });

  it('survives a cyclic cause chain', () => {
    const a: Error = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(classifyError(a).kind).toBe('unknown');
  });

  it('classifies a plain object with field errors as validation', () => {
    expect(classifyError({ fieldErrors: { name: 'Enter your name' } }).kind).toBe('validation');
  });

  it('classifies a thrown string by its text', () => {
    expect(classifyError('Request timed out').kind).toBe('timeout');
    expect(classifyError('whatever').kind).toBe('unknown');
  });

  it('keeps the classification of an AppError with a known kind', () => {
    const error = new AppError('Card declined', {
      kind: 'validation',
      severity: 'error',
      messageKey: 'card',
    });
    expect(classifyError(error)).toMatchObject({ kind: 'validation', severity: 'error', messageKey: 'card' });
  });

  it('tries app rules before the default rules', () => {
    const rules: ClassificationRule[] = [
      {
        name: 'maintenance',
        match: { status: 503 },
        classification: { kind: 'server', messageKey: 'maintenance', retryable: false },
      },
    ];
    expect(classifyError({ status: 503 }, rules)).toMatchObject({
      messageKey: 'maintenance',
      retryable: false,
    });
    expect(classifyError({ status: 500 }, rules)).toMatchObject({ messageKey: 'server', retryable: true });
  });

  it('lets an app rule reclassify an AppError by kind', () => {
    const rules: ClassificationRule[] = [
      {
        name: 'quiet 404',
        match: { kind: 'not-found' },
        classification: { kind: 'not-found', severity: 'info' },
      },
    ];
    expect(classifyError(new AppError('x', { kind: 'not-found' }), rules).severity).toBe('info');
  });

  it('matches predicate rules against the facts and treats a throwing predicate as no match', () => {
    const rules: ClassificationRule[] = [
      {
        name: 'broken',
        match: () => {
          throw new Error('bug in app rule');
        },
        classification: { kind: 'render' },
      },
      {
        name: 'payments',
        match: (_, facts) => facts.code === 'CARD_DECLINED',
        classification: { kind: 'validation' },
      },
    ];
    expect(classifyError(Object.assign(new Error('x'), { code: 'CARD_DECLINED' }), rules).kind).toBe(
      'validation',
    );
  });

  it('fills fields the rule leaves out from the kind defaults', () => {
    const rules: ClassificationRule[] = [
      { name: 'teapot', match: { status: 418 }, classification: { kind: 'server' } },
    ];
    expect(classifyError({ status: 418 }, rules)).toEqual({
      kind: 'server',
      messageKey: 'server',
      ...kindDefaults.server,
    });
  });

  it('matches exact strings exactly and RegExps by test', () => {
    const rules: ClassificationRule[] = [
      { name: 'exact', match: { message: 'Quota exceeded' }, classification: { kind: 'rate-limit' } },
    ];
    expect(classifyError(new Error('Quota exceeded'), rules).kind).toBe('rate-limit');
    expect(classifyError(new Error('Quota exceeded soon'), rules).kind).toBe('unknown');
  });

  it('keeps every default rule pointing at a real kind', () => {
    for (const rule of defaultRules) expect(ERROR_KINDS).toContain(rule.classification.kind);
  });

  it('never throws on hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(classifyError(hostile).kind).toBe('unknown');
    expect(classifyError(Object.freeze({ status: 404 })).kind).toBe('not-found');
  });
});
