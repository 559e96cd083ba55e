// Trackers that have seen the same events hold the same state, whatever the order they saw
// them in, whose clock was ahead, and what the network lost, doubled or delayed on the way.
import { describe, expect, it } from 'vitest';
import { createEventId, createTracker, type EventInput, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { as, testPlan } from '../fixtures.js';
import { prng } from '../prng.js';

/** Trials in `npm test`; set PLEDGEFLOW_CONVERGENCE_TRIALS=100000 for the long run. */
const TRIALS = Number(process.env['PLEDGEFLOW_CONVERGENCE_TRIALS'] ?? 2000);
const SEED = Number(process.env['PLEDGEFLOW_CONVERGENCE_SEED'] ?? 1);

const plan = testPlan();
// Mostly the plan editor, who may take every step, so that most steps are taken and race.
const PEOPLE = ['editor', 'editor', 'editor', 'board', 'lead', 'owner'];
const STEPS: [string, EventInput['type'], Record<string, unknown>][] = [
  ['a1', 'action.agree', {}], ['a1', 'action.start', {}], ['a1', 'action.defer', { reason: 'Waiting for funding.' }],
  ['a1', 'action.resume', {}], ['a1', 'action.flag-risk', { reason: 'Staff away.' }], ['a1', 'action.clear-risk', {}],
  ['a1', 'action.progress', { note: 'Moving.' }], ['a1', 'action.withdraw', { reason: 'Not needed.' }],
  ['a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Report to the board.', date: '2026-06-01' }],
  ['a1', 'action.evidence.accept', { evidenceId: 'e1' }], ['a1', 'action.complete', {}], ['a1', 'action.verify', {}],
  ['a1', 'action.reopen', { reason: 'Not finished.' }],
  ['a2', 'action.agree', {}], ['a2', 'action.start', {}], ['a2', 'action.defer', { reason: 'Next term.' }], ['a2', 'action.resume', {}],
  ['a2', 'action.due-date.change', { dueDate: '2027-01-29', reason: 'Moved by the board.' }],
  ['p1', 'promise.adopt', {}], ['p1', 'promise.judge', { judgement: 'on-track' }], ['p1', 'promise.retire', { reason: 'Merged.' }],
  ['p1', 'promise.restore', {}],
];

interface Peer {
  tracker: Tracker;
  /** How far this computer's clock is from the true time, in ms. */
  skew: number;
  /** Events on their way to this peer. */
  inbox: PledgeEvent[];
  /** Events the network lost on the way to this peer: sent again at the end. */
  lost: PledgeEvent[];
}

/** One trial: returns what went wrong, or nothing. */
function trial(seed: number): string | undefined {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let time = Date.parse('2026-06-01T10:00:00Z');
  // Each computer's clock is up to a minute either side of the true time.
  const peers: Peer[] = [0, 1, 2].map(() => {
    const skew = Math.round((random() * 2 - 1) * 60_000);
    return { tracker: createTracker({ plan, now: () => time + skew }), skew, inbox: [], lost: [] };
  });
  const sent: PledgeEvent[] = [];
  const rounds = 20 + Math.floor(random() * 40);
  for (let round = 0; round < rounds; round++) {
    time += Math.floor(random() * 10_000);
    const peer = pick(peers);
    if (random() < 0.55) {
      const [stream, type, data] = pick(STEPS);
      const at = time + peer.skew;
      // Ids as clients make them: unique (two events with one id are a conflict, reported, not merged).
      const id = createEventId(at, () => Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)));
      const result = peer.tracker.send({ id, stream, type, data, actor: as(pick(PEOPLE)), at: new Date(at).toISOString() } as EventInput);
      if (result.ok && !result.duplicate) {
        sent.push(result.event);
        for (const other of peers) if (other !== peer) other.inbox.push(result.event);
      }
    } else if (peer.inbox.length) {
      // Deliver some of what waits, in any order; the network drops some (sent again at the
      // end), doubles some and delays the rest.
      const batch: PledgeEvent[] = [];
      const keep: PledgeEvent[] = [];
      for (const e of peer.inbox) {
        const r = random();
        if (r < 0.1) peer.lost.push(e);
        if (r < 0.4) keep.push(e); // delayed
        else {
          batch.push(e);
          if (random() < 0.05) batch.push(e);
        }
      }
      batch.sort(() => random() - 0.5);
      peer.inbox = keep;
      peer.tracker.receive(batch);
    }
  }
  // Full redelivery: what was delayed or lost arrives, in any order, some of it twice, in a few batches.
  for (const peer of peers) {
    const rest = [...peer.inbox, ...peer.lost];
    const all = [...rest, ...rest.filter(() => random() < 0.1)].sort(() => random() - 0.5);
    while (all.length) peer.tracker.receive(all.splice(0, 1 + Math.floor(random() * 4)));
  }
  const fresh = createTracker({ plan, events: sent });
  const expected = JSON.stringify(fresh.snapshots());
  for (const [i, peer] of peers.entries()) {
    const got = JSON.stringify(peer.tracker.snapshots());
    if (got !== expected) return `seed ${seed}: tracker ${i} differs from a fresh replay of the ${sent.length} events\n${got}\n${expected}`;
  }
  return undefined;
}

describe('trackers converge', () => {
  it(`after full redelivery, three trackers with skewed clocks equal a fresh replay (${TRIALS} seeded trials from seed ${SEED})`, () => {
    const failures: string[] = [];
    for (let seed = SEED; seed < SEED + TRIALS && failures.length < 3; seed++) {
      const failure = trial(seed);
      if (failure) failures.push(failure);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, Math.max(120_000, TRIALS * 60));

  it('a step taken here lets in a step held back from another tab, as a fresh replay does', () => {
    // Agreed; tab A defers at 10:05; tab C, whose clock is ahead, starts it at 10:07; A
    // receives the start and holds it (deferred); A resumes at 10:06.
    const at = (hhmm: string) => `2026-06-01T${hhmm}:00.000Z`;
    const event = (id: string, type: EventInput['type'], when: string, data: Record<string, unknown> = {}) =>
      ({ id, stream: 'a1', type, data, actor: as('editor'), at: at(when) }) as PledgeEvent;
    const agree = event('agree-0001', 'action.agree', '10:00');
    const defer = event('defer-0001', 'action.defer', '10:05', { reason: 'Waiting.' });
    const start = event('start-0001', 'action.start', '10:07');
    const resume = event('resume-001', 'action.resume', '10:06');
    const a = createTracker({ plan, events: [agree], now: () => Date.parse(at('10:10')) });
    expect(a.send(defer).ok).toBe(true);
    a.receive([start]);
    expect(a.getAction('a1')!.state).toBe('deferred');
    expect(a.send(resume).ok).toBe(true);
    const fresh = createTracker({ plan, events: [agree, defer, start, resume] });
    expect(fresh.getAction('a1')!.state).toBe('inProgress');
    expect(a.getAction('a1')!.state).toBe('inProgress');
    expect(a.snapshots()).toEqual(fresh.snapshots());
    expect(a.rejected).toEqual([]);
  });
});
