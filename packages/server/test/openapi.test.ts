import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Authenticator, createApp, DevKeys, Judge, PlanRegistry, type Database } from '../src/index.js';
import { HeadHub } from '../src/sync/head-hub.js';

const doc = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
};

/** The app's routes as "METHOD /path/{param}", middleware left out. */
async function routes(): Promise<string[]> {
  const db = {} as Database; // never queried: only the routes are read
  const plans = new PlanRegistry(db);
  const dev = await DevKeys.create('pledgeflow');
  const app = createApp({ db, plans, judge: new Judge(db, plans), hub: new HeadHub(), auth: new Authenticator({ issuers: [], audience: 'x' }, dev), logger: pino({ level: 'silent' }), dev });
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`))].sort();
}

describe('docs/openapi.json', () => {
  it('lists exactly the routes the server answers', async () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(documented).toEqual(await routes());
  });

  it('documents each path parameter, and the problems every signed-in route can answer', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared, `${method} ${path}`).toEqual(params);
        if (path.startsWith('/v1/')) expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['200', '401', '429']));
        if (params.includes('planId')) expect(Object.keys(op.responses), `${method} ${path}`).toContain('404');
      }
    }
  });
});
