import { createDraftStore } from 'bulwark/core';
import { afterEach, expect, it } from 'vitest';

// jsdom has no IndexedDB: memory and localStorage here; IndexedDB in test/browser/offline.
afterEach(() => localStorage.clear());

it.each([
  ['memory', null],
  ['localStorage', localStorage],
] as const)('keeps a tab’s newest save on %s after its clock went back', async (_name, storage) => {
  let clock = 10_000_000;
  const store = createDraftStore({ indexedDB: null, localStorage: storage, now: () => clock });
  await store.save('post', { body: 'typed before the clock change' });
  clock -= 3_600_000; // NTP, a manual change, a VM resumed
  expect(await store.save('post', { body: 'typed after the clock change' })).toBeDefined();
  expect((await store.load<{ body: string }>('post'))?.value.body).toBe('typed after the clock change');
  store.close();
});

it('still keeps another tab’s newer save over an older one from this tab', async () => {
  const newer = createDraftStore({ indexedDB: null, now: () => 2_000 });
  const older = createDraftStore({ indexedDB: null, now: () => 1_000 });
  await newer.save('post', 'newer words');
  expect(await older.save('post', 'older words')).toBeUndefined();
  expect((await older.load('post', { maxAgeMs: Infinity }))?.value).toBe('newer words');
});

it('leaves the draft of a newer version alone when a tab on the old version loads it', async () => {
  const store = createDraftStore({ indexedDB: null });
  await store.save('checkout', { note: 'typed in the new version' }, { version: 2 });
  expect(await store.load('checkout', { version: 1 })).toBeUndefined();
  expect((await store.load('checkout', { version: 2 }))?.value).toEqual({ note: 'typed in the new version' });
  // An older version is still discarded.
  expect(await store.load('checkout', { version: 3 })).toBeUndefined();
  expect(await store.load('checkout', { version: 2 })).toBeUndefined();
  store.close();
});
