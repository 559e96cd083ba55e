// The quick check of stored events (isParsedEvent) never lets through what the full parse
// would refuse or change: readEvent gives what parseEvent gives, on random and hostile events.
import { describe, expect, it } from 'vitest';
import { EVENT_FIELDS, isParsedEvent, parseEvent, readEvent, type EventType } from '@pledgeflow/core';
import { prng } from '../prng.js';

const VALUES: Record<string, unknown[]> = {
  id: ['e1', 'owner', 'a.b-c_d', '', ' e1', 'e 1', '-e1', 'x'.repeat(64), 'x'.repeat(65), 3, null],
  date: ['2026-06-01', '2026-02-30', '1977-12-31', '2100-12-31', '2101-01-01', '01/06/2026', '2026-6-1', ''],
  reason: ['Staff away.', ' Staff away.', 'Staff away. ', '', '\u200b', '\u200b Staff', 'x'.repeat(1000), 'x'.repeat(1001), 5],
  text: ['A note.', '  ', 'A\nnote', 'x'.repeat(2000), 'x'.repeat(2001), '\ufeff', undefined],
  link: ['https://example.org/a', 'http://example.org/a', 'https:example.org', ' https://example.org', 'javascript:x', `https://example.org/${'a'.repeat(2000)}`, 'https://u:p@example.org/'],
  judgement: ['on-track', 'at-risk', 'kept', 'not-kept', 'fine', ''],
  response: ['accepted', 'partly-accepted', 'rejected', 'maybe', 'Accepted', ''],
};
const ATS = ['2026-06-01T10:00:00.000Z', '2026-06-01T10:00:00Z', '2026-06-01T10:00Z', '2026-06-01T11:00:00.000+01:00', '2026-06-01T10:00:00.0001Z', '2026-06-01T24:00:00.000Z', '2026-02-30T10:00:00.000Z', '2026-06-01 10:00:00Z', '0100-01-01T00:00:00.000Z'];
const ACTORS = [
  { userId: 'editor', agencyId: 'csc', role: 'plan-editor' },
  { userId: 'editor', agencyId: 'csc', role: 'Plan Editor' },
  { userId: 'editor', agencyId: 'csc', role: 'plan-editor', extra: 1 },
  { userId: 'editor', agencyId: 'csc' },
  null,
];

function randomEvent(random: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const type = random() < 0.97 ? pick(Object.keys(EVENT_FIELDS) as EventType[]) : 'action.fly';
  const fields = (EVENT_FIELDS as Record<string, Record<string, string>>)[type] ?? {};
  const data: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.endsWith('?') && random() < 0.4) continue;
    if (!spec.endsWith('?') && random() < 0.03) continue;
    const values = VALUES[spec.replace('?', '')]!;
    data[name] = random() < 0.7 ? values[0] : pick(values);
  }
  if (random() < 0.03) data['stray'] = 'x';
  const event: Record<string, unknown> = {
    id: random() < 0.95 ? `ev-${Math.floor(random() * 1e9)}` : pick(['short', 'has space here', '']),
    stream: random() < 0.95 ? 'a1' : pick(['', ' a1', 'a/1']),
    type,
    data: random() < 0.97 ? data : pick([undefined, null, [], 'x']),
    actor: random() < 0.9 ? ACTORS[0] : pick(ACTORS),
    at: random() < 0.6 ? ATS[0] : pick(ATS),
  };
  if (random() < 0.1) event['seq'] = pick([0, 1, 42, -1, 1.5, '3']);
  if (random() < 0.03) event['extra'] = true;
  return event;
}

describe('reading events', () => {
  it('the quick check agrees with the full parse on 20,000 random and hostile events', () => {
    const random = prng(7);
    let quick = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i++) {
      const input = randomEvent(random);
      const full = parseEvent(input);
      if (isParsedEvent(input)) {
        quick++;
        expect(full.ok, JSON.stringify(input)).toBe(true);
        if (full.ok) expect(full.event, JSON.stringify(input)).toEqual(input);
      }
      if (!full.ok) refused++;
      expect(readEvent(input)).toEqual(full);
    }
    // Both kinds were tried, many times.
    expect(quick).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(2000);
    // About 2 s alone; a minute allows for a busy two-core machine.
  }, 60_000);

  it('gives back an event already in parsed form as it is, without copying it', () => {
    const event = { id: 'ev-000001', stream: 'a1', type: 'action.agree', data: {}, actor: ACTORS[0], at: ATS[0] };
    expect(readEvent(event)).toEqual({ ok: true, event });
    expect((readEvent(event) as { event: unknown }).event).toBe(event);
  });
});
