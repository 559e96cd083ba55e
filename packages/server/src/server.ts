import { serve } from '@hono/node-server';
import type { Plan, PledgeEvent } from '@pledgeflow/core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createApp } from './http/app.js';
import { Authenticator, DevKeys, type AuthConfig } from './http/auth.js';
import { HeadHub } from './sync/head-hub.js';
import { Judge, type Notice } from './sync/judge.js';
import { PlanRegistry } from './sync/plan-registry.js';
import { headOf } from './sync/pull.js';

export interface ServerOptions {
  /** An open database (see openPostgres, openPglite). The server closes it when it stops. */
  db: Database;
  /** Plans to serve: each is stored as its plan's current version when it differs. */
  plans: readonly { plan: Plan; events?: readonly PledgeEvent[] }[];
  /** Identity providers; may be left out only in development mode. */
  auth?: AuthConfig;
  /** Development mode: the server signs its own tokens (`POST /dev/sign-in`); loopback only. */
  dev?: boolean;
  host?: string;
  /** 0 for any free port. */
  port?: number;
  corsOrigins?: readonly string[];
  rateLimits?: { perPerson?: number; perAddress?: number };
  trustProxy?: boolean;
  heartbeatMs?: number;
  logger?: Logger;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  logger: Logger;
  /** Finishes requests in flight, ends live streams, closes the database. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** Why these options cannot start a server, in plain words; undefined when they can. */
export function startProblem(options: Pick<ServerOptions, 'dev' | 'host' | 'auth'>): string | undefined {
  const host = options.host ?? '127.0.0.1';
  if (options.dev && !LOOPBACK.test(host)) {
    return `Development mode signs anyone in who asks, so it listens only on this computer (127.0.0.1, ::1 or localhost), not on ${host}. Leave out --host, or run without --dev and with your identity provider.`;
  }
  if (!options.dev && (!options.auth || options.auth.issuers.length === 0)) {
    return 'No identity provider is set: give PLEDGEFLOW_ISSUERS and PLEDGEFLOW_AUDIENCE (see docs/server.md), or try it with --dev on this computer.';
  }
  if (!options.dev && !options.auth?.audience) return 'PLEDGEFLOW_AUDIENCE is not set: every token must name this API as its audience.';
  return undefined;
}

/** Migrates the database, stores the plans (and seeds their events), and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const problem = startProblem(options);
  if (problem) throw new Error(problem);
  const logger = options.logger ?? pino({ name: 'pledgeflow' });
  const { db } = options;
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');

  const registry = new PlanRegistry(db);
  await registry.load();
  const hub = new HeadHub();
  const judge = new Judge(db, registry, (planId, change) => hub.publish(planId, change));
  for (const { plan, events } of options.plans) {
    const revision = await judge.revise(plan, null);
    if (!revision.ok) throw new Error(`The plan ${plan.id} could not be stored.`);
    const { version, changed, misfits, moreMisfits = 0 } = revision;
    logger.info({ plan: plan.id, version, changed, misfits: misfits.length + moreMisfits }, 'plan ready');
    if (events?.length) {
      const seeded = await judge.seed(plan.id, events);
      if (seeded) logger.info({ plan: plan.id, ...seeded }, 'events loaded');
    }
  }

  // Other server processes on this database tell this one of their changes, for its live streams.
  const stopListening = db.listen ? await db.listen(
    (payload) => void heard(payload).catch((error: Error) => logger.warn({ err: { message: error.message } }, 'a notice from another server could not be read')),
    () => void resync().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'could not catch up after listening again')),
  ) : undefined;
  async function heard(payload: string) {
    let notice: Partial<Notice>;
    try {
      notice = JSON.parse(payload) as Partial<Notice>;
    } catch {
      return;
    }
    if (notice.source === judge.instance || typeof notice.plan !== 'string') return;
    if (typeof notice.version === 'number') {
      await registry.reload(db, notice.plan);
      hub.publish(notice.plan, { kind: 'plan', version: notice.version });
    }
    if (typeof notice.head === 'number') hub.publish(notice.plan, { kind: 'head', head: notice.head });
  }
  /** After the listening connection came back: notices sent meanwhile are lost, so read every plan again. */
  async function resync() {
    const before = new Map(registry.all().map((p) => [p.plan.id, p.version]));
    await registry.load();
    for (const { plan, version } of registry.all()) {
      if (before.get(plan.id) !== version) hub.publish(plan.id, { kind: 'plan', version });
      hub.publish(plan.id, { kind: 'head', head: await headOf(db, plan.id) });
    }
    logger.info('listening to other servers again');
  }

  const audience = options.auth?.audience ?? 'pledgeflow';
  const dev = options.dev ? await DevKeys.create(audience) : undefined;
  const auth = new Authenticator(options.auth ?? { issuers: [], audience }, dev);
  const app = createApp({
    db, plans: registry, judge, hub, auth, logger,
    ...(dev ? { dev } : {}),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s as Server)) as Server;
      s.once('error', reject);
    });
  } catch (error) {
    await stopListening?.();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, dev: !!dev, database: db.kind }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    logger,
    close() {
      closing ??= (async () => {
        hub.closeAll();
        await stopListening?.();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await db.close();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
