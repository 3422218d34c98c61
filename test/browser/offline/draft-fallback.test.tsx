// Storage that is not there: IndexedDB refused (as in Firefox private mode), then localStorage full too.
import { render, screen, waitFor } from '@testing-library/react';
import { createDraftStore, createResilience, ResilienceProvider, useDraft } from 'bulwark';
import { useState } from 'react';
import { userEvent } from 'vitest/browser';
import { afterEach, expect, it, vi } from 'vitest';

// The error Firefox's private mode threw from `indexedDB.open`.
const refuseIndexedDb = () =>
  vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  });

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

// The hook's own store (no `store` option), which reports to the provider's `capture`.
function Note({ draftKey }: { draftKey: string }) {
  const [text, setText] = useState('');
  const draft = useDraft(draftKey, text, { intervalMs: 100 });
  return (
    <>
      <label htmlFor="note">Note</label>
      <input id="note" value={text} onChange={(event) => setText(event.target.value)} />
      <p data-testid="status">
        {draft.status.storage} {draft.status.persistent ? 'persistent' : 'tab-only'} {draft.status.state}
      </p>
    </>
  );
}

it('saves to localStorage when IndexedDB is unavailable, says so in status, and records it once', async () => {
  refuseIndexedDb();
  const resilience = createResilience();
  const key = `note-${crypto.randomUUID()}`;
  render(
    <ResilienceProvider resilience={resilience} presenters={false}>
      <Note draftKey={key} />
    </ResilienceProvider>,
  );
  await userEvent.type(screen.getByLabelText('Note'), 'Kept in localStorage');
  await waitFor(() =>
    expect(screen.getByTestId('status')).toHaveTextContent('localstorage persistent saved'),
  );
  await waitFor(() =>
    expect(JSON.parse(localStorage.getItem(`bulwark-drafts:${key}`)!)).toMatchObject({
      value: 'Kept in localStorage',
    }),
  );
  expect((await indexedDB.databases()).map((db) => db.name)).not.toContain('bulwark-drafts');
  resilience.flush();
  const records = resilience.store
    .getState()
    .records.filter((r) => r.error.code === 'DRAFT_STORAGE_FALLBACK');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ count: 1, presentation: 'silent' });
});

it('keeps drafts in memory when localStorage is full too, and status says they last only for this tab', async () => {
  refuseIndexedDb();
  // Fill the real localStorage to its quota.
  let filler = 0;
  for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) localStorage.setItem(`f${filler++}`, 'x'.repeat(size));
    } catch {
      // Full at this size: go on with smaller items.
    }
  }
  const capture = vi.fn();
  const store = createDraftStore({ name: `memory-${crypto.randomUUID()}`, capture });
  await store.save('note', 'only in memory');
  expect(store.status()).toMatchObject({ storage: 'memory', persistent: false });
  expect(store.status().reason).toMatch(/InvalidStateError/);
  expect(await store.load('note')).toMatchObject({ value: 'only in memory' });
  expect(capture).toHaveBeenCalledTimes(1);
  store.close();
});
