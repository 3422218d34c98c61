// Fixture pages in a same-origin iframe: removing the iframe is a real tab close (real `pagehide`,
// the document torn down with its pending IndexedDB work); adding it again is the page reopened.
import { expect, vi } from 'vitest';

export function openPage(file: string, params: Record<string, string | number>): HTMLIFrameElement {
  const url = new URL(`./fixtures/${file}`, import.meta.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = file;
  frame.style.width = '600px';
  frame.style.height = '400px';
  document.body.append(frame);
  return frame;
}

/** The frame's current document (a new one after a reload). */
export const doc = (frame: HTMLIFrameElement): Document => {
  const d = frame.contentDocument;
  if (!d) throw new Error('frame has no document');
  return d;
};

/** Waits for an element of the frame's page, for up to 10 s. */
export async function find<E extends Element>(frame: HTMLIFrameElement, selector: string): Promise<E> {
  return vi.waitFor(
    () => {
      const element = frame.contentDocument?.querySelector<E>(selector);
      expect(element, selector).toBeTruthy();
      return element!;
    },
    { timeout: 10_000, interval: 20 },
  );
}

/** Types into a field of the frame the way React hears it (the native setter, then an `input` event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const view = field.ownerDocument.defaultView!;
  const proto = field instanceof view.HTMLTextAreaElement ? view.HTMLTextAreaElement : view.HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')!.set!.call(field, text);
  field.dispatchEvent(new view.Event('input', { bubbles: true }));
}

/** Every value in an IndexedDB database, read directly. */
export async function readIndexedDb(name: string): Promise<unknown[]> {
  if (!(await indexedDB.databases()).some((db) => db.name === name)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const values: unknown[] = [];
  for (const store of db.objectStoreNames) {
    values.push(
      ...(await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })),
    );
  }
  db.close();
  return values;
}

/** Every localStorage item, read directly. */
export const readLocalStorage = (): string[] =>
  Array.from(
    { length: localStorage.length },
    (_, i) => `${localStorage.key(i)}=${localStorage.getItem(localStorage.key(i)!)}`,
  );
