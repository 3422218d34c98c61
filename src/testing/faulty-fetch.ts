/** A scripted HTTP answer. */
export interface ScriptedResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** One scripted outcome of {@link createFaultyFetch}: a status to answer with, or a failure mode. */
export type FetchFault = ScriptedResponse | 'network-error' | 'hang';

/** Options for {@link createFaultyFetch}. */
export interface FaultyFetchOptions {
  /** Outcomes for the first calls, in order; once used up, calls pass through to `fetch`. @default [] */
  script?: readonly FetchFault[];
  /** The fetch that answers once the script is used up. @default a 200 with an empty JSON object */
  fetch?: typeof fetch;
  /** Delay before every outcome, in ms (waits on a timer, so fake timers control it). @default 0 */
  latencyMs?: number;
}

/** A `fetch` that fails the way real networks do, for tests and stories; also counts its calls. */
export interface FaultyFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** How many times it was called. */
  readonly calls: number;
}

const ok = () =>
  Promise.resolve(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));

/**
 * Builds a fetch that plays a script of faults, then behaves. Honors the request's abort signal.
 *
 * @example
 * const fetch = createFaultyFetch({ script: [{ status: 503 }, 'network-error'] });
 * await fetch('/api'); // 503
 * await fetch('/api'); // rejects with TypeError('Failed to fetch')
 * await fetch('/api'); // 200
 */
export function createFaultyFetch(options: FaultyFetchOptions = {}): FaultyFetch {
  const script = [...(options.script ?? [])];
  const pass = options.fetch ?? ok;
  const latency = options.latencyMs ?? 0;
  let calls = 0;

  const outcome = (fault: FetchFault | undefined, input: RequestInfo | URL, init?: RequestInit) => {
    if (fault === undefined) return pass(input, init);
    if (fault === 'hang') return new Promise<Response>(() => {});
    if (fault === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(
      new Response(fault.body ?? null, { status: fault.status, headers: fault.headers }),
    );
  };

  const faulty = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls += 1;
    const fault = script.shift();
    const signal = init?.signal ?? undefined;
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => {
        reject(
          signal?.reason instanceof Error
            ? signal.reason
            : new DOMException('The operation was aborted.', 'AbortError'),
        );
      };
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort, { once: true });
    });
    if (latency > 0) await Promise.race([new Promise((resolve) => setTimeout(resolve, latency)), aborted]);
    return Promise.race([outcome(fault, input, init), aborted]);
  };
  Object.defineProperty(faulty, 'calls', { get: () => calls });
  return faulty as FaultyFetch;
}
