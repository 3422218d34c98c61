import { describe, expect, it } from 'vitest';
import { createRedactor, normalizeError, type Redactor } from '../../../src/core';
import { inOneCall } from '../../../src/core/errors/redact';

/** A redactor written by hand to the public type: its `asOneCall` runs `run()` and nothing else. */
function handMadeRedactor(): Redactor & { calls: number } {
  const redactor = Object.assign((value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as never, {
    calls: 0,
    redactString: (value: unknown) => String(value).replace(/hunter2/g, '[gone]'),
    isSecretKey: () => false,
    asOneCall: <T>(run: () => T): T => {
      redactor.calls++;
      return run();
    },
  });
  return redactor;
}

describe('inOneCall (issue 11: no closure per call for a redactor createRedactor made)', () => {
  it('gives a hand-made redactor the closure its asOneCall expects', () => {
    const redactor = handMadeRedactor();
    expect(inOneCall(redactor, (a: number, b: string) => `${a}${b}`, 1, 'x')).toBe('1x');
    expect(redactor.calls).toBe(1);
  });

  it('normalizes with a hand-made redactor as before', () => {
    const redactor = handMadeRedactor();
    const error = normalizeError(new Error('login failed for hunter2'), { redactor });
    expect(error.message).toBe('login failed for [gone]');
    expect(error.stack).toContain('login failed for [gone]');
    expect(redactor.calls).toBeGreaterThan(0);
  });

  it("passes the arguments through createRedactor's own asOneCall", () => {
    const redactor = createRedactor();
    const seen: unknown[] = [];
    const result = inOneCall(
      redactor,
      (a: string, b: number, c: boolean) => {
        seen.push(a, b, c);
        return redactor.redactString('password=hunter2');
      },
      'a',
      2,
      true,
    );
    expect(seen).toEqual(['a', 2, true]);
    expect(result).toBe('password=[REDACTED]');
  });
});
