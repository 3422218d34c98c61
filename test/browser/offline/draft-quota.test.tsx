// IndexedDB running out of quota mid-session (a real QuotaExceededError: Chromium's quota for this origin
// is lowered through the DevTools protocol), then localStorage filling up too.
import { render, screen, waitFor } from '@testing-library/react';
import { createDraftStore, createResilience, ResilienceProvider, useDraft, type DraftStore } from 'bulwark';
import { useState } from 'react';
import { cdp } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { type } from './frame';

const origin = location.origin;
const put = IDBObjectStore.prototype.put;
const failAsFull = (): never => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
afterEach(async () => {
  IDBObjectStore.prototype.put = put;
  await cdp().send('Storage.overrideQuotaForOrigin', { origin });
  localStorage.clear();
});

/** Text that does not compress (Chromium's IndexedDB compresses values): 4/3 × `bytes` characters. */
const noise = (bytes: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));

function Note({ store }: { store: DraftStore }) {
  const [text, setText] = useState('');
  const draft = useDraft('note', text, { store, intervalMs: 10 });
  return (
    <>
      <label htmlFor="note">Note</label>
      <textarea id="note" value={text} onChange={(event) => setText(event.target.value)} />
      <p data-testid="status" data-saved-at={draft.savedAt}>
        {draft.status.storage} {draft.status.persistent ? 'persistent' : 'tab-only'} {draft.status.state}
      </p>
    </>
  );
}

it('falls back to localStorage, then memory, when quota runs out mid-session, losing nothing typed', async () => {
  // Room for a few saves. (Chromium applies a lowered quota to databases opened after it.)
  const { usage } = await cdp().send('Storage.getUsageAndQuota', { origin });
  await cdp().send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 150_000 });
  const resilience = createResilience();
  const store = createDraftStore({ name: `quota-${crypto.randomUUID()}`, capture: resilience.capture });
  render(
    <ResilienceProvider resilience={resilience} presenters={false}>
      <Note store={store} />
    </ResilienceProvider>,
  );
  const field = screen.getByLabelText<HTMLTextAreaElement>('Note');
  const status = screen.getByTestId('status');
  let text = '';
  /** Types `more` and waits for the hook to report a save of it. */
  const typeAndSave = async (more: string) => {
    const before = status.dataset['savedAt'];
    text += more;
    type(field, text);
    await waitFor(
      () => {
        expect(status.dataset['savedAt']).not.toBe(before);
        expect(status).toHaveTextContent(/ saved$/);
      },
      { timeout: 5_000 },
    );
  };

  // Saved to IndexedDB while there is room, besides another draft kept there.
  await store.save('other-form', 'saved before the quota ran out');
  await typeAndSave('First words. ');
  expect(status).toHaveTextContent('indexeddb persistent saved');

  let savedInIndexedDb = 0;
  while (savedInIndexedDb < 20) {
    // Chromium does not always enforce the lowered quota (a fresh CI profile let 20 saves of 40 kB through):
    // then IndexedDB answers every write from here on as a full disk does, with a QuotaExceededError.
    if (savedInIndexedDb === 8) IDBObjectStore.prototype.put = failAsFull;
    await typeAndSave(noise(30_000));
    if (!status.textContent.startsWith('indexeddb')) break;
    savedInIndexedDb++;
  }
  // Some large saves fitted before the quota ran out.
  expect(savedInIndexedDb).toBeGreaterThan(0);
  // The quota is the whole origin's: give it back at once, for test files running beside this one.
  await cdp().send('Storage.overrideQuotaForOrigin', { origin });
  expect(status).toHaveTextContent('localstorage persistent saved');
  expect(store.status().reason).toMatch(/^QuotaExceededError/);
  expect((await store.load<string>('note'))?.value).toBe(text);
  // What IndexedDB held before is still offered.
  expect((await store.load<string>('other-form'))?.value).toBe('saved before the quota ran out');
  await typeAndSave(noise(3_000));

  // Fill localStorage to the last byte: the next save has nowhere to go but memory.
  let filler = 0;
  for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) localStorage.setItem(`filler-${filler++}`, 'x'.repeat(size));
    } catch {
      // Full at this size: go on with smaller items.
    }
  }
  await typeAndSave(noise(3_000));
  expect(status).toHaveTextContent('memory tab-only saved');
  await typeAndSave(' Last words.');
  expect((await store.load<string>('note'))?.value).toBe(text);
  expect(text.endsWith(' Last words.')).toBe(true);

  // Recorded once per storage given up, however many saves failed there.
  resilience.flush();
  const records = resilience.store
    .getState()
    .records.filter((record) => record.error.code === 'DRAFT_STORAGE_FALLBACK');
  expect(records.map((record) => [record.error.context, record.count])).toEqual([
    [expect.objectContaining({ from: 'indexeddb', to: 'localstorage' }), 1],
    [expect.objectContaining({ from: 'localstorage', to: 'memory' }), 1],
  ]);
  store.close();
});
