// A dead letter's excerpt of the server's answer: redacted with the app's rules, and redacted before it
// is cut (issue 9: redact, then cut, as the rest of the library does).
import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { createOutboxReplayer } from '../../../src/core/offline/outbox-replayer';
import type { OutboxEntry } from '../../../src/core/offline/outbox-record';
import type { OutboxStore } from '../../../src/core/offline/outbox-store';

/** An outbox of one pending entry, kept in memory: what the replayer reads and writes of its store. */
function oneEntryStore() {
  const entries: (OutboxEntry & { seq: number })[] = [
    {
      seq: 1,
      id: 'e1',
      outbox: 'default',
      state: 'pending',
      method: 'POST',
      url: 'https://app.example/api/notes',
      headers: [],
      body: undefined,
      credentials: 'same-origin',
      mode: 'cors',
      queuedAt: Date.now(),
      attempts: 0,
      lastStatus: undefined,
      notBefore: 0,
    },
  ];
  const store = {
    line: async () => ({ paused: false, entries: entries.filter((entry) => entry.state === 'pending') }),
    put: async (entry: OutboxEntry) => {
      const at = entries.findIndex((e) => e.seq === entry.seq);
      entries[at] = entry as OutboxEntry & { seq: number };
    },
    remove: async () => {},
    setPaused: async () => {},
  } as unknown as OutboxStore;
  return { store, entries };
}

/** The excerpt stored for an entry the server refused with a 422 whose body is `body`. */
async function deadExcerpt(body: string, redactor?: ReturnType<typeof createRedactor>): Promise<string> {
  const { store, entries } = oneEntryStore();
  const replayer = createOutboxReplayer({
    name: 'default',
    store,
    maxAgeMs: 60_000,
    notify: () => {},
    fetch: async () => new Response(body, { status: 422 }),
    redactor,
  });
  await replayer.run(true);
  expect(entries[0]?.state).toBe('dead');
  return entries[0]?.excerpt ?? '';
}

describe("a dead letter's excerpt", () => {
  it('is redacted before it is cut: no part of a token longer than the cut survives', async () => {
    // A JWT whose payload runs past 2,000 characters: cut first, it no longer looked like a JWT.
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${'a'.repeat(2_100)}.c2lnbmF0dXJlMTIz`;
    const excerpt = await deadExcerpt(`Rejected ${jwt}`);
    expect(excerpt).toMatch(/^Rejected /);
    expect(excerpt).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(excerpt.length).toBeLessThanOrEqual(201);
  });

  it("uses the app's redaction rules when given them", async () => {
    const redactor = createRedactor({ rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/ }] });
    const excerpt = await deadExcerpt('{"error":"employee E123456 is not allowed"}', redactor);
    expect(excerpt).toBe('{"error":"employee [REDACTED] is not allowed"}');
  });
});
