import { createDraftStore } from 'bulwark/core';
import { afterEach, expect, it, vi } from 'vitest';

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

it('keeps a Date, Map, Set, BigInt, typed array, undefined, NaN and -0 on localStorage (F8)', async () => {
  const store = createDraftStore({ indexedDB: null, localStorage });
  const value = {
    when: new Date(0),
    tags: new Set(['a', 'b']),
    extra: new Map<unknown, unknown>([
      ['k', new Date(5)],
      [1, 'one'],
    ]),
    big: 12345678901234567890n,
    bytes: new Uint8Array([1, 2, 255]),
    samples: new Float64Array([0.5, -1]),
    pattern: /ab+c/gi,
    nothing: undefined,
    list: [undefined, NaN, -0, Infinity],
    // A field of the caller's named like the tag is not read as one.
    shape: { $t: 'D', v: 3 },
  };
  await store.save('typed', value);
  const loaded = (await store.load<typeof value>('typed'))!.value;
  expect(loaded).toEqual(value);
  expect(loaded.when).toBeInstanceOf(Date);
  expect(loaded.extra.get('k')).toEqual(new Date(5));
  expect(loaded.bytes).toBeInstanceOf(Uint8Array);
  expect(loaded.samples).toBeInstanceOf(Float64Array);
  expect(Object.is(loaded.list[2], -0)).toBe(true);
  expect('nothing' in loaded).toBe(true);
  store.close();
});

it('leaves a Blob or a function out of the localStorage copy, says which, and records it (F8)', async () => {
  const capture = vi.fn();
  const store = createDraftStore({ indexedDB: null, localStorage, capture });
  const value = { title: 'Launch', files: [new Blob(['x'])], onPick: () => undefined };
  expect(await store.save('event', value)).toBeDefined();
  const loaded = await store.load<{ title: string; files: unknown[] }>('event');
  expect(loaded?.value).toEqual({ title: 'Launch', files: [undefined] });
  expect(loaded?.dropped).toEqual(['files[0]', 'onPick']);
  expect(capture).toHaveBeenCalledWith(
    expect.objectContaining({
      code: 'DRAFT_VALUE_DROPPED',
      context: expect.objectContaining({ key: 'event', paths: 'files[0], onPick' }),
    }),
    expect.objectContaining({ presentation: 'silent' }),
  );
  store.close();
});

it('refuses a save based on a draft another tab has replaced since, (F13)', async () => {
  const a = createDraftStore({ indexedDB: null, localStorage });
  const b = createDraftStore({ indexedDB: null, localStorage });
  const fromA = await a.save('post', 'from A');
  const seen = { tab: fromA!.tab, savedAt: fromA!.savedAt };
  const fromB = await b.save('post', 'from B', { basedOn: seen });
  expect(fromB).toBeDefined();
  // A has not seen B's save: A's save (based on its own) is refused, B's text stays.
  expect(await a.save('post', 'from A again', { basedOn: seen })).toBeUndefined();
  expect(a.stash('post', 'from A, closing', { basedOn: seen })).toBeUndefined();
  expect((await a.load('post'))?.value).toBe('from B');
  // Once A's user has seen B's draft, A may replace it.
  expect(
    await a.save('post', 'A chose its own', { basedOn: { tab: fromB!.tab, savedAt: fromB!.savedAt } }),
  ).toBeDefined();
  // Without basedOn, the later save wins as before.
  expect(await b.save('post', 'B, unguarded')).toBeDefined();
  a.close();
  b.close();
});

it('keeps shared references and cycles on localStorage, as structured clone does', async () => {
  const store = createDraftStore({ indexedDB: null, localStorage });
  const home = { city: 'Oslo', visits: [new Date(0)] };
  const tags = new Set(['a']);
  const trip: Record<string, unknown> = { from: home, to: home, tags, again: [tags, home.visits] };
  trip['self'] = trip;
  const map = new Map<string, unknown>([['trip', trip]]);
  map.set('map', map);
  trip['map'] = map;
  await store.save('trip', trip);
  // What a later visit reads: decoded from the text in localStorage, not from memory.
  const reopened = createDraftStore({ indexedDB: null, localStorage });
  const loaded = (await reopened.load<typeof trip>('trip'))!.value;
  expect(loaded['to']).toBe(loaded['from']);
  expect(loaded['self']).toBe(loaded);
  expect((loaded['again'] as unknown[])[0]).toBe(loaded['tags']);
  expect((loaded['again'] as unknown[])[1]).toBe((loaded['from'] as typeof home).visits);
  expect((loaded['map'] as Map<string, unknown>).get('trip')).toBe(loaded);
  expect((loaded['map'] as Map<string, unknown>).get('map')).toBe(loaded['map']);
  expect((loaded['from'] as typeof home).visits[0]).toEqual(new Date(0));
  store.close();
  reopened.close();
});

it('reads a field named __proto__ back as a field, not as the prototype', async () => {
  const store = createDraftStore({ indexedDB: null, localStorage });
  await store.save('odd', JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}') as object);
  const loaded = (await store.load<Record<string, unknown>>('odd'))!.value;
  expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
  expect(Object.keys(loaded)).toEqual(['__proto__', 'title']);
  store.close();
});
