import { isAppError, type AppError } from './app-error';
import { causeChain, readFacts, type ErrorFacts } from './error-facts';
import { readOnce, readProperty } from './read-property';
import { ERROR_KINDS, type ErrorKind, type RecoveryActionId, type Severity } from './types';

/** What an error means for the user and for retry policies. */
export interface Classification {
  kind: ErrorKind;
  severity: Severity;
  /** Whether trying the same thing again, unchanged, may succeed. */
  retryable: boolean;
  /** The message-catalog key for the user-facing text. */
  messageKey: string;
  /** Recovery actions that fit, best first. */
  actions: readonly RecoveryActionId[];
}

/**
 * Declarative match: every field given must match (AND). A string or number matches exactly, a
 * RegExp is tested (`status` as its decimal text, so `/^5/` is any 5xx).
 */
export interface RuleMatch {
  /** HTTP status (`status`, `statusCode` or `response.status`). @default undefined (any) */
  status?: number | RegExp;
  /** `error.name`. @default undefined (any) */
  name?: string | RegExp;
  /** `error.message`, or the thrown string. @default undefined (any) */
  message?: string | RegExp;
  /** A string `error.code`. @default undefined (any) */
  code?: string | RegExp;
  /** The kind of an `AppError`. @default undefined (any) */
  kind?: ErrorKind;
}

/** Predicate match: gets the value (one link of the cause chain) and its facts. A throw counts as no match. */
export type RulePredicate = (value: unknown, facts: ErrorFacts) => boolean;

/** One row of the rules table: when `match` holds for the error or one of its causes, `classification` applies. */
export interface ClassificationRule {
  /** Shown in tests and debugging. */
  name: string;
  match: RuleMatch | RulePredicate;
  /** The kind, plus anything that differs from {@link kindDefaults} for it. */
  classification: Partial<Classification> & { kind: ErrorKind };
  /**
   * Whether the rule also applies to an `AppError` (an `HttpError` too), whose thrower already
   * classified it; `false` leaves those as they are. @default true
   */
  appErrors?: boolean;
}

type KindDefaults = Pick<Classification, 'severity' | 'retryable' | 'actions'>;

/**
 * Per kind, in {@link ERROR_KINDS} order: severity, `+` if retryable (`-` if not), then the recovery
 * actions. Text rather than object literals because the error model has a size budget (issue 2) and
 * the minifier does not shorten repeated strings or property names.
 */
const KIND_TABLE = [
  'warning + retry check-connection', // network
  'warning + retry', // timeout
  'warning + check-connection retry', // offline
  'info - dismiss', // aborted
  'warning + retry', // rate-limit
  'error - sign-in', // auth
  'error - go-back go-home contact-support', // forbidden
  'error - go-back go-home', // not-found
  'warning - dismiss', // validation
  'warning - reload dismiss', // conflict
  'error + retry contact-support', // server
  'warning - go-back dismiss', // circuit-open
  'critical - reload', // chunk-load
  'error - retry reload go-home', // render
  'error - retry reload contact-support', // unknown
];

/** Severity, retryability and recovery actions of each kind, unless a rule says otherwise. */
export const kindDefaults: Readonly<Record<ErrorKind, KindDefaults>> = /* @__PURE__ */ Object.fromEntries(
  // Both calls are marked pure so an unused table is dropped: a pure call's arguments are otherwise kept.
  /* @__PURE__ */ ERROR_KINDS.map((kind, index): [ErrorKind, KindDefaults] => {
    const [severity, retryable, ...actions] = (KIND_TABLE[index] ?? '').split(' ');
    return [kind, { severity: severity as Severity, retryable: retryable === '+', actions }];
  }),
) as Record<ErrorKind, KindDefaults>;

const NETWORK_MESSAGE =
  /failed to fetch|networkerror when attempting|^(load|fetch) failed$|network (request failed|error)/i;
const NETWORK_CODE = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ERR_NETWORK)$/;
const isNetwork: RulePredicate = (_, f) =>
  f.status === 0 ||
  f.name === 'NetworkError' ||
  NETWORK_MESSAGE.test(f.message ?? '') ||
  NETWORK_CODE.test(f.code ?? '');
// Read at call time only: core never touches browser globals at import time.
const isOffline = (): boolean => readProperty(globalThis.navigator, 'onLine') === false;

type Row = readonly [match: RuleMatch | RulePredicate, kind: ErrorKind, overrides?: Partial<Classification>];

const CHUNK = /loading (css )?chunk \S+ failed|dynamically imported module|importing a module script failed/i;
const RENDER =
  /minified react error|hydrat|rendered (more|fewer) hooks|too many re-renders|maximum update depth/i;

