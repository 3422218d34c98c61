/**
 * Work one top-level redaction may do, in units of about one character read by one rule: a rule
 * scanning a text costs its length, each candidate match it examines costs MATCH_COST more plus the
 * characters its checks read. 4,000,000 units is about 10 ms of one 2020s laptop core on the costliest
 * near-miss text (`'GB82 '` repeated: an IBAN-shaped candidate at every word), issue 9's "under 10 ms
 * for any single value" (bench/redaction.bench.ts prints it). An ordinary error needs 0.1–0.8 M; one whose
 * message and stack start with an 8 kB `Cookie:` line 2.2 M, so the 2 M first chosen wiped its stack.
 * Work, not a clock: a deadline would make the same value redact differently on a loaded machine (a
 * thread descheduled for 10 ms would lose an ordinary stack), and tests of it would flake.
 */
export const DEFAULT_WORK_BUDGET = 4_000_000;

/**
 * What one candidate match costs: the regex engine's match object and the rule's test (a key-name
 * decision), plus MATCH_CHAR_COST per character of the match and of a value scanned to its end
 * (backtracking, a checksum, a value's end read them again). Fitted over 17 near-miss and clean
 * shapes, one rule at a time: with these the costliest shape takes at most about 5 times as long
 * per unit as the cheapest, where one flat cost per match left the IBAN-shaped text 10 times over.
 */
export const MATCH_COST = 1000;
export const MATCH_CHAR_COST = 8;
/**
 * Thrown inside a scan when its budget is spent (one object, compared by identity); caught where the
 * text is replaced by `notScanned`, so it never leaves the redactor.
 */
export const BUDGET_SPENT = /* @__PURE__ */ new Error('The redaction budget of this call is spent');

/** What stands in for text the rules did not finish scanning: it never leaves unscanned (issue 9, H1). */
export const notScanned = (length: number): string => `[not scanned: ${length} chars]`;

/**
 * One top-level call's budget (shared by the strings, keys and numbers it redacts). A redactor keeps
 * one and refills it per call, so an instance always lives: a full GC frees a hidden class no live
 * object has, and with it the optimized code of the scan that used it (issue 11).
 */
export class WorkBudget {
  constructor(private left: number) {}

  /** Starts a new call's budget of `units`. */
  refill(units: number): void {
    this.left = units;
  }

  /** Whether any is left; a spent budget stays spent. */
  get spent(): boolean {
    return this.left <= 0;
  }

  /** Takes `units`; throws BUDGET_SPENT once none is left, so a scan stops inside a long text. */
  take(units: number): void {
    this.left -= units;
    if (this.left <= 0) throw BUDGET_SPENT;
  }
}
