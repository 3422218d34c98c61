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
