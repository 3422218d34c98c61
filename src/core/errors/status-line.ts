/** The message of an HTTP failure: `HTTP 503 Service Unavailable`, or `HTTP 503` without a reason phrase. */
export const statusLine = (status: number, statusText = ''): string => `HTTP ${status} ${statusText}`.trim();
