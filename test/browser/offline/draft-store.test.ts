// The draft store on real IndexedDB: versions, age, newer-save-wins and the other tab being told.
import { createDraftStore, createResilience, type DraftStoreEvent } from 'bulwark/core';
import { expect, it, vi } from 'vitest';
import { find, openPage, readIndexedDb, type } from './frame';

const unique = () => `store-${crypto.randomUUID()}`;

it('discards a draft of another version, with a silent info record, instead of offering it', async () => {
  const resilience = createResilience();
  const name = unique();
  const store = createDraftStore({ name, capture: resilience.capture });
  await store.save('profile', { nickname: 'ada' }, { version: 1 });
  expect(await store.load('profile', { version: 2 })).toBeUndefined();
  // Gone, not merely hidden from version 2.
  expect(await store.load('profile', { version: 1 })).toBeUndefined();
  resilience.flush();
  const [record] = resilience.store.getState().records;
  expect(record).toMatchObject({
    presentation: 'silent',
    error: { code: 'DRAFT_DISCARDED', severity: 'info' },
  });
  expect(record!.error.context).toMatchObject({
    key: 'profile',
    reason: 'incompatible',
    version: 1,
    expected: 2,
  });
  store.close();
});

it('discards a draft older than maxAgeMs (7 days by default)', async () => {
  let now = Date.UTC(2026, 0, 1);
  const capture = vi.fn();
  const store = createDraftStore({ name: unique(), capture, now: () => now });
  await store.save('comment', 'old words');
  now += 7 * 24 * 60 * 60 * 1000 - 1;
  expect(await store.load('comment')).toMatchObject({ value: 'old words' });
  now += 2;
  expect(await store.load('comment')).toBeUndefined();
  expect(capture).toHaveBeenCalledWith(
    expect.objectContaining({
      code: 'DRAFT_DISCARDED',
      context: expect.objectContaining({ reason: 'expired' }),
    }),
    expect.objectContaining({ presentation: 'silent' }),
  );
  store.close();
});

it('keeps the newer save when an older one arrives later from another tab', async () => {
  const name = unique();
  const newer = createDraftStore({ name, now: () => 2_000 });
  const older = createDraftStore({ name, now: () => 1_000 });
  expect(await newer.save('post', 'newer words')).toMatchObject({ savedAt: 2_000 });
  expect(await older.save('post', 'older words')).toBeUndefined();
  expect(await older.load('post', { maxAgeMs: Infinity })).toMatchObject({ value: 'newer words' });
  newer.close();
  older.close();
});

it('tells the other store of a save and a removal of the same name', async () => {
  const name = unique();
  const here = createDraftStore({ name });
  const there = createDraftStore({ name });
  const events: DraftStoreEvent[] = [];
  there.subscribe((event) => events.push(event));
  const entry = await here.save('post', 'hello');
  await vi.waitFor(() =>
    expect(events).toContainEqual({ type: 'saved-elsewhere', key: 'post', savedAt: entry!.savedAt }),
  );
  await here.remove('post');
  await vi.waitFor(() => expect(events).toContainEqual({ type: 'removed-elsewhere', key: 'post' }));
  here.close();
  there.close();
});

it('offers the newer draft saved in another tab instead of overwriting it silently', async () => {
  const name = unique();
  const first = openPage('draft-form.html', { name });
  const second = openPage('draft-form.html', { name });
  await find(second, '#title');
  type(await find<HTMLInputElement>(first, '#title'), 'Typed in the first tab');
  const prompt = await find(second, '[data-bulwark="draft-restore-prompt"][data-source="other-tab"]');
  expect(prompt).toHaveAccessibleName('A newer version of this was saved in another tab a few seconds ago.');
  (
    Array.from(prompt.querySelectorAll('button')).find(
      (b) => b.textContent === 'Load the newer version',
    ) as HTMLButtonElement
  ).click();
  await vi.waitFor(() =>
    expect(second.contentDocument!.querySelector<HTMLInputElement>('#title')!.value).toBe(
      'Typed in the first tab',
    ),
  );
  first.remove();
  second.remove();
});

