// @vitest-environment node
import { AppError, fallback } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

const down = () => Promise.reject(new AppError('down', { kind: 'server' }));

describe('fallback', () => {
  it('answers the value when the call fails', async () => {
    await expect(fallback([] as string[]).execute(down)).resolves.toEqual([]);
  });

  it('answers the result of a function of the error', async () => {
    const policy = fallback((error) => `cached (${(error as Error).message})`);
    await expect(policy.execute(down)).resolves.toBe('cached (down)');
  });

  it('answers the call result when it succeeds', async () => {
    await expect(fallback('spare').execute(() => 'fresh')).resolves.toBe('fresh');
  });

  it('lets an abort through', async () => {
    const aborted = new AppError('stop', { kind: 'aborted' });
    await expect(fallback('spare').execute(() => Promise.reject(aborted))).rejects.toBe(aborted);
  });

  it('handles only what `on` allows', async () => {
    const policy = fallback('spare', { on: (e) => e === 'soft' });
    await expect(policy.execute(() => Promise.reject('soft'))).resolves.toBe('spare');
    await expect(policy.execute(() => Promise.reject('hard'))).rejects.toBe('hard');
  });

  it('rejects with the fallback function’s own error', async () => {
    const broken = new Error('fallback bug');
    const policy = fallback(() => {
      throw broken;
    });
    await expect(policy.execute(down)).rejects.toBe(broken);
  });
});

describe('fallback: an abort means stop', () => {
  it('rethrows a DOMException AbortError instead of answering it, whatever `on` says', async () => {
    const aborted = new DOMException('stop', 'AbortError');
    await expect(fallback('spare').execute(() => Promise.reject(aborted))).rejects.toBe(aborted);
    await expect(fallback('spare', { on: () => true }).execute(() => Promise.reject(aborted))).rejects.toBe(
      aborted,
    );
  });

  it('rethrows what fn throws once the caller has aborted', async () => {
    const controller = new AbortController();
    const hangUp = new Error('socket hang up');
    const call = fallback('spare').execute(async () => {
      controller.abort();
      throw hangUp;
    }, controller.signal);
    await expect(call).rejects.toBe(hangUp);
  });

  it('never calls fn with an already-aborted signal', async () => {
    let called = false;
    const call = fallback('spare').execute(() => {
      called = true;
      return 'fresh';
    }, AbortSignal.abort());
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    expect(called).toBe(false);
  });
});
