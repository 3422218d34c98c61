/**
 * The fastest of three runs of `call`, in ms: another process on a shared 2-core machine can stall one
 * run, but whole-input or quadratic work is slow every time. Bounded-time tests use it with generous
 * thresholds; speed goals live in bench/.
 */
export const fastest = (call: () => unknown): number => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    call();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};
