import { act, renderHook } from '@testing-library/react';
import { AppError, circuitBreaker, constant, retry, useAsyncAction } from 'bulwark';
import { describe, expect, it, vi } from 'vitest';
import { setup } from './wrapper';

const transient = () => new AppError('down', { kind: 'server', retryable: true });

describe('useAsyncAction', () => {
  it('goes idle → pending → success and hands back the result', async () => {
    const { wrapper } = setup();
    let finish: (value: string) => void = () => {};
    const { result } = renderHook(
      () =>
        useAsyncAction(
          (name: string) => new Promise<string>((r) => (finish = (greeting) => r(`${greeting} ${name}`))),
        ),
      {
        wrapper,
      },
    );
    expect(result.current).toMatchObject({ status: 'idle', attempt: 0, data: undefined });
    let pending: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      pending = result.current.run('Ada');
    });
    expect(result.current.status).toBe('pending');
    await act(async () => {
      finish('hello');
      await pending;
    });
    expect(result.current).toMatchObject({
      status: 'success',
      data: 'hello Ada',
      attempt: 1,
      error: undefined,
    });
    await expect(pending).resolves.toBe('hello Ada');
  });

  it('runs through the policy, counting attempts', async () => {
    const { wrapper } = setup();
    const fn = vi.fn(async (_input: void, { attempt }: { attempt: number }) => {
      if (attempt < 3) throw transient();
      return 'ok';
    });
    const policy = retry({ backoff: constant(0) });
    const { result } = renderHook(() => useAsyncAction(fn, { policy }), { wrapper });
    await act(() => result.current.run());
    expect(result.current).toMatchObject({ status: 'success', data: 'ok', attempt: 3 });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('sends the failure through capture once, with a retry action, and exposes the captured error', async () => {
    const { resilience, wrapper } = setup();
    const { result } = renderHook(
      () =>
        useAsyncAction(() => Promise.reject(transient()), {
          context: { feature: 'profile', userAction: 'save' },
        }),
      { wrapper },
    );
    await act(() => result.current.run());
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(1);
    expect(records[0]?.context).toMatchObject({
      source: 'hook',
      feature: 'profile',
      userAction: 'save',
      attempts: 1,
    });
    expect(records[0]?.context.actions?.map((a) => a.id)).toEqual(['retry']);
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBe(records[0]?.error);
  });

  it('retries with the last input, also from the captured retry action', async () => {
    const { resilience, wrapper } = setup();
    const fn = vi.fn(async (id: number) => {
      if (fn.mock.calls.length === 1) throw transient();
      return id * 2;
    });
    const { result } = renderHook(() => useAsyncAction(fn), { wrapper });
    await act(() => result.current.run(21));
    const action = resilience.store.getState().records[0]?.context.actions?.[0];
    await act(() => action!.run());
    expect(fn).toHaveBeenLastCalledWith(21, expect.anything());
    expect(result.current).toMatchObject({ status: 'success', data: 42 });
    await act(() => result.current.retry());
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('goes back to idle and aborts the run on reset, capturing nothing', async () => {
    const { resilience, wrapper } = setup();
    let signal: AbortSignal | undefined;
    const { result } = renderHook(
      () =>
        useAsyncAction(
          (_input: void, context) =>
            new Promise<string>((_resolve, reject) => {
              signal = context.signal;
              context.signal.addEventListener('abort', () => reject(new Error('aborted')));
            }),
        ),
      { wrapper },
    );
    let pending: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      pending = result.current.run();
    });
    act(() => result.current.reset());
    await act(() => pending);
    expect(signal?.aborted).toBe(true);
    expect(result.current.status).toBe('idle');
    expect(resilience.store.getState().records).toHaveLength(0);
  });

  it('shows a breaker’s fast-fail as the error without calling the action', async () => {
    const { wrapper } = setup();
    const breaker = circuitBreaker({ name: 'api' });
    breaker.isolate();
    const fn = vi.fn(() => 'never');
    const { result } = renderHook(() => useAsyncAction(fn, { policy: breaker }), { wrapper });
    await act(() => result.current.run());
    expect(fn).not.toHaveBeenCalled();
    expect(result.current.error?.kind).toBe('circuit-open');
  });

  it('aborts the run in flight when unmounted', () => {
    const { wrapper } = setup();
    let signal: AbortSignal | undefined;
    const { result, unmount } = renderHook(
      () =>
        useAsyncAction((_input: void, context) => {
          signal = context.signal;
          return new Promise<never>(() => {});
        }),
      { wrapper },
    );
    act(() => {
      void result.current.run();
    });
    unmount();
    expect(signal?.aborted).toBe(true);
  });
});
