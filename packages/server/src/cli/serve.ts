import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPlan, parseEventLog, PlanFileError, type Plan, type PledgeEvent } from '@pledgeflow/core';
import pino from 'pino';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import type { AuthConfig, IssuerConfig } from '../http/auth.js';
import { startProblem, startServer, type RunningServer, type ServerOptions } from '../server.js';

export const SERVE_USAGE = `Usage: pledgeflow serve --plan <plan.json> [--events <log.ndjson>] [options]

Runs the sync server: one record of the plan for every agency. Each --plan may be followed
by the --events it starts with (loaded only into a plan that has no events yet).

Options (each also from an environment variable, for production):
  --plan <file>           a plan file; several allowed              PLEDGEFLOW_PLAN (comma-separated)
  --events <file>         a plan's first events (NDJSON)            PLEDGEFLOW_EVENTS (comma-separated)
  --skip-partial-last-line  an --events log whose last line was cut off (the computer stopped
                          while it was written): read the rest, and say so   PLEDGEFLOW_SKIP_PARTIAL_LAST_LINE=1
  --db <postgres://...>   PostgreSQL, the record of truth           PLEDGEFLOW_DATABASE_URL
  --db-schema <name>      a schema in that database (optional)      PLEDGEFLOW_DB_SCHEMA
  --data-dir <dir>        PGlite data directory, when no --db       PLEDGEFLOW_DATA_DIR
                          (default .cache/pledgeflow/data; for trying pledgeflow and small single-server use)
  --host <address>        where to listen (default 127.0.0.1)      PLEDGEFLOW_HOST
  --port <n>              (default 8787)                            PLEDGEFLOW_PORT
  --issuer <iss>[|<jwks>] an identity provider to accept; several   PLEDGEFLOW_ISSUERS (space-separated)
  --audience <aud>        the audience tokens must carry            PLEDGEFLOW_AUDIENCE
  --person-claim <name>   the claim matched to people's logins      PLEDGEFLOW_PERSON_CLAIM
                          (default preferred_username, then email; sub for ids)
  --logins <file.json>    claim values to ids, for people with no login   PLEDGEFLOW_LOGINS
  --cors-origin <origin>  a browser origin allowed; several         PLEDGEFLOW_CORS_ORIGINS (space-separated)
  --trust-proxy           client address from X-Forwarded-For       PLEDGEFLOW_TRUST_PROXY=1
  --rate-per-person <n>   requests a minute per person (600)        PLEDGEFLOW_RATE_PER_PERSON
  --rate-per-address <n>  requests a minute per address (1200)      PLEDGEFLOW_RATE_PER_ADDRESS
  --log-level <level>     info, warn, error, silent                 PLEDGEFLOW_LOG_LEVEL
  --dev                   development sign-in (POST /dev/sign-in); loopback only   PLEDGEFLOW_DEV=1

Ctrl-C (SIGINT) or SIGTERM finishes what is in flight and stops.
`;

export interface ServeConfig {
  plans: { plan: Plan; events?: PledgeEvent[] }[];
  database: { url: string; schema?: string } | { dataDir: string };
  options: Omit<ServerOptions, 'db' | 'plans' | 'logger'>;
  logLevel: string;
  /** Things to tell the person before starting, such as a cut-off line of an --events log that was skipped. */
  notes: string[];
}

class ConfigError extends Error {}

const list = (value: string | undefined, separator: RegExp) => (value ?? '').split(separator).map((s) => s.trim()).filter(Boolean);
const WHOLE = /^\d{1,6}$/;
const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!WHOLE.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value.slice(0, 40)}".`);
  return Number(value);
}

