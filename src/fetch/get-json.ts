/**
 * GET a JSON document from a public API, patiently: a timeout per attempt, retries with
 * exponential backoff on 408, 429, 5xx, timeouts and network errors, and a server's
 * Retry-After honoured (up to a cap). The retrying is ky's; this module sets its policy and
 * turns every way of failing into one line a maintainer can act on.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';

/** A failure already described in one line, for the command line to print as it is. */
export class FetchError extends Error {}

export interface RetryPolicy {
  /** How long one attempt may take to answer. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** The wait before the first retry; each next one waits twice as long. */
  backoffMs: number;
  /** The longest wait a Retry-After header can ask for; a longer one is shortened to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { timeoutMs: 30_000, retries: 4, backoffMs: 2_000, maxRetryAfterMs: 120_000 };

/**
 * @param onRetry told, in one line, why an attempt failed and that another follows
 * @returns a function fetching one URL's JSON, or throwing a FetchError
 */
export function jsonGetter(policy: RetryPolicy, onRetry?: (line: string) => void): (url: URL) => Promise<unknown> {
  const client = ky.create({
    timeout: policy.timeoutMs,
    headers: { accept: 'application/json' },
    retry: {
      limit: policy.retries,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: policy.maxRetryAfterMs,
      delay: (attempt) => policy.backoffMs * 2 ** (attempt - 1),
      retryOnTimeout: true,
    },
    hooks: {
      beforeRetry: [({ request, error, retryCount }) => onRetry?.(`${whatWentWrong(error, new URL(request.url), policy)}; retry ${retryCount} of ${policy.retries}`)],
    },
  });
  return async (url) => {
    let text: string;
    try {
      text = await client.get(url).text();
    } catch (error) {
      throw new FetchError(`${whatWentWrong(error, url, policy)}${policy.retries > 0 ? ` (tried ${policy.retries + 1} times)` : ''}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A proxy's or a login page's HTML, say: never retried, since asking again gives the same.
      const start = text.trim().replace(/\s+/g, ' ');
      throw new FetchError(`${url.host} answered with something that is not JSON (it begins "${start.length > 80 ? `${start.slice(0, 80)}…` : start}")`);
    }
  };
}

function whatWentWrong(error: unknown, url: URL, policy: RetryPolicy): string {
  if (isHTTPError(error)) return `${url.host} answered HTTP ${error.response.status}${error.response.statusText ? ` ${error.response.statusText}` : ''}`;
  if (isTimeoutError(error)) return `${url.host} did not answer within ${policy.timeoutMs / 1000} s`;
  if (isNetworkError(error)) return `could not reach ${url.host} (${networkCause(error)})`;
  throw error;
}

/** `ECONNREFUSED`, `ENOTFOUND`…: what the operating system said, rather than fetch's "fetch failed". */
function networkCause(error: Error): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}
