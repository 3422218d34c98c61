import { AppError, createResilience, reloadOnChunkError } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './memory-storage';

const chunkError = () => Object.assign(new Error('Loading chunk 42 failed.'), { name: 'ChunkLoadError' });

describe('reloadOnChunkError', () => {
  it('reloads when a chunk-load error is captured from any source', () => {
    const resilience = createResilience();
    const reload = vi.fn();
    reloadOnChunkError(resilience, { reload, storage: memoryStorage() });
    resilience.capture(chunkError(), { source: 'boundary', level: 'page' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads only once for a chunk that keeps failing', () => {
    const resilience = createResilience();
    const reload = vi.fn();
    let now = 0;
    reloadOnChunkError(resilience, { reload, storage: memoryStorage(), now: () => now });
    resilience.capture(chunkError());
    now = 2_000;
    resilience.capture(chunkError());
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('ignores other errors and store changes that are not new occurrences', () => {
    const resilience = createResilience();
    const reload = vi.fn();
    const storage = memoryStorage();
    resilience.capture(chunkError());
    reloadOnChunkError(resilience, { reload, storage });
    resilience.dismiss(resilience.store.getState().records[0]!.id);
    resilience.capture(new AppError('server down', { kind: 'server' }));
    expect(reload).not.toHaveBeenCalled();
  });

  it('stops watching when unsubscribed', () => {
    const resilience = createResilience();
    const reload = vi.fn();
    reloadOnChunkError(resilience, { reload, storage: memoryStorage() })();
    resilience.capture(chunkError());
    expect(reload).not.toHaveBeenCalled();
  });
});
