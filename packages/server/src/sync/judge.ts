import { createTracker, parseEvent, type EventInput, type Person, type Plan, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { lockPlan } from '../db/locks.js';
import { EVENT_COLUMNS, eventFromRow, type EventRow } from './event-rows.js';
import type { PlanChange } from './head-hub.js';
import { KeyedMutex } from './keyed-mutex.js';
import type { PlanRegistry, StoredPlan } from './plan-registry.js';
import { loadPlanState, readCovered, snapshotRows, upsertSnapshots, writeSnapshots, type PlanState } from './plan-state.js';

import {
  contentKey, EVENT_ID, MISFIT_LIMIT, short,
  type Misfit, type NewRow, type Notice, type PlanRevision, type PushOutcome, type PushResult, type StoredVerdict, type Verdict,
} from './verdicts.js';

export type { Misfit, Notice, PlanRevision, PushOutcome, PushResult, Verdict } from './verdicts.js';
export { MISFIT_LIMIT } from './verdicts.js';

/**
 * The judge: every push is decided by core's tracker against the plan's accepted events,
 * inside one transaction holding the plan's advisory lock, after catching up with whatever
 * other processes committed. Memory never holds what the database did not commit: when a
 * push fails, the plan's tracker is rebuilt from the database on next use.
 */
export class Judge {
  readonly #db: Database;
  readonly #plans: PlanRegistry;
  readonly #states = new Map<string, PlanState>();
  readonly #mutex = new KeyedMutex();
  readonly #onChange: (planId: string, change: PlanChange) => void;
  /** This process, in the notices it sends to others. */
  readonly instance = randomUUID();

  constructor(db: Database, plans: PlanRegistry, onChange: (planId: string, change: PlanChange) => void = () => {}) {
    this.#db = db;
    this.#plans = plans;
    this.#onChange = onChange;
  }

  /**
   * The plan as the database holds it now: another process may have stored a new version
   * since this one read it (a cheap check of the version; the plan is read only when it moved).
   */
  async #current(q: Queryable, planId: string, storedVersion?: number): Promise<StoredPlan> {
    const known = this.#plans.get(planId);
    const version = storedVersion ?? await this.#plans.storedVersion(q, planId);
    if (known && version === known.version) return known;
    const stored = version === undefined ? undefined : await this.#plans.reload(q, planId);
    if (!stored) throw new Error(`There is no plan with the id "${planId}" on this server.`);
    return stored;
  }

  /** Tells other server processes on this database, when the transaction commits (NOTIFY is transactional). */
  async #notify(tx: Queryable, notice: Omit<Notice, 'source'>): Promise<void> {
    if (!this.#db.listen) return; // PGlite: one process, nobody else to tell
    await tx.query('SELECT pg_notify($1, $2)', [this.#db.channel, JSON.stringify({ source: this.instance, ...notice })]);
  }

  /**
   * The plan's tracker, caught up with the database; for reading only (reports). Loaded or
   * caught up under the plan's lock, so that it reads one consistent log, and the snapshots
   * it finds stale are written again.
   */
  async tracker(planId: string): Promise<Tracker> {
    return this.#mutex.run(planId, async () => {
      try {
        return await this.#db.transaction(async (tx) => {
          await lockPlan(tx, planId);
          const state = await this.#catchUp(tx, await this.#current(tx, planId));
          if (state.dirty.size) await writeSnapshots(tx, planId, state, state.dirty);
          // A report may read the whole log (changes since the last meeting).
          await readCovered(tx, planId, state);
          return state.tracker;
        });
      } catch (error) {
        this.#states.delete(planId);
        throw error;
      }
    });
  }

  /**
   * Makes `plan` the current version of its plan (by a plan editor, `by`, or from the command
   * line), under the plan's lock: every version is kept, the tracker is rebuilt over the
   * accepted events, and the ones that no longer fit are listed, never dropped. With
   * `ifVersion`, only when that is still the stored version.
   */
  async revise(plan: Plan, by: string | null, ifVersion?: number): Promise<PlanRevision> {
    return this.#mutex.run(plan.id, async () => {
      try {
        const outcome = await this.#db.transaction(async (tx) => {
          await lockPlan(tx, plan.id);
          if (ifVersion !== undefined) {
            const current = await this.#plans.storedVersion(tx, plan.id);
            if (current !== ifVersion) return { ok: false as const, current };
          }
          const written = await this.#plans.write(tx, plan, by);
          if (written.changed) {
            // Snapshots made under another version no longer say anything: the items are folded again below.
            await tx.query('DELETE FROM snapshots WHERE plan_id = $1 AND plan_version <> $2', [plan.id, written.stored.version]);
            await this.#notify(tx, { plan: plan.id, version: written.stored.version });
          }
          const state = await this.#catchUp(tx, written.stored);
          if (state.dirty.size) await writeSnapshots(tx, plan.id, state, state.dirty);
          return { ok: true as const, written, state };
        });
        if (!outcome.ok) return { ok: false, version: outcome.current };
        const { written, state } = outcome;
        this.#plans.remember(written.stored);
        if (written.changed) this.#onChange(plan.id, { kind: 'plan', version: written.stored.version });
        const misfits: Misfit[] = state.tracker.rejected.map(({ event, reasons }) => ({
          id: event.id, ...(event.seq !== undefined ? { seq: event.seq } : {}), stream: event.stream, type: event.type, at: event.at, reasons,
        }));
        const more = misfits.length - MISFIT_LIMIT;
        return { ok: true, version: written.stored.version, changed: written.changed, misfits: misfits.slice(0, MISFIT_LIMIT), ...(more > 0 ? { moreMisfits: more } : {}) };
      } catch (error) {
        this.#states.delete(plan.id);
        throw error;
      }
    });
  }

  /**
   * Loads a plan's first events (an exported log, a seed) when the database holds none for
   * it: core folds them, the accepted ones get seqs in canonical order, and the ones it
   * refuses are kept as refused, with reasons, under their actor's name. Returns how many
   * of each, or undefined when the plan already had events.
   */
  async seed(planId: string, events: readonly PledgeEvent[]): Promise<{ accepted: number; refused: number } | undefined> {
    return this.#mutex.run(planId, async () => {
      const seeded = await this.#db.transaction(async (tx) => {
        await lockPlan(tx, planId);
        const stored = await this.#current(tx, planId);
        const { rows } = await tx.query('SELECT 1 FROM events WHERE plan_id = $1 LIMIT 1', [planId]);
        if (rows.length) return undefined;
        // The plan gets its first events: the state built for it so far is dropped (only then).
        this.#states.delete(planId);
        const tracker = createTracker({ plan: stored.plan, events: events.map(({ seq: _, ...e }) => e as PledgeEvent) });
        const accepted = tracker.events().map((e, i) => ({ ...e, seq: i + 1, status: 'accepted', reasons: null, author: e.actor.userId }));
        const refused = tracker.rejected
          .filter((r) => typeof r.event?.id === 'string' && EVENT_ID.test(r.event.id) && !JSON.stringify(r.event).includes('\\u0000'))
          .map((r) => ({
            id: r.event.id, seq: null, stream: short(r.event.stream), type: short(r.event.type), data: r.event.data ?? {},
            actor: r.event.actor ?? {}, at: short(r.event.at), status: 'refused', reasons: r.reasons, author: short(r.event.actor?.userId) || 'seed',
          }));
        const seen = new Set<string>();
        const rowsToStore = [...accepted, ...refused].filter((r) => !seen.has(r.id) && seen.add(r.id));
        if (rowsToStore.length) {
          await tx.query(
            `INSERT INTO events (plan_id, seq, id, stream, type, data, actor, at, author, client_id, status, reasons)
             SELECT $1, r.seq, r.id, r.stream, r.type, r.data, r.actor, r.at, r.author, 'seed', r.status, r.reasons
             FROM jsonb_to_recordset($2::jsonb)
               AS r(seq bigint, id text, stream text, type text, data jsonb, actor jsonb, at text, author text, status text, reasons jsonb)`,
            [planId, JSON.stringify(rowsToStore)],
          );
        }
        if (accepted.length) {
          // Loaded once now, so that each item's snapshot is written with the log it covers.
          const state = await this.#catchUp(tx, stored);
          await writeSnapshots(tx, planId, state, state.dirty);
          await this.#notify(tx, { plan: planId, head: accepted.length });
        }
        return { accepted: accepted.length, refused: rowsToStore.length - accepted.length };
      });
      if (seeded?.accepted) this.#onChange(planId, { kind: 'head', head: seeded.accepted });
      return seeded;
    });
  }

  /**
   * Brings the plan's tracker up to date with `stored` and the accepted events in the
   * database: loaded from the snapshots when it is not in memory (or the plan has a new
   * version), then the events other processes committed since are received.
   */
  async #catchUp(q: Queryable, stored: StoredPlan, head?: number): Promise<PlanState> {
    const planId = stored.plan.id;
    let state = this.#states.get(planId);
    if (!state || state.version !== stored.version) {
      this.#states.delete(planId);
      state = await loadPlanState(q, stored);
      this.#states.set(planId, state);
      return state;
    }
    // The head is known (read with the lock held): nothing new, nothing to read.
    if (head !== undefined && head <= state.seen) return state;
    const { rows } = await q.query<EventRow>(
      // Accepted events are exactly those with a seq: `seq > $2` reads the (plan_id, seq) index.
      `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 AND seq > $2 ORDER BY seq`,
      [planId, state.seen],
    );
    if (rows.length) {
      const events = rows.map(eventFromRow);
      await readCovered(q, planId, state);
      state.tracker.receive(events);
      for (const e of events) state.lastSeq.set(e.stream, e.seq!);
      state.seen = events.at(-1)!.seq!;
    }
    return state;
  }

  /**
   * Judges and stores a batch pushed by `person` (already known to be one of the plan's
   * people). Events are taken in canonical order; the answer lists them in the order sent.
   */
  async push(planId: string, person: Person, clientId: string, inputs: readonly unknown[]): Promise<PushOutcome> {
    return this.#mutex.run(planId, async () => {
      try {
        const outcome = await this.#db.transaction(async (tx) => {
          await lockPlan(tx, planId);
          // Inside the lock every append another process made to this plan has committed: one
          // statement reads the plan's version, its head and what is stored under the pushed ids.
          const ids = [...new Set(inputs.map((e) => (e as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string' && EVENT_ID.test(id)))];
          const { rows: [probe] } = await tx.query<{ version: number | null; head: number | string | null; stored: StoredVerdict[] | null }>(
            `SELECT (SELECT version FROM plans WHERE id = $1) AS version,
                    (SELECT max(seq) FROM events WHERE plan_id = $1 AND seq IS NOT NULL) AS head,
                    (SELECT jsonb_agg(jsonb_build_object('id', id, 'status', status, 'seq', seq, 'reasons', reasons, 'stream', stream,
                       'type', type, 'data', data, 'actor', actor, 'at', at, 'author', author))
                     FROM events WHERE plan_id = $1 AND id = ANY($2::text[])) AS stored`,
            [planId, ids],
          );
          const state = await this.#catchUp(tx, await this.#current(tx, planId, probe?.version ?? undefined), Number(probe?.head ?? 0));
          await readCovered(tx, planId, state);
          const stored = new Map((probe?.stored ?? []).map((row) => [row.id, row]));
          const judged = this.#judge(state, person, inputs, stored);
          for (const e of judged.accepted) state.lastSeq.set(e.stream, e.seq!);
          const snapshots = snapshotRows(state, [...judged.accepted.map((e) => e.stream), ...state.dirty]);
          if (judged.rows.length || snapshots !== '[]') {
            // One statement: the events, the touched items' snapshots, and (on commit) the notice to other processes.
            const notice = judged.accepted.length ? JSON.stringify({ source: this.instance, plan: planId, head: judged.head } satisfies Notice) : null;
            await tx.query(
              `WITH stored AS (
                 INSERT INTO events (plan_id, seq, id, stream, type, data, actor, at, author, client_id, status, reasons)
                 SELECT $1, r.seq, r.id, r.stream, r.type, r.data, r.actor, r.at, $2, $3, r.status, r.reasons
                 FROM jsonb_to_recordset($4::jsonb)
                   AS r(seq bigint, id text, stream text, type text, data jsonb, actor jsonb, at text, status text, reasons jsonb)
               ), snapshots AS (${upsertSnapshots('$1', '$5', '$6')})
               SELECT pg_notify($7, $8) WHERE $8::text IS NOT NULL AND $9`,
              [planId, person.id, clientId, JSON.stringify(judged.rows), state.version, snapshots, this.#db.channel, notice, this.#db.listen !== undefined],
            );
          }
          return { state, ...judged };
        });
        const { state, accepted, results, head } = outcome;
        if (accepted.length) {
          state.seen = head;
          this.#onChange(planId, { kind: 'head', head });
        }
        return { results, head };
      } catch (error) {
        // The tracker may hold steps the database did not keep: rebuild it from the database.
        this.#states.delete(planId);
        throw error;
      }
    });
  }

  /** Judges the pushed events against the plan's state and what is stored under their ids: the answers, and the rows to store. */
  #judge(state: PlanState, person: Person, inputs: readonly unknown[], stored: ReadonlyMap<string, StoredVerdict>) {
    const results: PushResult[] = new Array(inputs.length);

    // Each event in canonical order (by time, then id; core reads `at` in any form as its
    // instant, as here), those with no readable time after. Core reads each event in full
    // once, when it is sent; only the uncommon paths (a repeated id, another actor, a
    // refusal) read it here as well.
    type Item = { index: number; raw: Record<string, unknown>; time: number };
    const items: Item[] = [];
    inputs.forEach((input, index) => {
      const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
      const id = raw['id'];
      if (typeof id !== 'string' || !EVENT_ID.test(id)) {
        results[index] = { id: short(id), status: 'refused', reasons: ['id: expected an event id of 6 to 64 letters, digits, "_" or "-"; this event was not stored.'] };
        return;
      }
      if (JSON.stringify(raw).includes('\\u0000')) {
        results[index] = { id, status: 'refused', reasons: ['This event holds a NUL character (\\u0000), which cannot be stored; it was not stored.'] };
        return;
      }
      // The server gives seqs: one set by a client is ignored, never judged.
      const { seq: _, ...unsequenced } = raw;
      items.push({ index, raw: unsequenced, time: typeof raw['at'] === 'string' ? Date.parse(raw['at']) : NaN });
    });
    const timed = items.filter((i) => Number.isFinite(i.time))
      .sort((a, b) => a.time - b.time || ((a.raw['id'] as string) < (b.raw['id'] as string) ? -1 : 1));
    const ordered = [...timed, ...items.filter((i) => !Number.isFinite(i.time))];

    const me = { userId: person.id, agencyId: person.agency, role: person.role };
    /** What is stored for an event: as core read it, or as sent (bounded) when core could not read it. */
    const contentOf = (raw: Record<string, unknown>, e?: PledgeEvent) => ({
      stream: e ? e.stream : short(raw['stream']),
      type: e ? e.type : short(raw['type']),
      data: e ? e.data : raw['data'] ?? {},
      actor: e ? e.actor : raw['actor'] ?? {},
      at: e ? e.at : short(raw['at']),
    });
    const read = (raw: Record<string, unknown>) => {
      const parsed = parseEvent(raw);
      return parsed.ok ? { event: parsed.event } : { reasons: parsed.reasons };
    };
    const rows: NewRow[] = [];
    const accepted: PledgeEvent[] = [];
    let head = state.seen;
    const decided = new Map<string, { content: ReturnType<typeof contentOf>; result: PushResult }>();
    for (const { raw, index } of ordered) {
      const id = raw['id'] as string;
      const earlier = stored.get(id);
      const before = decided.get(id);
      if (earlier || before) {
        const key = contentKey(contentOf(raw, read(raw).event), person.id);
        const same = earlier ? contentKey(earlier, earlier.author) === key : contentKey(before!.content, person.id) === key;
        if (!same) {
          results[index] = { id, status: 'refused', reasons: [`An event with the id ${id} was already recorded with different content; this one was not stored. Give a new step a new id.`] };
          continue;
        }
        const verdict = earlier ? earlier.status : (before!.result.status as Verdict);
        const seq = earlier ? (earlier.seq === null ? undefined : Number(earlier.seq)) : before!.result.seq;
        const reasons = earlier ? earlier.reasons ?? undefined : before!.result.reasons;
        results[index] = { id, status: 'duplicate', verdict, ...(seq !== undefined ? { seq } : {}), ...(reasons ? { reasons } : {}) };
        continue;
      }

      let result: PushResult;
      let content: ReturnType<typeof contentOf>;
      const actor = (raw['actor'] ?? {}) as Record<string, unknown>;
      if (actor['userId'] !== me.userId || actor['agencyId'] !== me.agencyId || actor['role'] !== me.role) {
        const { event, reasons } = read(raw);
        content = contentOf(raw, event);
        result = event
          ? {
              id,
              status: 'refused',
              reasons: [
                `This step says it was taken by ${event.actor.userId} (${event.actor.agencyId}, ${event.actor.role}), but you are signed in as ` +
                  `${person.name} (${me.userId}, ${me.agencyId}, ${me.role}): a step is recorded only as taken by the person who signed in.`,
              ],
            }
          : { id, status: 'refused', reasons: reasons! };
      } else {
        const sent = state.tracker.send(raw as EventInput);
        if (sent.ok && !sent.duplicate) {
          head += 1;
          // The tracker holds the very event send() returns: given its seq here, the item's events stay
          // in seq order, as every replay has them, without receive() folding the whole item again.
          (sent.event as { seq?: number }).seq = head;
          accepted.push(sent.event);
          content = contentOf(raw, sent.event);
          result = { id, status: 'accepted', seq: head, ...(sent.warnings.length ? { warnings: sent.warnings } : {}) };
        } else if (sent.ok) {
          results[index] = { id, status: 'duplicate', verdict: 'accepted', ...(sent.event.seq !== undefined ? { seq: sent.event.seq } : {}) };
          continue;
        } else {
          content = contentOf(raw, read(raw).event);
          result = { id, status: 'refused', reasons: sent.reasons };
        }
      }
      results[index] = result;
      decided.set(id, { content, result });
      rows.push({ id, seq: result.status === 'accepted' ? result.seq! : null, ...content, status: result.status as Verdict, reasons: result.reasons ?? null });
    }

    return { results, accepted, head, rows };
  }
}
