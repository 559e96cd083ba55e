import { getConnInfo } from '@hono/node-server/conninfo';
import { isCalendarDate, parsePlanFile, POLICY, ROLE_LABELS, ROLES, scrutinyReport, stringifyPlanFile, todayInLondon, type Person } from '@pledgeflow/core';
import { reportToCsv, reportToMarkdown } from '@pledgeflow/core/formats';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import type { Logger } from 'pino';
import * as z from 'zod/mini';
import type { Database } from '../db/database.js';
import type { HeadHub } from '../sync/head-hub.js';
import type { Judge } from '../sync/judge.js';
import type { PlanRegistry } from '../sync/plan-registry.js';
import { headOf, pullJson } from '../sync/pull.js';
import type { Authenticator, DevKeys } from './auth.js';
import { findPerson, loginProblem, type Identity } from './identity.js';
import { problem } from './problem.js';
import { RateLimiter } from './rate-limit.js';

export const LIMITS = {
  /** Most events in one push. */
  events: 500,
  /** Largest request body (a push, or a plan file), in bytes. */
  bodyBytes: 1024 * 1024,
  /** Most events in one pull page, and the default. */
  pullLimit: 1000,
  pullDefault: 500,
} as const;

export interface AppOptions {
  db: Database;
  plans: PlanRegistry;
  judge: Judge;
  hub: HeadHub;
  auth: Authenticator;
  logger: Logger;
  /** Development sign-in (`POST /dev/sign-in`): only with `--dev`. */
  dev?: DevKeys;
  /** Origins allowed to call the API from a browser (CORS). None by default. */
  corsOrigins?: readonly string[];
  /** Requests per minute: per signed-in person, and per client address. */
  rateLimits?: { perPerson?: number; perAddress?: number };
  /** Take the client address from X-Forwarded-For (behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** Milliseconds between heartbeats on a live stream (25 s). */
  heartbeatMs?: number;
  /** The clock, for the report's default day. */
  now?: () => Date;
}

type Env = { Variables: { identity: Identity; personId: string; requestId: string } };

