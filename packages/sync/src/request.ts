import { retryAfterMs } from './backoff.js';

/** The token was refused twice (or there is none): the person must sign in again. */
export class SignInNeeded extends Error {}
/** The server answered with an error: `message` is its detail, in its words. */
export class HttpProblem extends Error {
  constructor(message: string, readonly status: number, readonly retryAfter: number) {
    super(message);
  }
}
/** The server could not be reached. */
export class NetworkProblem extends Error {}

/** What a problem answer says, in the server's words. */
export async function problemDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.title === 'string') return body.title;
  } catch {
    // not JSON
  }
  return `the server answered ${res.status} ${res.statusText}`.trim();
}

/**
 * Requests to one plan's routes with the person's bearer token: a 401 asks `getToken()` once
 * more, and a second 401 (or no token) throws SignInNeeded; a getToken() that throws is a
 * NetworkProblem (the host's sign-in may be out of reach too). An answer that is not OK throws
 * HttpProblem; no answer, NetworkProblem.
 */
export class PlanRequests {
  readonly #base: string;
  #token: string | undefined;

  constructor(
    url: string,
    planId: string,
    readonly getToken: () => Promise<string | undefined | null> | string | undefined | null,
    readonly fetch: typeof globalThis.fetch,
  ) {
    this.#base = `${url.replace(/\/+$/, '')}/v1/plans/${encodeURIComponent(planId)}`;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const attempt = async (token: string) => {
      try {
        return await this.fetch(`${this.#base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') throw error;
        throw new NetworkProblem(`could not reach the server (${String((error as Error)?.message ?? error)})`);
      }
    };
    const fresh = async () => {
      let token: string | null | undefined;
      try {
        token = await this.getToken();
      } catch (error) {
        // The host's sign-in could not be reached (offline, say): not a refused token, so try again later.
        throw new NetworkProblem(`could not get a token (${String((error as Error)?.message ?? error)})`);
      }
      if (!token) throw new SignInNeeded('no token');
      return (this.#token = token);
    };
    let res = await attempt(this.#token ?? (await fresh()));
    if (res.status === 401) {
      res = await attempt(await fresh());
      if (res.status === 401) throw new SignInNeeded(await problemDetail(res));
    }
    if (!res.ok) {
      const detail = await problemDetail(res);
      throw new HttpProblem(detail, res.status, retryAfterMs(res.headers.get('retry-after')));
    }
    return res;
  }
}
