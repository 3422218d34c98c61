// Two tabs (two same-origin frames) editing one draft: the newer save is offered, never silently overwritten.
import { expect, it, vi } from 'vitest';
import { doc, find, openPage, readIndexedDb, readLocalStorage, type } from './frame';

const unique = () => `tabs-${crypto.randomUUID()}`;
/** What the store named `name` holds in both storages (other tests' stores share this origin's localStorage). */
const stored = async (name: string) =>
  JSON.stringify([
    await readIndexedDb(name),
    readLocalStorage().filter((item) => item.startsWith(`${name}:`)),
  ]);
/** The draft of `post:new` itself (both copies), without the side copies kept beside it. */
const mainDraft = async (name: string) =>
  JSON.stringify([
    (await readIndexedDb(name)).filter((entry) => (entry as { key: string }).key === 'post:new'),
    readLocalStorage().filter((item) => item.startsWith(`${name}:post:new=`)),
  ]);
/** The side copies (a tab's typing kept beside another tab's newer draft) stored now, in both storages. */
const sideCopies = async (name: string) => [
  ...(await readIndexedDb(name))
    .map((entry) => (entry as { key: string }).key)
    .filter((key) => key.includes('\u001fside:')),
  ...readLocalStorage().filter((item) => item.split('=')[0]!.includes('\u001fside:')),
];
const button = (frame: HTMLIFrameElement, text: string) =>
  Array.from(doc(frame).querySelectorAll('button')).find((b) => b.textContent === text)!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tab A saves; then tab B, which neither hears nor tells (as if A were frozen when B saved), saves `text`. */
async function savedWhileAsleep(name: string, text: string) {
  const a = openPage('draft-form.html', { name, interval: 100 });
  type(await find<HTMLInputElement>(a, '#title'), 'from A');
  await find(a, 'form[data-state="saved"][data-storage="indexeddb"]');
  const b = openPage('draft-form.html', { name, interval: 100, silent: 1 });
  await find(b, '[data-bulwark="draft-restore-prompt"]');
  type(await find<HTMLInputElement>(b, '#title'), text);
  await find(b, 'form[data-state="saved"]');
  expect(doc(a).querySelector('[data-bulwark="draft-restore-prompt"]')).toBeNull();
  return { a, b };
}

/** Tab A saves; tab B opens, ignores the offer and types: that replaces A's draft, and A is told (a conflict). */
async function inConflict(name: string) {
  const a = openPage('draft-form.html', { name, interval: 100 });
  type(await find<HTMLInputElement>(a, '#title'), 'from A');
  await find(a, 'form[data-state="saved"][data-storage="indexeddb"]');
  const b = openPage('draft-form.html', { name, interval: 100 });
  await find(b, '[data-bulwark="draft-restore-prompt"]');
  type(await find<HTMLInputElement>(b, '#title'), 'from B, typed later');
  await find(b, 'form[data-state="saved"]');
  await find(a, '[data-bulwark="draft-restore-prompt"][data-source="other-tab"]');
  await find(a, 'form[data-state="conflict"]');
  return { a, b };
}

it('a tab told of a newer draft from another tab does not overwrite it until its user chooses (F13)', async () => {
  const name = unique();
  const { a, b } = await inConflict(name);
  // A's user keeps typing; A's autosave would have run several times by now.
  type(doc(a).querySelector<HTMLInputElement>('#title')!, 'from A again');
  await sleep(500);
  expect(doc(a).querySelector('form')!.dataset['state']).toBe('conflict');
  b.remove(); // tab B closed without submitting: nothing changed since its last save
  await sleep(200);
  expect(await mainDraft(name)).toContain('from B, typed later');
  expect(await mainDraft(name)).not.toContain('from A again');
  // A's typing is kept beside it (a side copy), not lost.
  expect(await stored(name)).toContain('from A again');
  expect(await sideCopies(name)).toHaveLength(1);
  // A's user answers "Keep this version": now, and only now, A's text replaces B's.
  button(a, 'Keep this version').click();
  await find(a, 'form[data-state="saved"]');
  expect(await mainDraft(name)).toContain('from A again');
  // Answered: the side copy has gone.
  await vi.waitFor(async () => expect(await sideCopies(name)).toEqual([]));
  a.remove();
});

