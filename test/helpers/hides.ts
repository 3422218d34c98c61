import { redactString } from 'bulwark/core';
import { expect } from 'vitest';

/** Asserts the default redactor replaces something in `input` and keeps none of `secrets`. */
export function hides(input: string, ...secrets: string[]): void {
  const out = redactString(input);
  for (const secret of secrets) expect(out, `${input} → ${out}`).not.toContain(secret);
  expect(out).toContain('[REDACTED]');
}
