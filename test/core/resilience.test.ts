import { AppError, createResilience, type ClassificationRule, type Reporter } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';

/** A distinct letters-only word per number: the fingerprint folds digits away, so messages must differ in letters. */
const word = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, tick: (ms: number) => (t += ms) };
};

describe('createResilience().capture', () => {
  it('turns any thrown value into a record, and never throws', () => {
    const resilience = createResilience();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [
      'text',
      null,
      undefined,
      42,
      cyclic,
      new Error('e'),
      new Response('x', { status: 500 }),
    ]) {
      const record = resilience.capture(value);
      expect(record.error).toBeInstanceOf(AppError);
      expect(record.status).toBe('active');
    }
  });

  it('collapses recurrences into one record that escalates step by step', () => {
    const { now, tick } = clock();
    const resilience = createResilience({ now });
    const seen = [];
    for (let i = 0; i < 6; i++) {
      seen.push(resilience.capture(new Error('same'), { userAction: 'save draft' }).presentation);
      tick(1000);
    }
    expect(seen).toEqual(['toast', 'toast', 'toast', 'dialog', 'dialog', 'dialog']);
    const [record] = resilience.store.getState().records;
    expect(record).toMatchObject({ count: 6, firstSeen: 1_000_000, lastSeen: 1_005_000, status: 'active' });
  });

  it('shows the first failure of a hook inline only when its caller renders the error', () => {
    const resilience = createResilience();
    expect(resilience.capture(new Error('save failed'), { source: 'hook' }).presentation).toBe('toast');
    const shown = resilience.capture(new Error('other failure'), { source: 'hook', inlineSurface: true });
    expect(shown.presentation).toBe('inline');
  });

  it('keeps a storm of 10,000 of one background error at a toast: recurrence alone never takes the page', () => {
    const resilience = createResilience();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const error = new AppError('Polling /api/status failed', { kind: 'server', severity: 'error' });
      seen.add(resilience.capture(error, { source: 'policy', name: 'status' }).presentation);
      if (i % 100 === 99) resilience.flush();
    }
    resilience.flush();
    const [record] = resilience.store.getState().records;
    expect(record).toMatchObject({ count: 10_000, presentation: 'toast' });
    expect([...seen].every((p) => p === 'toast' || p === 'silent')).toBe(true);
  }, 30_000);

  it('de-escalates after a recovery: the next failure starts gently again', () => {
    const resilience = createResilience();
    const context = { userAction: 'save draft', inlineSurface: true };
    let record = resilience.capture(new Error('same'), context);
    for (let i = 0; i < 3; i++) record = resilience.capture(new Error('same'), context);
    expect(record.presentation).toBe('dialog');
    resilience.resolve(record.id);
    expect(resilience.store.getState().records[0]!.status).toBe('recovered');
    const again = resilience.capture(new Error('same'), context);
    expect(again).toMatchObject({ presentation: 'inline', status: 'active', count: 5 });
  });

  it('keeps escalating after a mere dismissal', () => {
    const resilience = createResilience();
    const first = resilience.capture(new Error('same'));
    resilience.capture(new Error('same'));
    resilience.dismiss(first.id);
    expect(resilience.capture(new Error('same')).presentation).toBe('toast');
  });

  it('captures the same thrown object once and marks it as captured', () => {
    const resilience = createResilience();
    const thrown = new Error('once');
    expect(resilience.isCaptured(thrown)).toBe(false);
    const first = resilience.capture(thrown, { source: 'global' });
    const second = resilience.capture(thrown, { source: 'boundary' });
    expect(second).toEqual(first);
    expect(resilience.isCaptured(thrown)).toBe(true);
    expect(resilience.isCaptured(first.error)).toBe(true);
    expect(resilience.store.getState().records[0]!.count).toBe(1);
  });

  it('keeps two instances apart', () => {
    const a = createResilience();
    const b = createResilience();
    const thrown = new Error('shared');
    a.capture(thrown);
    expect(b.isCaptured(thrown)).toBe(false);
    expect(b.store.getState().records).toHaveLength(0);
  });

  it('lets the caller force a presentation', () => {
    const resilience = createResilience();
    expect(resilience.capture(new Error('x'), { presentation: 'dialog' }).presentation).toBe('dialog');
  });

  it('sends reporters a redacted copy, and survives a reporter that throws or rejects', async () => {
    const seen: unknown[] = [];
    const good: Reporter = { name: 'good', report: (r) => void seen.push(r) };
    const throws: Reporter = {
      name: 'throws',
      report: () => {
        throw new Error('reporter down');
      },
    };
    const rejects: Reporter = { name: 'rejects', report: () => Promise.reject(new Error('async down')) };
    const onReporterError = vi.fn();
    const resilience = createResilience({
      reporters: [throws, rejects, good],
      reporting: { onReporterError },
    });
    const retry = vi.fn();
    expect(() =>
      resilience.capture(new Error('failed'), { actions: [{ id: 'retry', run: retry }], tags: { a: 'b' } }),
    ).not.toThrow();
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    const report = seen[0] as { error: AppError; context: { actions?: unknown } };
    expect(report.error.message).toBe('failed');
    expect(report.error.cause).toBeUndefined();
    expect(report.context.actions).toBeUndefined();
    expect(onReporterError).toHaveBeenCalledTimes(2);
  });

  it('stores the message and stack of a thrown value without the secrets planted in them', () => {
    const resilience = createResilience();
    const error = new Error('GET https://api.example/me?access_token=abc123xyz failed for ada@example.com');
    error.stack = `${error.message}\n    at pay (https://shop.example/app.js?session_id=s3ss10n:1:2)`;
    const stored = resilience.capture(error).error;
    const text = `${stored.message}\n${stored.stack}`;
    for (const secret of ['abc123xyz', 'ada@example.com', 's3ss10n']) expect(text).not.toContain(secret);
    expect(stored.message).toContain('failed for');
    expect(stored.stack).toContain('at pay');
    expect(error.message).toContain('abc123xyz'); // the thrown Error itself is left alone
  });

  it('keeps capturing when a store listener throws', () => {
    const resilience = createResilience();
    resilience.store.subscribe(() => {
      throw new Error('listener');
    });
    expect(resilience.capture(new Error('x')).count).toBe(1);
  });

  it('runs an action: hides the record, resolves it when the promise fulfils', async () => {
    const resilience = createResilience();
    const record = resilience.capture(new Error('x'));
    await resilience.runAction({ id: 'retry', run: () => Promise.resolve() }, record);
    expect(resilience.store.getState().records[0]!.status).toBe('recovered');
  });

  it('captures the failure of a recovery action instead of throwing it', async () => {
    const resilience = createResilience();
    const record = resilience.capture(new Error('x'));
    await resilience.runAction({ id: 'retry', run: () => Promise.reject(new Error('still down')) }, record);
    const messages = resilience.store.getState().records.map((r) => [r.error.message, r.status]);
    expect(messages).toEqual([
      ['x', 'dismissed'],
      ['still down', 'active'],
    ]);
  });

  it('stays flat in memory under a storm of distinct errors', () => {
    const resilience = createResilience();
    for (let i = 0; i < 1000; i++) resilience.capture(new Error(`distinct ${word(i)}`));
    resilience.flush();
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(100);
    expect(records.at(-1)?.error.message).toBe(`distinct ${word(999)}`);
  });
});

