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
