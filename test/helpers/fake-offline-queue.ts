// An in-memory OfflineQueue for unit tests and stories: the same interface as registerOfflineQueue's,
// driven by hand (`set`) or by its actions, with no worker and no IndexedDB.
import type { DeadLetter, OfflineQueue, OutboxSnapshot } from 'bulwark';

export interface FakeOfflineQueue extends OfflineQueue {
  /** Replaces part of the snapshot and tells subscribers. */
  set: (next: Partial<OutboxSnapshot>) => void;
  /** Actions called, in order ("retry:<id>"). */
  calls: string[];
}

export const deadLetter = (id: string, status = 422, url = '/api/notes'): DeadLetter => ({
  id,
  method: 'POST',
  url,
  status,
  excerpt: '{"error":"title is required"}',
  attempts: 1,
  queuedAt: Date.UTC(2026, 10, 29, 9, 0),
  reason: 'rejected',
});

/** `sendMs`: how long a replay "sends" before the pending entries are gone. */
export function createFakeOfflineQueue(initial: Partial<OutboxSnapshot> = {}, sendMs = 0): FakeOfflineQueue {
  let snapshot: OutboxSnapshot = { pending: 0, dead: [], replaying: false, paused: false, ...initial };
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const set = (next: Partial<OutboxSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  const replay = async () => {
    calls.push('replay');
    if (snapshot.paused || snapshot.pending === 0) return;
    set({ replaying: true });
    await new Promise((resolve) => setTimeout(resolve, sendMs));
    set({ replaying: false, pending: 0 });
  };
  return {
    set,
    calls,
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replay,
    retry: async (id) => {
      calls.push(`retry:${id}`);
      const found = snapshot.dead.some((letter) => letter.id === id);
      if (found)
        set({ dead: snapshot.dead.filter((letter) => letter.id !== id), pending: snapshot.pending + 1 });
      return found;
    },
    discard: async (id) => {
      calls.push(`discard:${id}`);
      const found = snapshot.dead.some((letter) => letter.id === id);
      if (found) set({ dead: snapshot.dead.filter((letter) => letter.id !== id) });
      return found;
    },
    resume: async () => {
      calls.push('resume');
      set({ paused: false });
    },
  };
}