const ROWS: readonly Row[] = [
  [{ name: 'ChunkLoadError' }, 'chunk-load'],
  // Before the network rule: "Failed to fetch dynamically imported module" mentions fetch.
  [{ message: CHUNK }, 'chunk-load'],
  [{ name: /^(AbortError|CanceledError)$/ }, 'aborted'],
  [{ name: 'TimeoutError' }, 'timeout'],
  [{ code: /^(ETIMEDOUT|ECONNABORTED)$/ }, 'timeout'],
  // cockatiel's BrokenCircuitError, opossum's EOPENBREAKER, and our own breaker's name.
  [{ name: /^(BrokenCircuitError|CircuitOpenError)$/ }, 'circuit-open'],
  [{ code: 'EOPENBREAKER' }, 'circuit-open'],
  [{ name: /^(ValidationError|ZodError)$/ }, 'validation'],
  [{ name: 'OfflineError' }, 'offline'],
  [(value, facts) => isOffline() && isNetwork(value, facts), 'offline'],
  [isNetwork, 'network'],
  [{ status: /^(408|504)$/ }, 'timeout'],
  // 425 Too Early asks the client to repeat the request later, as 429 does.
  [{ status: /^42[59]$/ }, 'rate-limit'],
  [{ status: 401 }, 'auth'],
  [{ status: 403 }, 'forbidden'],
  [{ status: /^(404|410)$/ }, 'not-found'],
  [{ status: /^(400|413|422)$/ }, 'validation'],
  [{ status: /^(409|412)$/ }, 'conflict'],
  // 501 Not Implemented and 505 HTTP Version Not Supported will answer the same way every time.
  [{ status: /^50[15]$/ }, 'server', { retryable: false }],
  [{ status: /^5\d\d$/ }, 'server'],
  [{ status: /^4\d\d$/ }, 'unknown'],
  [{ message: RENDER }, 'render'],
  [{ message: /timed? ?out/i }, 'timeout'],
  [(_, facts) => facts.fieldErrors !== undefined, 'validation'],
];

/**
 * The default rules, most specific first: error names and codes, network failures, HTTP statuses,
 * then messages. App rules passed to {@link classifyError} are tried before these. Each rule is
 * named after its kind.
 */
export const defaultRules: readonly ClassificationRule[] = /* @__PURE__ */ ROWS.map(
  ([match, kind, overrides]) => ({
    name: kind,
    match,
    classification: { kind, ...overrides },
  }),
);

const matchOne = (
  matcher: string | number | RegExp | undefined,
  actual: string | number | undefined,
): boolean =>
  matcher === undefined ||
  (actual !== undefined && (typeof matcher === 'object' ? matcher.test(String(actual)) : matcher === actual));

/** A rule's match as one test. A throw counts as no match. */
type Test = (value: unknown, facts: ErrorFacts) => boolean;

/**
 * Each match made into a test once, not per call and per cause link (issue 11: `Object.entries` per
 * rule per link was 3% of a storm). Keyed by the match object, so a rule whose `match` is replaced is
 * prepared again; a memo of pure functions, not app state.
 */
const tests = /* @__PURE__ */ new WeakMap<RuleMatch | RulePredicate, Test>();

const prepare = (match: RuleMatch | RulePredicate): Test => {
  let test = tests.get(match);
  if (!test) {
    // RuleMatch's fields are named after the facts they test.
    const entries = typeof match === 'function' ? [] : (Object.entries(match) as [keyof RuleMatch, never][]);
    test =
      typeof match === 'function'
        ? (value, facts) => {
            try {
              return match(value, facts);
            } catch {
              return false;
            }
          }
        : entries.length === 1
          ? // Most rules test one fact: no loop over the entries (issue 11).
            matchFact(...(entries[0] as [keyof RuleMatch, never]))
          : (_, facts) => {
              try {
                for (const [fact, matcher] of entries) if (!matchOne(matcher, facts[fact])) return false;
                return true;
              } catch {
                return false;
              }
            };
    tests.set(match, test);
  }
  return test;
};

/** The test of a match with one field. A throw counts as no match. */
const matchFact =
  (fact: keyof RuleMatch, matcher: string | number | RegExp | undefined): Test =>
  (_, facts) => {
    try {
      return matchOne(matcher, facts[fact]);
    } catch {
      return false;
    }
  };

/** A table's matches and their tests, in its order, as last prepared. */
interface PreparedTable {
  matches: (RuleMatch | RulePredicate)[];
  tests: Test[];
}
/** Prepared tables by table: the default rules and an app's rules are the same arrays on every call. A memo, not app state. */
const tables = /* @__PURE__ */ new WeakMap<readonly ClassificationRule[], PreparedTable>();

/** The prepared tests of `table`, filled in rule by rule as `testOf` reaches them. */
const preparedTable = (table: readonly ClassificationRule[]): PreparedTable => {
  let prepared = tables.get(table);
  if (!prepared) tables.set(table, (prepared = { matches: [], tests: [] }));
  return prepared;
};

/**
 * `prepare(match)` for the rule at `index` of a prepared table: one WeakMap lookup per table rather than
 * per rule (issue 11). A rule whose `match` was replaced since is prepared again, as `prepare` alone would.
 */
const testOf = (prepared: PreparedTable, index: number, match: RuleMatch | RulePredicate): Test => {
  let test = prepared.tests[index];
  if (test === undefined || prepared.matches[index] !== match) {
    test = prepare(match);
    prepared.matches[index] = match;
    prepared.tests[index] = test;
  }
  return test;
};

