import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';

/** A console error a test expects, and how often it came. */
interface Claim {
  pattern: RegExp;
  seen: number;
}

let claims: Claim[] = [];
let unexpected: string[] = [];
let spy: { mockRestore(): void } | undefined;

/**
 * Claims the console errors matching `pattern` in the running test: they are silenced, and the test fails
 * if none came. Any other `console.error` fails the test (see {@link installConsoleErrorGuard}).
 *
 * @example
 * expectConsoleError(/The above error occurred in the <Bomb> component/);
 */
export function expectConsoleError(pattern: RegExp): void {
  // Claiming the same thing twice (a component that throws on every render try) is one claim.
  if (!claims.some((c) => String(c.pattern) === String(pattern))) claims.push({ pattern, seen: 0 });
}

/**
 * The error React logs for a render error: "The above error occurred in the <Component> component" (React 18
 * and 19 alike; React 18 also logs an error a boundary rethrows, and one no boundary caught). `component` is a
 * name, or a pattern (any name by default).
 */
export function expectReactRenderError(component = '[\\w.]+'): void {
  expectConsoleError(new RegExp(`The above error occurred in the <${component}> component`));
}
/** Set by scripts/test-react18.sh. */
export const REACT_18 = Boolean(process.env.REACT18_DIR);

/** Fails every test that logs a `console.error` it did not claim, or claimed one that never came. */
export function installConsoleErrorGuard(): void {
  beforeEach(() => {
    claims = [];
    unexpected = [];
    spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      const text = format(...args);
      const matching = claims.filter((c) => c.pattern.test(text));
      for (const claim of matching) claim.seen++;
      if (matching.length === 0) unexpected.push(text);
    });
  });
  afterEach(() => {
    // A test's own `vi.restoreAllMocks()` may have restored it already; restoring twice is harmless.
    spy?.mockRestore();
    const missing = claims.filter((c) => c.seen === 0).map((c) => String(c.pattern));
    const problems = [
      ...unexpected.map((text) => `unexpected console.error: ${text.slice(0, 2000)}`),
      ...missing.map((pattern) => `expected a console.error matching ${pattern}, none came`),
    ];
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  });
}
