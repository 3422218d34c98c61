import { act, render, screen } from '@testing-library/react';
import {
  AppError,
  createResilience,
  ErrorDetails,
  FullscreenError,
  InlineError,
  RecoveryDialog,
  ResilienceProvider,
  type ErrorRecord,
} from 'bulwark';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const trap = () => {
  throw new Error('trap');
};
const hostile = new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap });
const getterThatThrows = Object.defineProperty({}, 'message', { get: trap, enumerable: true });

/** Values that claim to be errors, or half of one: none may throw while rendering (issue 9). */
const forgedErrors: [string, unknown][] = [
  ['a bare marker', { isAppError: true }],
  ['a marker with wrong field types', { isAppError: true, message: 42, kind: 'nope', actions: 'retry' }],
  [
    'field errors that are not lists',
    {
      ...Object.fromEntries(Object.entries(new AppError('x'))),
      message: 'x',
      fieldErrors: { email: 'Taken' },
    },
  ],
  // Break-it pass 2 (H5): every other field well-formed, the stack not a string.
  ...[5, { toString: () => 'x' }, ['a']].map((stack): [string, unknown] => [
    `a well-formed marker whose stack is ${JSON.stringify(stack)}`,
    {
      isAppError: true,
      message: 'm',
      code: 'C',
      messageKey: 'unknown',
      retryable: false,
      kind: 'unknown',
      severity: 'error',
      actions: [],
      stack,
    },
  ]),
  ['null', null],
  ['a string', 'boom'],
  ['a Proxy whose traps throw', hostile],
  ['a getter that throws', getterThatThrows],
];

/** Records pushed into the store by hand, malformed in every field the presenters read. */
const forgedRecords: [string, unknown][] = [
  ['an empty object', {}],
  [
    'a forged error inside',
    {
      id: 'a',
      fingerprint: 'a',
      error: { isAppError: true },
      presentation: 'toast',
      status: 'active',
      count: 2,
      lastSeen: 1,
      context: {},
    },
  ],
  [
    'no context',
    {
      id: 'b',
      fingerprint: 'b',
      error: new AppError('b'),
      presentation: 'dialog',
      status: 'active',
      count: 1,
      lastSeen: 1,
    },
  ],
  [
    'actions that are not actions',
    {
      id: 'c',
      fingerprint: 'c',
      error: new AppError('c'),
      presentation: 'toast',
      status: 'active',
      count: 1,
      lastSeen: 1,
      context: { actions: [null, 'retry', { id: 1 }] },
    },
  ],
  [
    'a fullscreen record with a hostile error',
    {
      id: 'd',
      fingerprint: 'd',
      error: hostile,
      presentation: 'fullscreen',
      status: 'active',
      count: 1,
      lastSeen: 1,
      context: {},
    },
  ],
  ['null', null],
  ['a Proxy', hostile],
];

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a forged or malformed error or record cannot crash a component (issue 9)', () => {
  it.each(forgedErrors)(
    'ErrorDetails, InlineError, RecoveryDialog and FullscreenError render %s',
    (_, forged) => {
      const error = forged as AppError;
      const record = { error } as unknown as ErrorRecord;
      for (const ui of [
        <ErrorDetails error={error} record={record} audience="developer" />,
        <InlineError error={error} record={record} />,
        <RecoveryDialog error={error} record={record} />,
        <FullscreenError error={error} record={record} />,
      ]) {
        const { unmount } = render(ui);
        // The catalog's text for an unknown error, not a blank screen.
        expect(screen.getAllByText('Something went wrong').length).toBeGreaterThan(0);
        unmount();
      }
    },
  );

  it('the presenters (toasts, dialog, fullscreen) survive every malformed record in the store', async () => {
    const resilience = createResilience();
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <p>app still here</p>
      </ResilienceProvider>,
    );
    for (const [, record] of forgedRecords)
      act(() => resilience.store.getState().upsert(record as ErrorRecord));
    for (let i = 0; i < 3; i++) await act(() => vi.advanceTimersByTime(400));
    expect(screen.getByText('app still here')).toBeInTheDocument();
    expect(document.querySelector('[data-bulwark="fullscreen-error"]')).not.toBeNull();
  });

  it('two captures of a forged marker under the provider leave the app mounted', async () => {
    const resilience = createResilience();
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <p>app still here</p>
      </ResilienceProvider>,
    );
    act(() => {
      resilience.capture({ isAppError: true }, { presentation: 'toast' });
      resilience.capture({ isAppError: true }, { presentation: 'toast' });
    });
    for (let i = 0; i < 3; i++) await act(() => vi.advanceTimersByTime(400));
    expect(screen.getByText('app still here')).toBeInTheDocument();
    expect(document.querySelectorAll('[data-bulwark="toast"]')).toHaveLength(1);
  });
});
