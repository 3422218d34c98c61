const BUCKETS = 10;

/**
 * Calls and failures over the last `windowMs`, in ten time buckets rotated on access: O(1) memory
 * and time per call, no per-call arrays and no timers (opossum keeps a rolling array and two
 * intervals per breaker).
 */
export class FailureWindow {
  /** Calls and failures in the window, as of the last `record`. */
  calls = 0;
  failures = 0;
  private readonly bucketCalls = new Uint32Array(BUCKETS);
  private readonly bucketFailures = new Uint32Array(BUCKETS);
  private head = 0;
  private headStart = -Infinity;
  private readonly bucketMs: number;

  constructor(windowMs: number) {
    this.bucketMs = windowMs / BUCKETS;
  }

  record(failed: boolean, now: number): void {
    let steps = Math.floor((now - this.headStart) / this.bucketMs);
    if (steps >= BUCKETS) this.reset(now);
    else if (steps > 0) {
      this.headStart += steps * this.bucketMs;
      while (steps-- > 0) {
        this.head = (this.head + 1) % BUCKETS;
        this.calls -= this.bucketCalls[this.head] ?? 0;
        this.failures -= this.bucketFailures[this.head] ?? 0;
        this.bucketCalls[this.head] = 0;
        this.bucketFailures[this.head] = 0;
      }
    }
    const head = this.head;
    this.calls++;
    this.bucketCalls[head] = (this.bucketCalls[head] ?? 0) + 1;
    if (failed) {
      this.failures++;
      this.bucketFailures[head] = (this.bucketFailures[head] ?? 0) + 1;
    }
  }

  reset(now: number): void {
    this.bucketCalls.fill(0);
    this.bucketFailures.fill(0);
    this.calls = this.failures = this.head = 0;
    this.headStart = now;
  }
}
