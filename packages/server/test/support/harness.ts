import { request } from 'node:http';
import type { Plan, PledgeEvent } from '@pledgeflow/core';
import pino from 'pino';
import { startServer, type RunningServer, type ServerOptions } from '../../src/index.js';
import type { TestDatabaseHandle } from './databases.js';

/** A server on 127.0.0.1 and a free port, quiet, in development mode unless `auth` is given. */
export async function startTestServer(
  handle: TestDatabaseHandle,
  plans: readonly { plan: Plan; events?: readonly PledgeEvent[] }[],
  options: Partial<ServerOptions> = {},
): Promise<RunningServer> {
  return startServer({
    db: await handle.open(),
    plans,
    dev: !options.auth,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    ...options,
  });
}

/** A token from the development sign-in. */
export async function devSignIn(url: string, userId: string): Promise<string> {
  const res = await fetch(`${url}/dev/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  if (!res.ok) throw new Error(`sign-in as ${userId} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** JSON over HTTP with a bearer token. */
export async function call(url: string, token: string | undefined, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, headers: res.headers, body: body as any };
}

/**
 * A POST (or another method) with node:http that reads the answer even when the server answers before taking
 * the whole body (an over-size upload): fetch reports that as a failed request instead.
 */
export function rawPost(url: string, path: string, headers: Record<string, string>, body: string, method = 'POST'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the connection once it has answered: the answer is what counts.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}
