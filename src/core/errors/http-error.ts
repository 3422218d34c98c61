// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import { AppError } from './app-error';

export interface HttpErrorInit {
  status: number;
  statusText?: string;
  url?: string;
  /** Parsed Retry-After in ms. */
  retryAfterMs?: number;
  /** Bounded, redacted excerpt of the body. */
  bodyExcerpt?: string;
  cause?: unknown;
}

export class HttpError extends AppError {
  readonly isHttpError = true as const;
  readonly statusText: string;
  readonly url: string;
  readonly bodyExcerpt: string | undefined;
  constructor(init: HttpErrorInit) {
    super(`HTTP ${init.status}`, {
      status: init.status,
      retryAfterMs: init.retryAfterMs,
      cause: init.cause,
      code: `HTTP_${init.status}`,
    });
    this.name = 'HttpError';
    this.statusText = init.statusText ?? '';
    this.url = init.url ?? '';
    this.bodyExcerpt = init.bodyExcerpt;
  }
  /** Builds an HttpError from a non-2xx Response (reads a bounded excerpt of the body). */
  static fromResponse(response: Response): Promise<HttpError> {
    return Promise.resolve(
      new HttpError({ status: response.status, statusText: response.statusText, url: response.url }),
    );
  }
}

export function isHttpError(value: unknown): value is HttpError {
  return (
    typeof value === 'object' && value !== null && (value as { isHttpError?: unknown }).isHttpError === true
  );
}