function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Could not read ${what} ${path}: ${(error as Error).message}`);
  }
}

/** The server's settings from the command line, then the environment; throws a ConfigError a person can act on. */
export function serveConfig(argv: string[], env: NodeJS.ProcessEnv = process.env, readText = (p: string) => readFileSync(p, 'utf8')): ServeConfig {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string', multiple: true }, events: { type: 'string', multiple: true }, 'skip-partial-last-line': { type: 'boolean' },
        db: { type: 'string' }, 'db-schema': { type: 'string' }, 'data-dir': { type: 'string' },
        host: { type: 'string' }, port: { type: 'string' }, dev: { type: 'boolean' },
        issuer: { type: 'string', multiple: true }, audience: { type: 'string' }, 'person-claim': { type: 'string' },
        logins: { type: 'string' }, 'cors-origin': { type: 'string', multiple: true }, 'trust-proxy': { type: 'boolean' },
        'rate-per-person': { type: 'string' }, 'rate-per-address': { type: 'string' }, 'log-level': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const str = (flag: string, name: string) => (values[flag] as string | undefined) ?? (env[name] || undefined);
  const many = (flag: string, name: string, sep: RegExp) => ((values[flag] as string[] | undefined)?.length ? (values[flag] as string[]) : list(env[name], sep));
  const flag = (name: string, envName: string) => values[name] === true || env[envName] === '1' || env[envName] === 'true';

  const planFiles = many('plan', 'PLEDGEFLOW_PLAN', /,/);
  if (!planFiles.length) throw new ConfigError('Give at least one plan: --plan examples/plans/eastmere.plan.json');
  const eventFiles = many('events', 'PLEDGEFLOW_EVENTS', /,/);
  if (eventFiles.length > planFiles.length) throw new ConfigError('There are more --events files than --plan files: each --events belongs to the --plan at the same place.');
  const notes: string[] = [];
  const skipPartialLastLine = flag('skip-partial-last-line', 'PLEDGEFLOW_SKIP_PARTIAL_LAST_LINE');
  const plans = planFiles.map((file, i) => {
    let plan: Plan;
    try {
      plan = loadPlan(readText(file));
    } catch (error) {
      if (error instanceof PlanFileError) throw new ConfigError(`${file}: ${error.message}`);
      throw new ConfigError(`Could not read the plan ${file}: ${(error as Error).message}`);
    }
    const eventsFile = eventFiles[i];
    if (!eventsFile) return { plan };
    const { events, problems, moreProblems = 0, cutOff } = parseEventLog(readText(eventsFile), { skipPartialLastLine });
    const line = (n: number) => n.toLocaleString('en-GB');
    if (cutOff && !cutOff.skipped) {
      throw new ConfigError(`line ${line(cutOff.line)} of ${eventsFile} looks cut off (the file may have been written while the computer stopped); run again with --skip-partial-last-line to read the rest`);
    }
    if (cutOff?.skipped) notes.push(`${eventsFile}: skipped 1 line (line ${line(cutOff.line)}, which looks cut off); read the ${line(cutOff.line - 1)} line${cutOff.line === 2 ? '' : 's'} before it`);
    const total = problems.length + moreProblems;
    if (total) {
      throw new ConfigError(`${eventsFile} has ${line(total)} problem${total === 1 ? '' : 's'}; the first: ${JSON.stringify(problems[0])}`);
    }
    return { plan, events };
  });

  const url = str('db', 'PLEDGEFLOW_DATABASE_URL');
  const schema = str('db-schema', 'PLEDGEFLOW_DB_SCHEMA');
  const dataDir = str('data-dir', 'PLEDGEFLOW_DATA_DIR');
  if (url && dataDir) throw new ConfigError('Give either --db (PostgreSQL) or --data-dir (PGlite), not both.');
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('--db must be a PostgreSQL address: postgres://user:password@host:5432/database');

  const issuers: IssuerConfig[] = many('issuer', 'PLEDGEFLOW_ISSUERS', /\s+/).map((entry) => {
    const [issuer, jwksUri] = entry.split('|');
    return { issuer: issuer!, ...(jwksUri ? { jwksUri } : {}) };
  });
  for (const i of issuers) {
    for (const u of [i.issuer, i.jwksUri]) {
      if (u !== undefined && !/^https:\/\//.test(u) && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u)) {
        throw new ConfigError(`The identity provider address ${u} must start with https://.`);
      }
    }
  }
  const audience = str('audience', 'PLEDGEFLOW_AUDIENCE');
  const personClaim = str('person-claim', 'PLEDGEFLOW_PERSON_CLAIM');
  const loginsFile = str('logins', 'PLEDGEFLOW_LOGINS');
  let logins: Record<string, string> | undefined;
  if (loginsFile) {
    const raw = readJsonFile(loginsFile, 'the logins file');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.values(raw).some((v) => typeof v !== 'string')) {
      throw new ConfigError(`${loginsFile} must be a JSON object from login (or email) to person id: {"ruth.kendrick@eastmere.example": "ruth-kendrick"}`);
    }
    logins = raw as Record<string, string>;
  }
  const auth: AuthConfig | undefined = issuers.length
    ? { issuers, audience: audience ?? '', ...(personClaim ? { personClaim } : {}), ...(logins ? { logins } : {}) }
    : undefined;

  const logLevel = str('log-level', 'PLEDGEFLOW_LOG_LEVEL') ?? 'info';
  if (!LEVELS.has(logLevel)) throw new ConfigError(`--log-level must be one of ${[...LEVELS].join(', ')}.`);
  const options: ServeConfig['options'] = {
    dev: flag('dev', 'PLEDGEFLOW_DEV'),
    host: str('host', 'PLEDGEFLOW_HOST') ?? '127.0.0.1',
    port: wholeNumber('--port', str('port', 'PLEDGEFLOW_PORT'), 8787),
    ...(auth ? { auth } : {}),
    corsOrigins: many('cors-origin', 'PLEDGEFLOW_CORS_ORIGINS', /\s+/),
    trustProxy: flag('trust-proxy', 'PLEDGEFLOW_TRUST_PROXY'),
    rateLimits: {
      perPerson: wholeNumber('--rate-per-person', str('rate-per-person', 'PLEDGEFLOW_RATE_PER_PERSON'), 600),
      perAddress: wholeNumber('--rate-per-address', str('rate-per-address', 'PLEDGEFLOW_RATE_PER_ADDRESS'), 1200),
    },
  };
  const problem = startProblem(options);
  if (problem) throw new ConfigError(problem);
  return {
    plans,
    database: url ? { url, ...(schema ? { schema } : {}) } : { dataDir: dataDir ?? '.cache/pledgeflow/data' },
    options,
    logLevel,
    notes,
  };
}

