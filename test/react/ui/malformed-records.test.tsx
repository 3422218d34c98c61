import { forgedAppError } from '../../helpers/forged-app-error';
import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  AppError,
  createResilience,
  ErrorDetails,
  ErrorLog,
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
      ...forgedAppError(),
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

/** Values of every wrong type for a field, and a getter that throws (issue 9, H5). */
const wrongValues: [string, () => unknown][] = [
  ['a number', () => 5],
  ['NaN', () => Number.NaN],
  ['an object', () => ({})],
  ['an object whose toString throws', () => ({ toString: trap, valueOf: trap })],
  ['an array', () => ['a']],
  ['null', () => null],
  ['a symbol', () => Symbol('s')],
  ['a bigint', () => 10n ** 30n],
  ['a function', () => trap],
];
const THROWS = Symbol('a getter that throws');
const withField = (base: object, field: string, value: unknown): object => {
  const copy: Record<string, unknown> = { ...base };
  delete copy[field];
  return value === THROWS
    ? Object.defineProperty(copy, field, { get: trap, enumerable: true })
    : Object.assign(copy, { [field]: value });
};
const cases = (fields: readonly string[]): [string, string, unknown][] =>
  fields.flatMap((field) => [
    ...wrongValues.map(([label, make]): [string, string, unknown] => [field, label, make()]),
    [field, 'a getter that throws', THROWS] as [string, string, unknown],
  ]);

/** A well-formed AppError as a plain object (as JSON from a backend or another bulwark copy would give). */
const plainError = {
  isAppError: true,
  name: 'AppError',
  message: 'm',
  stack: 'AppError: m\n    at x (app.js:1:1)',
  code: 'C',
  messageKey: 'unknown',
  retryable: false,
  kind: 'unknown',
  severity: 'error',
  actions: ['retry'],
  status: 500,
  retryAfterMs: 1000,
  context: { requestId: 'r-1' },
  fieldErrors: { email: ['Taken'] },
};
const ERROR_FIELDS = Object.keys(plainError);

const plainRecord = (id: string, presentation: string) => ({
  id,
  fingerprint: id,
  error: plainError,
  count: 2,
  firstSeen: 1,
  lastSeen: 2,
  occurrences: [1, 2],
  presentation,
  status: 'active',
  context: {
    source: 'manual',
    level: 'page',
    feature: 'checkout',
    name: 'Page',
    attempts: 1,
    nextRetryAt: 3,
  },
});
const RECORD_FIELDS = Object.keys(plainRecord('x', 'toast'));
const CONTEXT_FIELDS = [...Object.keys(plainRecord('x', 'toast').context), 'actions'];

describe('every field of an error or record, of any type, cannot crash a component (issue 9, H5)', () => {
  it.each(cases(ERROR_FIELDS))(
    'an AppError whose %s is %s renders in ErrorDetails, InlineError, RecoveryDialog and FullscreenError',
    (field, _, value) => {
      const error = withField(plainError, field, value) as AppError;
      const record = plainRecord('r', 'dialog') as unknown as ErrorRecord;
      const { unmount } = render(
        <>
          <ErrorDetails error={error} record={record} audience="developer" />
          <InlineError error={error} record={record} />
          <RecoveryDialog error={error} record={record} />
          <FullscreenError error={error} record={record} />
        </>,
      );
      expect(screen.getAllByText('Something went wrong').length).toBeGreaterThanOrEqual(4);
      unmount();
    },
  );

  it.each([
    ['toast', 'toast'],
    ['dialog', 'recovery-dialog'],
    ['fullscreen', 'fullscreen-error'],
  ])(
    'records with any field of any type survive the %s presenter and ErrorLog',
    async (presentation, shown) => {
      const records = [
        ...cases(RECORD_FIELDS).map(([field, label, value]) =>
          withField(plainRecord(`${field} ${label}`, presentation), field, value),
        ),
        ...cases(CONTEXT_FIELDS).map(([field, label, value]) => {
          const record = plainRecord(`context.${field} ${label}`, presentation);
          return { ...record, context: withField(record.context, field, value) };
        }),
        ...cases(ERROR_FIELDS).map(([field, label, value]) => ({
          ...plainRecord(`error.${field} ${label}`, presentation),
          error: withField(plainError, field, value),
        })),
      ];
      const resilience = createResilience();
      render(
        <ResilienceProvider resilience={resilience} globalHandlers={false}>
          <p>app still here</p>
          <ErrorLog pageSize={500} />
        </ResilienceProvider>,
      );
      // One at a time: a batch with one record whose fingerprint cannot be read is refused whole.
      act(() => records.forEach((record) => resilience.store.getState().upsert(record as ErrorRecord)));
      for (let i = 0; i < 3; i++) await act(() => vi.advanceTimersByTime(400));
      expect(screen.getByText('app still here')).toBeInTheDocument();
      expect(document.querySelector(`[data-bulwark="${shown}"]`)).not.toBeNull();
      expect(document.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('ErrorLog renders, searches and exports malformed records given by prop', () => {
    const records = cases(RECORD_FIELDS).map(([field, label, value]) =>
      withField(plainRecord(`${field} ${label}`, 'silent'), field, value),
    );
    const exported: string[] = [];
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false}>
        <ErrorLog
          records={records as ErrorRecord[]}
          pageSize={500}
          onExport={(_, text) => exported.push(text)}
        />
      </ResilienceProvider>,
    );
    expect(document.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    // The search text is built from every record's message, code, kind, feature and name.
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'm' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '' } });
    for (const name of [/CSV/i, /JSON/i]) act(() => screen.getByRole('button', { name }).click());
    expect(exported).toHaveLength(2);
  }, 60_000);
});