describe('capture context', () => {
  it('keeps the earlier recovery actions when a recurrence offers none', () => {
    const resilience = createResilience();
    const retry = { id: 'retry', run: () => {} };
    resilience.capture(new Error('same'), { actions: [retry] });
    const again = resilience.capture(new Error('same'), { source: 'global' });
    expect(again.context.actions).toEqual([retry]);
    expect(again.context.source).toBe('global');
  });

  it('merges the context of a closer caller capturing the same value again, without a second occurrence', () => {
    const resilience = createResilience();
    const thrown = new Error('save failed');
    // What resilience.fetch captures first, then what the hook around it adds.
    resilience.capture(thrown, { source: 'policy', name: 'fetch' });
    const retry = { id: 'retry', run: () => {} };
    const record = resilience.capture(thrown, {
      source: 'hook',
      userAction: 'save draft',
      inlineSurface: true,
      actions: [retry],
    });
    expect({
      count: record.count,
      userAction: record.context.userAction,
      actions: record.context.actions?.map((a) => a.id),
      presentation: record.presentation,
      stored: resilience.store.getState().records[0] === record,
    }).toEqual({
      count: 1,
      userAction: 'save draft',
      actions: ['retry'],
      presentation: 'inline',
      stored: true,
    });
  });
});

describe('user-action reach', () => {
  it('does not open a dialog for one failed click on a background error’s Retry', async () => {
    const resilience = createResilience();
    const poll = () => new Error('GET /api/notifications failed: 503');
    let record = resilience.capture(poll(), { source: 'hook' });
    for (let i = 0; i < 9; i++) record = resilience.capture(poll(), { source: 'hook' });
    expect(record.presentation).toBe('toast');
    await resilience.runAction({ id: 'retry', run: () => Promise.reject(poll()) }, record);
    resilience.flush();
    const after = resilience.store.getState().records.find((r) => r.id === record.id);
    expect(after?.presentation).toBe('toast');
  });

  it('still opens a dialog when the user’s own action keeps failing', () => {
    const resilience = createResilience();
    let record = resilience.capture(new Error('save failed'), { userAction: 'save' });
    for (let i = 0; i < 3; i++) record = resilience.capture(new Error('save failed'), { userAction: 'save' });
    expect(record.presentation).toBe('dialog');
  });
});