const PushBody = z.strictObject({
  clientId: z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected a client id of 1 to 100 letters, digits, ".", "_", ":" or "-"')),
  events: z.array(z.unknown()),
});
const SignInBody = z.strictObject({ userId: z.string().check(z.maxLength(200)) });
const WHOLE_NUMBER = /^\d{1,15}$/;
const PLAN_ETAG = /^"v(\d{1,9})"$/;
const PLAN_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/** The HTTP API: routes under /v1, health checks, and the development sign-in. */
export function createApp(options: AppOptions): Hono<Env> {
  const { db, plans, judge, hub, auth, logger } = options;
  const app = new Hono<Env>();
  const perPerson = new RateLimiter(options.rateLimits?.perPerson ?? 600, 60_000);
  const perAddress = new RateLimiter(options.rateLimits?.perAddress ?? 1200, 60_000);
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const now = options.now ?? (() => new Date());
  let requests = 0;

  const address = (c: Context<Env>): string => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded.slice(0, 100);
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  app.onError((error, c) => {
    logger.error({ requestId: c.get('requestId'), err: { message: error.message, code: (error as { code?: string }).code } }, 'request failed');
    return problem(c, 500, 'Something went wrong on the server. Nothing you sent was half-kept: try again, and tell the administrator if it goes on.');
  });
  app.notFound((c) => problem(c, 404, `There is nothing at ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}.`));

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', `r${(++requests).toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
    c.header('X-Request-Id', c.get('requestId'));
    await next();
    logger.info({
      requestId: c.get('requestId'), method: c.req.method, path: new URL(c.req.url).pathname.slice(0, 200),
      status: c.res.status, ms: Math.round(performance.now() - started), person: c.get('personId'),
    }, 'request');
  });
  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'same-site',
    xFrameOptions: 'DENY',
  }));
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  if (options.corsOrigins?.length) {
    const allowed = new Set(options.corsOrigins);
    app.use('*', cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Last-Event-ID'],
      exposeHeaders: ['ETag', 'Pledgeflow-Plan-Version', 'Retry-After'],
      maxAge: 600,
    }));
  }
  app.use('*', async (c, next) => {
    const limited = perAddress.take(address(c));
    if (!limited.ok) {
      return problem(c, 429, `Too many requests from your address: wait ${limited.retryAfter} seconds and try again.`, {}, { 'Retry-After': String(limited.retryAfter) });
    }
    await next();
  });
  app.use('*', bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: (c) => problem(c, 413, `The request is larger than ${LIMITS.bodyBytes} bytes (1 MB): send fewer events at a time.`),
  }));

  /** The request body as JSON, after checking its media type. */
  const readJson = async (c: Context<Env>): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json(;|$)/i.test(type)) {
      return { ok: false, response: problem(c, 415, 'Send the body as JSON, with "Content-Type: application/json".') };
    }
    const text = await c.req.text();
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, response: problem(c, 400, 'The body is not valid JSON.') };
    }
  };

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ready' });
    } catch {
      return problem(c, 503, 'The database does not answer.');
    }
  });

  if (options.dev) {
    const dev = options.dev;
    app.post('/dev/sign-in', async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      const parsed = SignInBody.safeParse(body.value);
      if (!parsed.success) return problem(c, 400, 'Send {"userId": "<the id of a person in a plan>"}.');
      const known = plans.all().some((p) => p.plan.people.some((person) => person.id === parsed.data.userId));
      if (!known) return problem(c, 404, `No plan on this server has a person with the id "${parsed.data.userId.slice(0, 100)}".`);
      return c.json({ token: await dev.sign(parsed.data.userId), tokenType: 'Bearer' });
    });
  }

  // Everything under /v1 needs a signed-in person.
  app.use('/v1/*', async (c, next) => {
    const verified = await auth.verify(c.req.header('authorization'));
    if (!verified.ok) {
      return problem(c, 401, verified.detail, {}, { 'WWW-Authenticate': 'Bearer realm="pledgeflow"' });
    }
    const { identity } = verified;
    if (!plans.knows(identity)) {
      return problem(c, 401, 'You are signed in, but you are not one of the people of any plan on this server: ask a plan editor to add you, with your sign-in name as your login.', {}, { 'WWW-Authenticate': 'Bearer realm="pledgeflow"' });
    }
    c.set('identity', identity);
    const limited = perPerson.take(identity.key);
    if (!limited.ok) {
      return problem(c, 429, `You have sent too many requests: wait ${limited.retryAfter} seconds and try again.`, {}, { 'Retry-After': String(limited.retryAfter) });
    }
    await next();
  });

  /** The plan and the signed-in person's place in it; a plan they are not in is as missing as one that does not exist. */
  const planFor = (c: Context<Env>): { planId: string; person: Person } | Response => {
    const planId = c.req.param('planId') ?? '';
    const person = PLAN_ID.test(planId) ? plans.personIn(planId, c.get('identity')) : undefined;
    if (!person) return problem(c, 404, `There is no plan "${planId.slice(0, 200)}" that you belong to.`);
    c.set('personId', person.id);
    return { planId, person };
  };

  app.get('/v1/plans', (c) => {
    const identity = c.get('identity');
    const mine = plans.all().flatMap(({ plan, version }) => {
      const you = findPerson(plan, identity);
      return you ? [{ id: plan.id, title: plan.title, council: plan.council, version, you }] : [];
    });
    return c.json({ plans: mine });
  });

  app.get('/v1/plans/:planId', (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    const stored = plans.get(found.planId)!;
    c.header('ETag', `"v${stored.version}"`);
    c.header('Pledgeflow-Plan-Version', String(stored.version));
    c.header('Content-Type', 'application/json');
    return c.body(stringifyPlanFile(stored.plan));
  });

  app.put('/v1/plans/:planId', async (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    if (found.person.role !== ROLES.planEditor) {
      return problem(c, 403, `You are in this plan as a ${ROLE_LABELS[found.person.role]}: only a plan editor can change the plan. Nothing was changed.`);
    }
    const ifMatch = c.req.header('if-match');
    const expected = ifMatch === undefined ? undefined : PLAN_ETAG.exec(ifMatch.trim());
    if (expected === null) return problem(c, 400, 'If-Match must be the ETag the plan was read with, such as "v3" (quotes included), or left out.');
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = parsePlanFile(body.value);
    if (!parsed.ok) {
      const total = parsed.problems.length + (parsed.moreProblems ?? 0);
      return problem(c, 422, `The plan file has ${total.toLocaleString('en-GB')} problem${total === 1 ? '' : 's'}; nothing was changed. The first: ${parsed.problems[0]!.path}: ${parsed.problems[0]!.message}`, {
        problems: parsed.problems, ...(parsed.moreProblems ? { moreProblems: parsed.moreProblems } : {}),
      });
    }
    const plan = parsed.plan;
    if (plan.id !== found.planId) {
      return problem(c, 422, `This file is the plan "${plan.id}", not "${found.planId}": a plan keeps its id. Nothing was changed.`);
    }
    const logins = loginProblem(plan);
    if (logins) return problem(c, 422, `${logins} Nothing was changed.`);
    const revision = await judge.revise(plan, found.person.id, expected ? Number(expected[1]) : undefined);
    if (!revision.ok) {
      if (revision.version !== undefined) c.header('ETag', `"v${revision.version}"`);
      return problem(c, 412, `The plan has changed since you read it (it is now version ${revision.version ?? 'unknown'}): get it again, make your changes to that version, and send it again. Nothing was changed.`);
    }
    const { version, changed, misfits, moreMisfits } = revision;
    logger.info({ requestId: c.get('requestId'), plan: plan.id, person: found.person.id, version, changed, misfits: misfits.length + (moreMisfits ?? 0) }, 'plan revised');
    c.header('ETag', `"v${version}"`);
    c.header('Pledgeflow-Plan-Version', String(version));
    return c.json({
      id: plan.id, version, changed, warnings: parsed.warnings, ...(parsed.moreWarnings ? { moreWarnings: parsed.moreWarnings } : {}),
      misfits, ...(moreMisfits ? { moreMisfits } : {}),
    });
  });

  app.post('/v1/plans/:planId/push', async (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    if (Object.keys(POLICY[found.person.role]).length === 0) {
      return problem(c, 403, `You are in this plan as a ${ROLE_LABELS[found.person.role]}: you can read the plan and its report but not take steps. Nothing was stored.`);
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = PushBody.safeParse(body.value);
    if (!parsed.success) {
      return problem(c, 400, 'Send {"clientId": "<your client id>", "events": [...]}.', {
        errors: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    if (parsed.data.events.length > LIMITS.events) {
      return problem(c, 413, `A push holds at most ${LIMITS.events} events; this one has ${parsed.data.events.length}. Send them in smaller batches.`);
    }
    const outcome = await judge.push(found.planId, found.person, parsed.data.clientId, parsed.data.events);
    logger.info({
      requestId: c.get('requestId'), plan: found.planId, person: found.person.id, client: parsed.data.clientId, head: outcome.head,
      verdicts: outcome.results.map((r) => ({ id: r.id, status: r.status, ...(r.seq !== undefined ? { seq: r.seq } : {}) })),
    }, 'push');
    return c.json(outcome);
  });

  app.get('/v1/plans/:planId/pull', async (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    const after = c.req.query('after') ?? '0';
    const limit = c.req.query('limit') ?? String(LIMITS.pullDefault);
    if (!WHOLE_NUMBER.test(after)) return problem(c, 400, '"after" must be a whole number: the last seq you have (0 for none).');
    if (!WHOLE_NUMBER.test(limit) || Number(limit) < 1 || Number(limit) > LIMITS.pullLimit) {
      return problem(c, 400, `"limit" must be a whole number from 1 to ${LIMITS.pullLimit}.`);
    }
    c.header('Content-Type', 'application/json');
    return c.body(await pullJson(db, found.planId, found.person.id, Number(after), Number(limit)));
  });

  app.get('/v1/plans/:planId/stream', async (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    const lastId = c.req.header('last-event-id') ?? '';
    const since = WHOLE_NUMBER.test(lastId) ? Number(lastId) : -1;
    return streamSSE(c, async (stream) => {
      let last = since;
      let wake: (() => void) | undefined;
      let pending = false;
      let planVersion: number | undefined;
      const send = async (head: number) => {
        if (head <= last) return;
        last = head;
        await stream.writeSSE({ event: 'head', id: String(head), data: JSON.stringify({ head }) });
      };
      const unsubscribe = hub.subscribe(found.planId, (change) => {
        if (change.kind === 'plan') planVersion = Math.max(planVersion ?? 0, change.version);
        pending = true;
        wake?.();
      });
      let closed = false;
      const close = () => {
        closed = true;
        wake?.();
      };
      const unregister = hub.onClose(close);
      stream.onAbort(close);
      try {
        await send(await headOf(db, found.planId));
        while (!closed) {
          if (!pending) {
            let timeout: ReturnType<typeof setTimeout> | undefined;
            await new Promise<void>((resolve) => {
              wake = resolve;
              timeout = setTimeout(resolve, heartbeatMs);
            });
            clearTimeout(timeout);
          }
          if (closed) break;
          if (pending) {
            pending = false;
            if (planVersion !== undefined) {
              const version = planVersion;
              planVersion = undefined;
              await stream.writeSSE({ event: 'plan', data: JSON.stringify({ version }) });
            }
            await send(await headOf(db, found.planId));
          } else {
            await stream.write(': heartbeat\n\n');
          }
        }
      } finally {
        unsubscribe();
        unregister();
      }
    }, async (error) => {
      logger.warn({ requestId: c.get('requestId'), err: { message: error.message } }, 'stream ended with an error');
    });
  });

  app.get('/v1/plans/:planId/report', async (c) => {
    const found = planFor(c);
    if (found instanceof Response) return found;
    const today = c.req.query('today') ?? todayInLondon(now());
    const format = c.req.query('format') ?? 'json';
    if (!isCalendarDate(today)) return problem(c, 400, '"today" must be a date written YYYY-MM-DD, such as 2026-11-25.');
    if (format !== 'json' && format !== 'csv' && format !== 'md') return problem(c, 400, '"format" must be json, csv or md.');
    const tracker = await judge.tracker(found.planId);
    const report = scrutinyReport(tracker.state(), today);
    if (format === 'json') return c.json(report);
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(reportToCsv(report));
    }
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(reportToMarkdown(report));
  });

  return app;
}