export interface ServeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Calls `stop` on SIGINT and SIGTERM. */
  onSignal: (stop: (signal: string) => void) => void;
  env: NodeJS.ProcessEnv;
}

const processIo: ServeIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  onSignal: (stop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
  },
  env: process.env,
};

/**
 * `pledgeflow serve`: starts the server and resolves with the exit code once it has
 * stopped (after SIGINT or SIGTERM): 0 stopped cleanly, 1 could not start, 2 wrong usage.
 */
export async function serveCommand(argv: string[], io: ServeIo = processIo, started?: (server: RunningServer) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(SERVE_USAGE);
    return 0;
  }
  let config: ServeConfig;
  try {
    config = serveConfig(argv, io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`pledgeflow serve: ${error.message}\n\n${SERVE_USAGE}`);
    return 2;
  }
  for (const note of config.notes) io.stderr(`pledgeflow serve: warning: ${note}\n`);
  let db: Database;
  try {
    db = 'url' in config.database
      ? await openPostgres({ url: config.database.url, ...(config.database.schema ? { schema: config.database.schema } : {}) })
      : await openPglite(config.database.dataDir);
  } catch (error) {
    io.stderr(`pledgeflow serve: could not open the database: ${(error as Error).message}\n`);
    return 1;
  }
  let server: RunningServer;
  try {
    server = await startServer({ db, plans: config.plans, logger: pino({ name: 'pledgeflow', level: config.logLevel }), ...config.options });
  } catch (error) {
    await db.close().catch(() => {});
    io.stderr(`pledgeflow serve: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  const where = 'url' in config.database ? 'PostgreSQL' : `PGlite in ${config.database.dataDir} (for trying pledgeflow; use PostgreSQL in production)`;
  io.stdout(`pledgeflow server on ${server.url} with ${config.plans.length} plan${config.plans.length === 1 ? '' : 's'}, ${where}` +
    `${config.options.dev ? '; development sign-in at POST /dev/sign-in' : ''}. Ctrl-C stops it.\n`);
  started?.(server);
  return new Promise<number>((resolve) => {
    let stopping = false;
    io.onSignal((signal) => {
      if (stopping) {
        io.stderr('pledgeflow serve: stopping now, without waiting.\n');
        resolve(1);
        return;
      }
      stopping = true;
      io.stdout(`pledgeflow serve: ${signal}: finishing what is in flight...\n`);
      server.close().then(() => resolve(0), (error: Error) => {
        io.stderr(`pledgeflow serve: could not stop cleanly: ${error.message}\n`);
        resolve(1);
      });
    });
  });
}