it('a save from another tab that this tab never heard of (it was asleep) is offered, not overwritten (F13)', async () => {
  const name = unique();
  const { a, b } = await savedWhileAsleep(name, 'from B while A slept');
  b.remove();
  await sleep(200);
  // A wakes up and its user types: the save finds B's draft in place of A's and offers it instead.
  type(doc(a).querySelector<HTMLInputElement>('#title')!, 'from A after waking');
  await find(a, '[data-bulwark="draft-restore-prompt"][data-source="other-tab"]');
  await find(a, 'form[data-state="conflict"]');
  expect(await mainDraft(name)).toContain('from B while A slept');
  expect(await mainDraft(name)).not.toContain('from A after waking');
  button(a, 'Load the newer version').click();
  await vi.waitFor(() =>
    expect(doc(a).querySelector<HTMLInputElement>('#title')!.value).toBe('from B while A slept'),
  );
  // "Load the newer version": A's typing, kept beside B's draft meanwhile, is knowingly dropped.
  await vi.waitFor(async () => expect(await sideCopies(name)).toEqual([]));
  expect(await stored(name)).not.toContain('from A after waking');
  a.remove();
});

it('a tab that comes back to the front looks for a draft saved elsewhere meanwhile (F13)', async () => {
  const { a, b } = await savedWhileAsleep(unique(), 'from B while A was hidden');
  // Back from the back/forward cache or a frozen state: before A's user types anything.
  a.contentWindow!.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  await find(a, '[data-bulwark="draft-restore-prompt"][data-source="other-tab"]');
  a.remove();
  b.remove();
});

it('keeps the typing of a tab closed with a conflict open: both versions come back, its password never stored', async () => {
  const name = unique();
  const secret = 'conflict-secret-7731';
  const writes: string[] = [];
  (window as Window & { storageWrites?: string[] }).storageWrites = writes;
  const { a, b } = await inConflict(name);
  // A's user keeps typing, a password too, and closes the tab without answering the prompt.
  type(doc(a).querySelector<HTMLInputElement>('#title')!, 'from A during the conflict');
  type(doc(a).querySelector<HTMLTextAreaElement>('#body')!, 'A body');
  type(doc(a).querySelector<HTMLInputElement>('#password')!, secret);
  await vi.waitFor(async () => expect(await stored(name)).toContain('A body'));
  type(doc(a).querySelector<HTMLTextAreaElement>('#body')!, 'A body, last words');
  a.remove(); // within the interval: the pagehide write keeps the last words
  expect(await mainDraft(name)).toContain('from B, typed later');

  // B, still open, is told once A has gone: A's version is offered there too.
  const inB = await find(b, '[data-bulwark="draft-restore-prompt"][data-source="other-version"]');
  expect(inB).toHaveAccessibleName(
    'Another unsaved version of this, from a few seconds ago, was kept from another tab.',
  );
  b.remove(); // and B closes without answering either

  // Reopened: the newest version first, saying another one is kept; each can be restored.
  const c = openPage('draft-form.html', { name, interval: 100 });
  const prompt = await find(c, '[data-bulwark="draft-restore-prompt"][data-source="other-version"]');
  expect(prompt).toHaveAccessibleName(
    'Another unsaved version of this, from a few seconds ago, was kept from another tab.',
  );
  expect(prompt).toHaveAccessibleDescription('1 more unsaved version is kept; it is offered next.');
  button(c, 'Restore').click();
  await vi.waitFor(() =>
    expect(doc(c).querySelector<HTMLInputElement>('#title')!.value).toBe('from A during the conflict'),
  );
  expect(doc(c).querySelector<HTMLTextAreaElement>('#body')!.value).toBe('A body, last words');
  expect(doc(c).querySelector<HTMLInputElement>('#password')!.value).toBe('');
  // The other version is offered next, and not replaced meanwhile by the restored one's save.
  const next = await find(c, '[data-bulwark="draft-restore-prompt"][data-source="earlier-visit"]');
  expect(next).not.toHaveAttribute('aria-describedby');
  expect(doc(c).activeElement?.textContent).toBe('Restore'); // focus stays for the next choice
  await sleep(400);
  expect(await mainDraft(name)).toContain('from B, typed later');
  button(c, 'Restore').click();
  await vi.waitFor(() =>
    expect(doc(c).querySelector<HTMLInputElement>('#title')!.value).toBe('from B, typed later'),
  );
  expect(doc(c).querySelector('[data-bulwark="draft-restore-prompt"]')).toBeNull();
  expect(doc(c).activeElement).toBe(doc(c).querySelector('#title'));

  // Nothing of the password field was ever handed to either storage.
  expect(writes.join('\n')).toContain('A body, last words');
  expect(writes.join('\n')).not.toContain(secret);
  expect(await stored(name)).not.toContain(secret);
  delete (window as Window & { storageWrites?: string[] }).storageWrites;
  // Submitted: no version of it is left.
  doc(c).querySelector('form')!.requestSubmit();
  await find(c, 'form[data-state="idle"]');
  await vi.waitFor(async () => expect(await stored(name)).toBe('[[],[]]'));
  c.remove();
}, 60_000); // three page loads and many waits: slow on a loaded machine