it('brings a Date back as a Date after the pagehide copy, and says a File was left out of it (F18)', async () => {
  const name = unique();
  const capture = vi.fn();
  const first = createDraftStore({ name, capture });
  await first.save('event', { title: 'Launch', when: new Date(0), file: new File(['x'], 'a.txt') });
  expect(first.status().storage).toBe('indexeddb');
  // What useDraft does on pagehide: a synchronous copy of the latest value in localStorage.
  first.stash('event', {
    title: 'Launch party',
    when: new Date(1000),
    tags: new Set(['x']),
    file: new File(['x'], 'a.txt'),
  });
  first.close();
  const reopened = createDraftStore({ name });
  const draft = await reopened.load<{ title: string; when: Date; tags: Set<string>; file?: File }>('event');
  reopened.close();
  // Only this test's item: other files share the origin's localStorage (the quota test fills it).
  localStorage.removeItem(`${name}:event`);
  expect(draft?.value.title).toBe('Launch party');
  expect(draft?.value.when).toEqual(new Date(1000));
  expect(draft?.value.tags).toEqual(new Set(['x']));
  // A File cannot be kept as text: left out, and said so (in the entry and through capture).
  expect(draft?.value.file).toBeUndefined();
  expect(draft?.dropped).toEqual(['file']);
  expect(capture).toHaveBeenCalledWith(
    expect.objectContaining({ code: 'DRAFT_VALUE_DROPPED' }),
    expect.objectContaining({ presentation: 'silent' }),
  );
});

it('lets another tab delete the drafts database (a logout), and saves again afterwards (F11)', async () => {
  const name = unique();
  const store = createDraftStore({ name });
  await store.save('note', { text: 'personal' });
  const outcome = await new Promise<string>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onerror = () => resolve('error');
    request.onblocked = () => resolve('blocked');
  });
  expect(outcome).toBe('deleted');
  // The store opens the database again on its next use, still on IndexedDB.
  await store.save('note', { text: 'typed after the logout' });
  expect(store.status().storage).toBe('indexeddb');
  expect(await readIndexedDb(name)).toEqual([
    expect.objectContaining({ value: { text: 'typed after the logout' } }),
  ]);
  store.close();
});

it('opens IndexedDB again after the browser closed the connection, rather than falling back (F21)', async () => {
  const name = unique();
  const capture = vi.fn();
  let opened: IDBOpenDBRequest | undefined;
  // The real IndexedDB, with a handle on the connection to close it as the browser does ("Clear site data",
  // a backing-store error, storage pressure).
  const factory = {
    open: (dbName: string, version?: number) => (opened = indexedDB.open(dbName, version)),
  } as unknown as IDBFactory;
  const store = createDraftStore({ name, indexedDB: factory, capture });
  await store.save('comment:1', { text: 'kept in IndexedDB' });
  opened!.result.close();
  await store.save('comment:2', { text: 'typed after the connection closed' });
  expect(store.status().storage).toBe('indexeddb');
  expect(capture).not.toHaveBeenCalled();
  expect((await store.load<{ text: string }>('comment:1'))?.value.text).toBe('kept in IndexedDB');
  opened!.result.close();
  expect((await store.list('comment:')).map((entry) => entry.key).sort()).toEqual(['comment:1', 'comment:2']);
  store.close();
});

it('takes a File left out of the pagehide copy back from the IndexedDB copy, unless another was picked since', async () => {
  const name = unique();
  const store = createDraftStore({ name });
  const photo = new File(['the photo bytes'], 'photo.jpg', { type: 'image/jpeg', lastModified: 1_000 });
  const scan = new Blob(['scan'], { type: 'application/pdf' });
  const draft = (title: string, files: Map<string, Blob>) => ({ title, photo, files, more: [scan] });
  await store.save('event', draft('Launch', new Map([['cover', photo]])));
  expect(store.status().storage).toBe('indexeddb');
  // The tab closes: the pagehide copy goes to localStorage as text, which cannot hold the files.
  const other = new File(['another'], 'other.jpg', { type: 'image/jpeg', lastModified: 2_000 });
  store.stash(
    'event',
    draft(
      'Launch party',
      new Map([
        ['cover', photo],
        ['back', other],
      ]),
    ),
  );
  store.close();

  const reopened = createDraftStore({ name });
  const loaded = await reopened.load<ReturnType<typeof draft>>('event');
  expect(loaded?.value.title).toBe('Launch party');
  expect(loaded?.value.photo).toBeInstanceOf(File);
  expect(await loaded?.value.photo.text()).toBe('the photo bytes');
  expect(loaded?.value.photo).toMatchObject({ name: 'photo.jpg', type: 'image/jpeg', lastModified: 1_000 });
  expect(await loaded?.value.files.get('cover')?.text()).toBe('the photo bytes');
  expect(await loaded?.value.more[0]?.text()).toBe('scan');
  // `back` was picked after the last IndexedDB save: it cannot come back, and the draft says so.
  expect(loaded?.value.files.get('back')).toBeUndefined();
  expect(loaded?.dropped).toEqual(['files.back']);

  // Another file picked in place of the saved one (same field): not swapped for the old one.
  reopened.stash('event', { ...draft('Launch', new Map()), photo: other });
  const replaced = await reopened.load<ReturnType<typeof draft>>('event');
  expect(replaced?.value.photo).toBeUndefined();
  expect(replaced?.dropped).toEqual(['photo']);
  reopened.close();
});
