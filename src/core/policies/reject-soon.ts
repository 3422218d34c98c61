/**
 * A promise that rejects with `error` one microtask from now, once the caller has attached its
 * handler. Node tracks every promise that rejects with no handler yet, and a `throw` unwinds the
 * stack: together about 3.6 µs on the bench machine, against 0.4 µs for this (see bench/).
 */
export const rejectSoon = <T>(error: unknown): Promise<T> =>
  new Promise<T>((_resolve, reject) => {
    // Rejects with whatever the caller's function threw, as it was thrown.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    queueMicrotask(() => reject(error));
  });
