import { act, renderHook, waitFor } from '@testing-library/react';
import { createDraftStore, useDraft } from 'bulwark';
import { expect, it } from 'vitest';

const memory = () => createDraftStore({ indexedDB: null, localStorage: null });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Props = { id: number; value: { title: string } };

it("stops offering post 1's draft when the key switches to post 2", async () => {
  const store = memory();
  await store.save('post:1', { title: 'draft of post 1' });
  const { result, rerender } = renderHook(
    ({ id, value }: Props) => useDraft(`post:${id}`, value, { store }),
    { initialProps: { id: 1, value: { title: 'server copy of post 1' } } },
  );
  await waitFor(() => expect(result.current.restorable?.value).toEqual({ title: 'draft of post 1' }));
  rerender({ id: 2, value: { title: 'server copy of post 2' } });
  await act(() => sleep(200));
  expect(result.current.restorable).toBeUndefined();
  expect(result.current.restore()).toBeUndefined();
});

it("does not save post 2's untouched values as a draft after the key switches, but saves its edits", async () => {
  const store = memory();
  const { rerender, unmount } = renderHook(
    ({ id, value }: Props) => useDraft(`post:${id}`, value, { store, intervalMs: 50 }),
    { initialProps: { id: 1, value: { title: 'server copy of post 1' } } },
  );
  rerender({ id: 1, value: { title: 'post 1, edited' } });
  rerender({ id: 2, value: { title: 'server copy of post 2' } });
  await act(() => sleep(300));
  expect(await store.load('post:2')).toBeUndefined();
  // Post 1's edit, made just before the switch, was kept.
  expect((await store.load('post:1'))?.value).toEqual({ title: 'post 1, edited' });
  rerender({ id: 2, value: { title: 'post 2, edited' } });
  await act(() => sleep(300));
  expect((await store.load('post:2'))?.value).toEqual({ title: 'post 2, edited' });
  unmount();
});

it('stashes the value on pagehide after its autosave failed (a failed save does not count as saved)', async () => {
  const store = memory();
  const failing = { ...store, save: () => Promise.reject(new DOMException('no', 'DataCloneError')) };
  const { result, rerender, unmount } = renderHook(
    ({ value }: { value: { title: string } }) => useDraft('note', value, { store: failing, intervalMs: 10 }),
    { initialProps: { value: { title: '' } } },
  );
  rerender({ value: { title: 'latest typing' } });
  await waitFor(() => expect(result.current.status.state).toBe('error'));
  act(() => void dispatchEvent(new Event('pagehide')));
  expect((await store.load('note'))?.value).toEqual({ title: 'latest typing' });
  unmount();
});

it('offers the side copies a conflicted tab left, newest first, drops expired ones, and clear() removes every version', async () => {
  let clock = 1_700_000_000_000;
  const day = 86_400_000;
  const store = createDraftStore({ indexedDB: null, localStorage, now: () => clock });
  await store.save('post\u001fside:old-tab', { title: 'typed 8 days ago during a conflict' });
  clock += 8 * day;
  await store.save('post', { title: 'the draft' });
  clock += 1_000;
  await store.save('post\u001fside:recent-tab', { title: 'typed during a conflict' });
  const { result, unmount } = renderHook(() => useDraft('post', { title: '' }, { store }));
  await waitFor(() => expect(result.current.restorable?.more).toBe(1));
  expect(result.current.restorable).toMatchObject({
    value: { title: 'typed during a conflict' },
    source: 'other-version',
  });
  // Older than maxAgeMs (7 days): deleted, not offered.
  expect(localStorage.getItem('bulwark-drafts:post\u001fside:old-tab')).toBeNull();
  // Discard the other version: deleted; the draft itself is offered next.
  act(() => result.current.discard());
  expect(result.current.restorable).toMatchObject({ value: { title: 'the draft' }, source: 'earlier-visit' });
  expect(result.current.restorable?.more).toBeUndefined();
  await waitFor(() => expect(localStorage.getItem('bulwark-drafts:post\u001fside:recent-tab')).toBeNull());
  await store.save('post\u001fside:third-tab', { title: 'yet another' });
  await act(() => result.current.clear());
  expect(await store.list('post')).toEqual([]);
  unmount();
  localStorage.clear();
});
