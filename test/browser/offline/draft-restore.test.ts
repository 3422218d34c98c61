// The scenario in real Chromium: type, close the tab, reopen, restore; the password never stored.
import { expect, it, vi } from 'vitest';
import { doc, find, openPage, readIndexedDb, readLocalStorage, type } from './frame';

const SECRET = 'hunter2-correct-horse';
const CONFIRM = 'confirm-battery-staple';

it('restores a draft after the tab was closed, and never stores a password', async () => {
  const name = `drafts-${crypto.randomUUID()}`;
  const writes: string[] = [];
  (window as Window & { storageWrites?: string[] }).storageWrites = writes;
  let frame = openPage('draft-form.html', { name });
  const title = await find<HTMLInputElement>(frame, '#title');
  type(title, 'Quarterly report');
  // The first change is saved at once, to IndexedDB; wait for it, so the next ones wait for the 5 s interval.
  await find(frame, 'form[data-state="saved"][data-storage="indexeddb"]');
  type(doc(frame).querySelector('#body')!, 'Half a thought about the numbers');
  type(doc(frame).querySelector('#password')!, SECRET);
  type(doc(frame).querySelector('#confirm')!, CONFIRM);

  // The tab closes within the interval: only the pagehide save can keep the body.
  frame.remove();
  frame = openPage('draft-form.html', { name });
  const prompt = await find(frame, '[data-bulwark="draft-restore-prompt"]');
  expect(doc(frame).querySelector('form')!.dataset['storage']).toBe('indexeddb');
  expect(prompt).toHaveAccessibleName('You have unsaved changes from a few seconds ago.');
  expect(doc(frame).querySelector<HTMLInputElement>('#title')!.value).toBe('');

  (
    Array.from(prompt.querySelectorAll('button')).find(
      (b) => b.textContent === 'Restore',
    ) as HTMLButtonElement
  ).click();
  await vi.waitFor(() =>
    expect(doc(frame).querySelector<HTMLInputElement>('#title')!.value).toBe('Quarterly report'),
  );
  expect(doc(frame).querySelector<HTMLTextAreaElement>('#body')!.value).toBe(
    'Half a thought about the numbers',
  );
  expect(doc(frame).querySelector<HTMLInputElement>('#password')!.value).toBe('');
  expect(doc(frame).querySelector<HTMLInputElement>('#confirm')!.value).toBe('');
  expect(doc(frame).querySelector('[data-bulwark="draft-restore-prompt"]')).toBeNull();
  // Focus goes to the form, not to the page.
  expect(doc(frame).activeElement).toBe(doc(frame).querySelector('#title'));

  // Read both storages directly: the draft is there, the passwords are not.
  const stored = JSON.stringify([await readIndexedDb(name), readLocalStorage()]);
  expect(stored).toContain('Quarterly report');
  expect(stored).toContain('Half a thought');
  expect(stored).not.toContain(SECRET);
  expect(stored).not.toContain(CONFIRM);
  // Nor was any write on the way: every value the pages handed to either storage.
  expect(writes.join('\n')).toContain('Half a thought');
  expect(writes.join('\n')).not.toContain(SECRET);
  expect(writes.join('\n')).not.toContain(CONFIRM);
  delete (window as Window & { storageWrites?: string[] }).storageWrites;
  frame.remove();
});

it('offers nothing once the draft was cleared after a submit', async () => {
  const name = `drafts-${crypto.randomUUID()}`;
  let frame = openPage('draft-form.html', { name });
  type(await find<HTMLInputElement>(frame, '#title'), 'Sent already');
  await find(frame, 'form[data-state="saved"]');
  doc(frame).querySelector('form')!.requestSubmit();
  await find(frame, 'form[data-state="idle"]');
  frame.remove();
  frame = openPage('draft-form.html', { name });
  await find(frame, '#title');
  // Give the store time to load: the prompt would appear within a few ms.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(doc(frame).querySelector('[data-bulwark="draft-restore-prompt"]')).toBeNull();
  expect(JSON.stringify([await readIndexedDb(name), readLocalStorage()])).not.toContain('Sent already');
  frame.remove();
});

it('never stores a password the user made visible with a "show password" toggle (F12)', async () => {
  const name = `drafts-${crypto.randomUUID()}`;
  const frame = openPage('draft-form.html', { name });
  type(await find<HTMLInputElement>(frame, '#title'), 'Account');
  await find(frame, 'form[data-state="saved"][data-storage="indexeddb"]');
  const confirm = doc(frame).querySelector<HTMLInputElement>('#confirm')!;
  type(confirm, 'shown-secret-42');
  confirm.type = 'text'; // the eye icon, pressed to check what was typed
  frame.remove(); // tab closed in the same moment: the pagehide save
  await new Promise((resolve) => setTimeout(resolve, 200));
  const stored = JSON.stringify([await readIndexedDb(name), readLocalStorage()]);
  expect(stored).toContain('Account');
  expect(stored).not.toContain('shown-secret-42');
});
