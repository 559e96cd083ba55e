// What the judge answers (a verdict per pushed event, a plan revision's misfits, the notice
// other processes hear) and the records it keeps of each verdict.
import { stableJson } from './stable-json.js';

export type Verdict = 'accepted' | 'refused';

/** The answer for one pushed event. */
export interface PushResult {
  id: string;
  status: Verdict | 'duplicate';
  /** For a duplicate: the verdict stored the first time. */
  verdict?: Verdict;
  seq?: number;
  reasons?: string[];
  warnings?: string[];
}

export interface PushOutcome {
  results: PushResult[];
  head: number;
}

/** An accepted event that the plan's current version no longer lets in: kept in the log, listed for the plan editor. */
export interface Misfit {
  id: string;
  seq?: number;
  stream: string;
  type: string;
  at: string;
  reasons: string[];
}

/** The answer to a new version of a plan. */
export type PlanRevision =
  | {
      ok: true;
      version: number;
      /** False when the plan was the same as the stored version: nothing was written. */
      changed: boolean;
      /** Accepted events that no longer fit, at most MISFIT_LIMIT of them. */
      misfits: Misfit[];
      /** How many more misfits there were after those; left out when there were none. */
      moreMisfits?: number;
    }
  | { ok: false; version: number | undefined };

/** How many misfits an answer lists. */
export const MISFIT_LIMIT = 500;

/** What one server process tells the others on the database's channel (NOTIFY), once its transaction commits. */
export interface Notice {
  /** The process that sent it (`Judge.instance`): a process ignores its own. */
  source: string;
  plan: string;
  head?: number;
  version?: number;
}

export interface StoredVerdict {
  id: string;
  status: Verdict;
  seq: number | string | null;
  reasons: string[] | null;
  stream: string;
  type: string;
  data: unknown;
  actor: unknown;
  at: string;
  author: string;
}

export const EVENT_ID = /^[A-Za-z0-9_-]{6,64}$/;
const MAX_TEXT = 200;

/** The fields that make two pushes of one id the same event. */
export function contentKey(e: { stream: unknown; type: unknown; data: unknown; actor: unknown; at: unknown }, author: string): string {
  return stableJson([e.stream, e.type, e.data, e.actor, e.at, author]);
}

export function short(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

/** A record for the events table: parsed events as core filled them in, anything else as sent (bounded). */
export interface NewRow {
  id: string;
  seq: number | null;
  stream: string;
  type: string;
  data: unknown;
  actor: unknown;
  at: string;
  status: Verdict;
  reasons: string[] | null;
}