describe('the repeat path', () => {
  /** One throw site, as a storm has: the same line of app code failing again and again. */
  const failFetch = () => new TypeError('Failed to fetch');

  it('counts a recurrence on the record it made, keeping that record’s error', () => {
    const resilience = createResilience();
    const first = failFetch();
    const record = resilience.capture(first);
    const later = failFetch();
    const again = resilience.capture(later);
    expect(again).toMatchObject({ id: record.id, fingerprint: record.fingerprint, count: 2 });
    expect(again.error).toBe(record.error);
    expect(again.error.cause).toBe(first);
    expect(resilience.isCaptured(later)).toBe(true);
    expect(resilience.capture(later).count).toBe(2);
  });

  it('classifies afresh when the network comes back (the offline rule answers otherwise)', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const resilience = createResilience();
      expect(resilience.capture(failFetch()).error.kind).toBe('offline');
      expect(resilience.capture(failFetch()).error.kind).toBe('offline');
      onLine.mockReturnValue(true);
      const back = resilience.capture(failFetch());
      expect(back.error.kind).toBe('network');
      expect(back.count).toBe(1);
      expect(resilience.store.getState().records.map((r) => [r.error.kind, r.count])).toEqual([
        ['offline', 2],
        ['network', 1],
      ]);
    } finally {
      onLine.mockRestore();
    }
  });

  it('gives a predicate rule the facts of the thrown value, on a new error and on its recurrences (issue 11)', () => {
    // The repeat key reads the facts once; the classification is given those, not a second reading.
    const seen: unknown[] = [];
    const resilience = createResilience({
      rules: [
        {
          name: 'gateway',
          match: (_, facts) => {
            seen.push({ ...facts });
            return facts.status === 502 && facts.code === 'EGATEWAY';
          },
          classification: { kind: 'server', messageKey: 'gateway' },
        },
      ],
    });
    const fail = () =>
      Object.assign(new Error('Upstream failed'), { code: 'EGATEWAY', response: { status: 502 } });
    const first = resilience.capture(fail());
    const second = resilience.capture(fail());
    expect(first.error).toMatchObject({ kind: 'server', messageKey: 'gateway', status: 502 });
    expect(second).toMatchObject({ id: first.id, count: 2 });
    const facts = { name: 'Error', message: 'Upstream failed', status: 502, code: 'EGATEWAY' };
    // Asked once per capture: the recurrence took the repeat path, which asks predicate rules again.
    expect(seen).toEqual([facts, facts]);
  });

  it('asks an app’s predicate rule again on every recurrence', () => {
    let maintenance = false;
    const resilience = createResilience({
      rules: [
        {
          name: 'maintenance',
          match: () => maintenance,
          classification: { kind: 'server', messageKey: 'maintenance' },
        },
      ],
    });
    const fail = () => new Error('Save failed');
    expect(resilience.capture(fail()).error.kind).toBe('unknown');
    maintenance = true;
    expect(resilience.capture(fail()).error).toMatchObject({ kind: 'server', messageKey: 'maintenance' });
    maintenance = false;
    const records = resilience.store.getState().records;
    expect(resilience.capture(fail()).count).toBe(2);
    expect(records.map((r) => r.error.kind)).toEqual(['unknown', 'server']);
  });

  it('stores each message as a full capture would, though the fingerprint folds the numbers', () => {
    const resilience = createResilience();
    const fail = (id: number) => new Error(`Order ${id} not found`);
    resilience.capture(fail(123));
    const again = resilience.capture(fail(456));
    expect(again.count).toBe(2);
    expect(again.error.message).toBe('Order 456 not found');
    expect(resilience.capture(fail(456)).error).toBe(again.error);
  });

  it('starts a dismissed or recovered record afresh, as before', () => {
    const resilience = createResilience();
    const record = resilience.capture(failFetch());
    resilience.resolve(record.id);
    const again = resilience.capture(failFetch());
    expect(again).toMatchObject({ status: 'active', count: 2, occurrences: [again.lastSeen] });
    expect(again.error).not.toBe(record.error);
  });

  it('counts a recurring AppError on the record it made, redacted once, keeping that record’s error', () => {
    const resilience = createResilience();
    const declined = () =>
      new AppError('Card declined, key sk_live_abcdefghijklmnop1234', {
        kind: 'server',
        code: 'CARD_DECLINED',
        context: { orderId: 'o-1', attempt: 2 },
      });
    const record = resilience.capture(declined());
    const again = resilience.capture(declined());
    expect(again).toMatchObject({ id: record.id, count: 2 });
    expect(again.error).toBe(record.error);
    expect(again.error.message).not.toContain('sk_live_abcdefghijklmnop1234');
    expect(again.error).toMatchObject({
      kind: 'server',
      code: 'CARD_DECLINED',
      context: record.error.context,
    });
  });

  it('stores a recurring AppError with other fields (its context) as a full capture would', () => {
    const resilience = createResilience();
    const failed = (orderId: string) => new AppError('Save failed', { kind: 'server', context: { orderId } });
    resilience.capture(failed('o-1'));
    const again = resilience.capture(failed('o-2'));
    expect(again.count).toBe(2);
    expect(again.error.context).toEqual({ orderId: 'o-2' });
    const nested = (tags: string[]) =>
      new AppError('Save failed', { kind: 'server', context: { orderId: 'o-2', tags } });
    resilience.capture(nested(['a']));
    expect(resilience.capture(nested(['b'])).error.context).toEqual({ orderId: 'o-2', tags: ['b'] });
  });

  it('asks an app’s predicate rule again about a recurring AppError', () => {
    const flags = { maintenance: false };
    const rules: ClassificationRule[] = [];
    rules.push({ name: 'flag', match: () => flags.maintenance, classification: { kind: 'server' } });
    const resilience = createResilience({ rules });
    const fail = () => new AppError('Save failed', { kind: 'conflict' });
    expect(resilience.capture(fail()).error.kind).toBe('conflict');
    expect(resilience.capture(fail()).count).toBe(2);
    flags.maintenance = true;
    expect(resilience.capture(fail()).error).toMatchObject({ kind: 'server', messageKey: 'server' });
  });

  it('classifies afresh an AppError whose cause now matches an app rule', () => {
    const resilience = createResilience({
      rules: [{ name: 'gone', match: { code: 'GONE' }, classification: { kind: 'not-found' } }],
    });
    const wrap = (code: string) =>
      new AppError('Load failed', { kind: 'server', cause: Object.assign(new Error('upstream'), { code }) });
    expect(resilience.capture(wrap('BUSY')).error.kind).toBe('server');
    expect(resilience.capture(wrap('GONE')).error.kind).toBe('not-found');
  });

  it('never takes the repeat path for field errors, which a form shows as they are now', () => {
    const resilience = createResilience();
    const invalid = (field: string) =>
      Object.assign(new Error('Invalid input'), {
        name: 'ValidationError',
        errors: { [field]: ['Required'] },
      });
    resilience.capture(invalid('email'));
    expect(resilience.capture(invalid('name')).error.fieldErrors).toEqual({ name: ['Required'] });
  });
});

describe('re-entrant captures (issue 10)', () => {
  it('counts once a thrown object captured again from a store listener', () => {
    const resilience = createResilience();
    const thrown = new Error('listener sees it');
    resilience.store.subscribe(() => void resilience.capture(thrown, { source: 'global' }));
    resilience.capture(thrown);
    expect(resilience.store.getState().records.map((r) => r.count)).toEqual([1]);
  });

  it('counts once a thrown object captured again from a reporter or a rule', () => {
    const reporter: Reporter = { name: 'echo', report: () => void resilience.capture(thrown) };
    const resilience = createResilience({
      reporters: [reporter],
      rules: [
        {
          name: 'echo',
          match: (value) => resilience.capture(value).count > 1,
          classification: { kind: 'server' },
        },
      ],
    });
    const thrown = new Error('echo');
    const record = resilience.capture(thrown);
    expect(record.error.kind).toBe('unknown');
    expect(resilience.store.getState().records.map((r) => r.count)).toEqual([1]);
  });
});
