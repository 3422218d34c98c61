import { describe, expect, it } from 'vitest';
import { toJsonSafe, type JsonSafeOptions } from '../../src/core';

// Break-it pass on issue 11 (session 11f): toJsonSafe became one reused `JsonSafeCopy` (`spare`) with
// its options read by `start()`. Each case behaved so at 1c17e11 (closures per call) and must still.
describe('toJsonSafe keeps the behaviour it had with closures per call (break-it 11f)', () => {
  it('F1: an option getter that copies something itself does not drop the outer call hooks', () => {
    toJsonSafe('warm'); // a spare copy exists, as in any running app
    const options: JsonSafeOptions = {
      mapString: (text, _key, secret) => (secret ? '[MASKED]' : text),
      isSecret: (name) => name === 'password',
      // Options built lazily (a logging wrapper, a config object): reading one copies a value too.
      get mapEntry() {
        toJsonSafe({ audit: 'options read' });
        return undefined;
      },
    };
    expect(toJsonSafe({ password: 'hunter2', user: 'ann' }, options)).toEqual({
      password: '[MASKED]',
      user: 'ann',
    });
  });

  it('F1: a limit read before the re-entering getter stays the outer call limit', () => {
    toJsonSafe('warm');
    const out = toJsonSafe(
      { a: { b: { c: 1 } } },
      {
        maxDepth: 1,
        get maxCharacters() {
          toJsonSafe(0, { maxDepth: 9 });
          return undefined;
        },
      },
    );
    expect(out).toEqual({ a: '[Object]' });
  });

  it('F2: an array-like whose length no array can have is unreadable at once, not read item by item', () => {
    let reads = 0;
    const items = new Proxy([1, 2, 3], {
      get(target, key) {
        if (key === 'length') return 2 ** 32;
        if (typeof key === 'string' && /^\d+$/.test(key) && ++reads > 10_000) throw new Error('stop');
        return Reflect.get(target, key) as unknown;
      },
    });
    // "Keep every entry": an app's own limit. A length of 2^32 made `Array.from` throw a RangeError
    // (caught: "[Unreadable]"); the counting loop reads on towards 2^32 (a hang, then out of memory).
    expect(toJsonSafe(items, { maxEntries: Infinity })).toBe('[Unreadable]');
    expect(reads).toBe(0);
  });

  it('F3: a fractional maxEntries keeps as many keys of an object as before (slice truncates)', () => {
    expect(toJsonSafe({ a: 1, b: 2, c: 3, d: 4 }, { maxEntries: 2.5 })).toEqual({
      a: 1,
      b: 2,
      '…': '[+2 more]',
    });
  });

  it('F3: a negative maxEntries keeps an Error its fields as before (slice from the end)', () => {
    const error = Object.assign(new Error('m'), { extra: 1 });
    const out = toJsonSafe(error, { maxEntries: -1 }) as Record<string, unknown>;
    expect(out.message).toBe('m');
    expect(out.name).toBe('Error');
  });

  it('F4: hooks are called as plain functions, not as methods of the internal copy', () => {
    const thisSeen: unknown[] = [];
    const out = toJsonSafe(
      { a: 'x', n: 1 },
      {
        mapString(text) {
          thisSeen.push(this);
          return text;
        },
        mapNumber(n) {
          thisSeen.push(this);
          return typeof n === 'bigint' ? `${n}n` : n;
        },
        mapEntry(_key, value) {
          thisSeen.push(this);
          return value;
        },
        isSecret(_name, _path, inherited) {
          thisSeen.push(this);
          return inherited;
        },
      },
    );
    expect(out).toEqual({ a: 'x', n: 1 });
    // At 1c17e11 every hook saw `this` undefined; now it sees the JsonSafeCopy (its limits, `seen`,
    // counters), which a hook can read or change (`this.maxNodes = Infinity`).
    expect(thisSeen.filter((self) => self !== undefined)).toEqual([]);
  });
});