/** A predicate rule asked while classifying, and its answer: it may depend on more than the value (the network). */
export type PredicateAnswer = readonly [
  test: (value: unknown, facts: ErrorFacts) => boolean,
  answer: boolean,
];

/**
 * {@link classifyError}, telling `asked` which predicate rules were asked about the value itself and
 * what they answered: `capture`'s repeat path asks them again before it reuses a classification.
 * `facts` are the value's own facts when the caller has read them already (`readFacts(value)`).
 */
export function classifyTraced(
  value: unknown,
  rules: readonly ClassificationRule[] = [],
  asked?: PredicateAnswer[],
  facts?: ErrorFacts,
): Classification {
  // A value without a cause (most thrown errors) is a chain of one: no arrays are made for it (issue 11).
  const alone = value !== undefined && readProperty(value, 'cause') === undefined;
  const chain = alone ? [] : causeChain(value);
  const search: ChainSearch = {
    value,
    facts: alone ? (facts ?? readFacts(value)) : undefined,
    chain,
    chainFacts: chain.map((link, i) => (i === 0 && facts) || readFacts(link)),
    isApp: readProperty(value, 'isAppError') === true && isAppError(value),
    asked,
  };
  const own = search.isApp && (value as AppError).kind !== 'unknown' ? (value as AppError) : undefined;
  const found: Partial<Classification> | undefined =
    findRule(rules, search) ?? own ?? findRule(defaultRules, search);
  const kind = found?.kind ?? 'unknown';
  const base = kindDefaults[kind] ?? kindDefaults.unknown;
  return {
    kind,
    severity: found?.severity ?? base.severity,
    retryable: found?.retryable ?? base.retryable,
    messageKey: found?.messageKey ?? kind,
    actions: found?.actions ?? base.actions,
  };
}

/** What `findRule` tests rules against: the value alone (`facts` set) or its cause chain, and who is told the predicates' answers. */
interface ChainSearch {
  value: unknown;
  /** The value's facts when it has no cause; then `chain` is not read. */
  facts: ErrorFacts | undefined;
  chain: readonly unknown[];
  chainFacts: readonly ErrorFacts[];
  isApp: boolean;
  asked: PredicateAnswer[] | undefined;
}

/**
 * The classification of the first rule of `table` that matches the value or one of its causes. Loops
 * rather than `find` and `some` with closures: this runs for every rule on every new error (issue 11).
 */
function findRule(
  table: readonly ClassificationRule[],
  search: ChainSearch,
): Classification | Partial<Classification> | undefined {
  // Any iterable of rules classifies, as a `for…of` did: a JavaScript app may pass a Set (findings-11b B7).
  const rows = Array.isArray(table) ? table : [...(table as Iterable<ClassificationRule>)];
  if (rows.length === 0) return undefined;
  const prepared = preparedTable(table);
  const { facts, chain, chainFacts, asked } = search;
  for (let t = 0; t < rows.length; t++) {
    const r = rows[t] as ClassificationRule;
    // A rule may opt out of reclassifying AppErrors (issue 10: app rules come first for every value).
    if (search.isApp && r.appErrors === false) continue;
    const { match } = r;
    const test = testOf(prepared, t, match);
    const predicate = typeof match === 'function';
    for (let i = 0; i < (facts ? 1 : chain.length); i++) {
      const answer = facts ? test(search.value, facts) : test(chain[i], chainFacts[i] as ErrorFacts);
      if (asked && predicate) asked.push([test, answer]);
      if (answer) return r.classification;
    }
  }
  return undefined;
}

/**
 * What the first of the app's `rules` matching the value or one of its causes says, if one does.
 * `asked` is told the predicate rules asked about the value and their answers, as in {@link classifyTraced}.
 */
export const matchRule = (
  value: unknown,
  rules: readonly ClassificationRule[],
  asked?: PredicateAnswer[],
): Partial<Classification> | undefined => {
  const isApp = isAppError(value);
  return rules.find(
    (r) =>
      !(isApp && r.appErrors === false) &&
      causeChain(value).some((link) => {
        const test = prepare(r.match);
        const answer = test(link, readFacts(link));
        if (asked && typeof r.match === 'function') asked.push([test, answer]);
        return answer;
      }),
  )?.classification;
};

/**
 * Classifies any thrown value with the rules table: the first rule that matches the value or one of
 * its causes wins; app `rules` are tried first, for every value. An `AppError` with a known kind
 * keeps its own classification unless an app rule matches (and does not opt out with
 * `appErrors: false`). Never throws.
 *
 * @example
 * classifyError(new TypeError('Failed to fetch')); // { kind: 'network', severity: 'warning', retryable: true, … }
 * classifyError(err, [{ name: 'payment', match: { code: 'CARD_DECLINED' }, classification: { kind: 'validation', messageKey: 'card-declined' } }]);
 */
export function classifyError(value: unknown, rules: readonly ClassificationRule[] = []): Classification {
  // Each property read once, as in a capture: the value's `cause` is read to tell a chain of one, then
  // again by the chain, and a getter answering otherwise the second time changed the kind (findings-11e E3).
  return readOnce(classifyTraced, value, rules);
}
