/**
 * The fastest of three runs of `call` (or `runs`), in ms: another process on a shared 2-core machine can stall one
 * run, but whole-input or quadratic work is slow every time. Bounded-time tests use it with generous
 * thresholds; speed goals live in bench/.
 */
export const fastest = (call: () => unknown, runs = 3): number => {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    call();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};
