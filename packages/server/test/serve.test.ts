import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand, serveConfig, type RunningServer } from '../src/index.js';

const PLAN = 'examples/plans/eastmere.plan.json';
const root = new URL('../../../', import.meta.url).pathname;
const at = (p: string) => join(root, p);

describe('pledgeflow serve: settings', () => {
  it('reads flags, several plans with their events, and defaults', () => {
    const config = serveConfig(['--plan', at(PLAN), '--events', at('examples/plans/eastmere.events.ndjson'), '--plan', at(PLAN), '--dev'], {});
    expect(config.plans).toHaveLength(2);
    expect(config.plans[0]!.events!.length).toBeGreaterThan(100);
    expect(config.plans[1]!.events).toBeUndefined();
    expect(config.database).toEqual({ dataDir: '.cache/pledgeflow/data' });
    expect(config.options).toMatchObject({ dev: true, host: '127.0.0.1', port: 8787 });
  });

  it('reads every setting from PLEDGEFLOW_* variables for production', () => {
    const config = serveConfig([], {
      PLEDGEFLOW_PLAN: at(PLAN),
      PLEDGEFLOW_DATABASE_URL: 'postgres://pledgeflow:secret@db.internal:5432/pledgeflow',
      PLEDGEFLOW_HOST: '0.0.0.0',
      PLEDGEFLOW_PORT: '9000',
      PLEDGEFLOW_ISSUERS: 'https://login.microsoftonline.com/tenant-a/v2.0 https://login.microsoftonline.com/tenant-b/v2.0|https://keys.example/b.json',
      PLEDGEFLOW_AUDIENCE: 'api://pledgeflow',
      PLEDGEFLOW_PERSON_CLAIM: 'preferred_username',
      PLEDGEFLOW_CORS_ORIGINS: 'https://intranet.eastmere.example',
      PLEDGEFLOW_TRUST_PROXY: '1',
      PLEDGEFLOW_RATE_PER_PERSON: '100',
    });
    expect(config.database).toEqual({ url: 'postgres://pledgeflow:secret@db.internal:5432/pledgeflow' });
    expect(config.options).toMatchObject({
      host: '0.0.0.0', port: 9000, dev: false, trustProxy: true, corsOrigins: ['https://intranet.eastmere.example'],
      rateLimits: { perPerson: 100, perAddress: 1200 },
      auth: {
        audience: 'api://pledgeflow', personClaim: 'preferred_username',
        issuers: [{ issuer: 'https://login.microsoftonline.com/tenant-a/v2.0' }, { issuer: 'https://login.microsoftonline.com/tenant-b/v2.0', jwksUri: 'https://keys.example/b.json' }],
      },
    });
  });

  it('says what is wrong, in plain words', () => {
    expect(() => serveConfig([], {})).toThrow(/at least one plan/);
    expect(() => serveConfig(['--plan', at(PLAN), '--dev', '--host', '0.0.0.0'], {})).toThrow(/only on this computer/);
    expect(() => serveConfig(['--plan', at(PLAN)], {})).toThrow(/identity provider/);
    expect(() => serveConfig(['--plan', at(PLAN), '--issuer', 'http://idp.example'], {})).toThrow(/https/);
    expect(() => serveConfig(['--plan', at(PLAN), '--issuer', 'https://idp.example'], {})).toThrow(/AUDIENCE/);
    expect(() => serveConfig(['--plan', at(PLAN), '--dev', '--port', 'eighty'], {})).toThrow(/whole number/);
    expect(() => serveConfig(['--plan', at(PLAN), '--dev', '--db', 'postgres://x', '--data-dir', 'y'], {})).toThrow(/not both/);
    expect(() => serveConfig(['--plan', at('package.json'), '--dev'], {})).toThrow(/package.json/);
    expect(() => serveConfig(['--plan', at(PLAN), '--frobnicate'], {})).toThrow(/frobnicate/);
  });
});

describe('pledgeflow serve: an --events log cut off mid-line', () => {
  const first = readFileSync(at('examples/plans/eastmere.events.ndjson'), 'utf8').split('\n')[0]!;
  const files: Record<string, string> = { 'log.ndjson': `${first}\n{"id": "event-0000` };
  const readText = (p: string) => files[p] ?? readFileSync(p, 'utf8');

  it('says the last line looks cut off, and starts without it with --skip-partial-last-line, saying so', () => {
    expect(() => serveConfig(['--plan', at(PLAN), '--events', 'log.ndjson', '--dev'], {}, readText)).toThrow(
      'line 2 of log.ndjson looks cut off (the file may have been written while the computer stopped); run again with --skip-partial-last-line to read the rest',
    );
    const config = serveConfig(['--plan', at(PLAN), '--events', 'log.ndjson', '--dev', '--skip-partial-last-line'], {}, readText);
    expect(config.plans[0]!.events).toHaveLength(1);
    expect(config.notes).toEqual(['log.ndjson: skipped 1 line (line 2, which looks cut off); read the 1 line before it']);
  });

  it('counts every problem in a log, not only the first 100', () => {
    files['bad.ndjson'] = '{oops\n'.repeat(250);
    expect(() => serveConfig(['--plan', at(PLAN), '--events', 'bad.ndjson', '--dev'], {}, readText)).toThrow(/^bad\.ndjson has 250 problems; the first: /);
  });
});

describe('pledgeflow serve: running', () => {
  it('starts, prints its URL, answers, and stops cleanly on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgeflow-serve-'));
    const out: string[] = [];
    let stop: ((signal: string) => void) | undefined;
    let server: RunningServer | undefined;
    try {
      const exit = serveCommand(['--plan', at(PLAN), '--dev', '--port', '0', '--data-dir', dir, '--log-level', 'silent'], {
        stdout: (t) => out.push(t), stderr: (t) => out.push(t), env: {}, onSignal: (s) => (stop = s),
      }, (s) => (server = s));
      for (let i = 0; i < 600 && !server; i++) await new Promise((r) => setTimeout(r, 100));
      expect(out.join('')).toContain(`pledgeflow server on ${server!.url}`);
      expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);
      stop!('SIGINT');
      expect(await exit).toBe(0);
      await expect(fetch(`${server!.url}/healthz`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('answers wrong usage with exit code 2 and the usage', async () => {
    const err: string[] = [];
    const code = await serveCommand(['--plan'], { stdout: () => {}, stderr: (t) => err.push(t), env: {}, onSignal: () => {} });
    expect(code).toBe(2);
    expect(err.join('')).toContain('Usage: pledgeflow serve');
  });
});
