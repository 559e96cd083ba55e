import { expect } from '@esm-bundle/chai';
import { boardDeadlines, createEventId, createTracker } from '@pledgeflow/core';
import { boardCalendarEvents, boardDateUid, comingMeetings, responseDueEvents } from '../src/deadlines/board-calendar.js';
import { escapeText, foldLine, icsStamp, toIcs } from '../src/deadlines/ics.js';
import { testPlan } from './fixtures.js';

const utf8 = new TextEncoder();
/** The file's content lines, as a reader would see them after unfolding (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);

describe('the .ics writer', () => {
  it('writes a VCALENDAR with one all-day VEVENT per event, CRLF after every line', () => {
    const ics = toIcs({
      stamp: '2026-09-01',
      name: 'Corporate Parenting Board',
      events: [{ uid: 'plan-2026-09-17-meeting@pledgeflow', date: '2026-09-17', summary: 'Corporate Parenting Board', description: 'Theme: Health.' }],
    });
    expect(ics).to.equal(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//pledgeflow//Board calendar//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Corporate Parenting Board',
        'BEGIN:VEVENT',
        'UID:plan-2026-09-17-meeting@pledgeflow',
        'DTSTAMP:20260901T000000Z',
        'DTSTART;VALUE=DATE:20260917',
        'DTEND;VALUE=DATE:20260918',
        'SUMMARY:Corporate Parenting Board',
        'DESCRIPTION:Theme: Health.',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('ends an all-day event at the start of the next day, across the end of a month and a year', () => {
    const ics = toIcs({ stamp: '2026-12-01', events: [{ uid: 'u', date: '2026-12-31', summary: 'New Year' }, { uid: 'v', date: '2028-02-28', summary: 'Leap' }] });
    expect(ics).to.contain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(ics).to.contain('DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n');
    expect(ics).not.to.contain('DESCRIPTION');
  });

  it('escapes backslashes, semicolons, commas and line breaks in text, and drops control characters', () => {
    expect(escapeText('Health, housing; and C:\\plans\r\nnext line\nthird\u0007')).to.equal('Health\\, housing\\; and C:\\\\plans\\nnext line\\nthird');
    const ics = toIcs({ stamp: '2026-09-01', events: [{ uid: 'u', date: '2026-09-17', summary: 'Papers; minutes, actions', description: 'Line one\nLine two' }] });
    expect(ics).to.contain('SUMMARY:Papers\\; minutes\\, actions\r\n');
    expect(ics).to.contain('DESCRIPTION:Line one\\nLine two\r\n');
  });

  it('folds lines longer than 75 octets, never splitting a character, and unfolds to the original', () => {
    const long = `SUMMARY:${'Children’s Services – placements and “moving on” – '.repeat(6)}😀 end`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).to.be.greaterThan(1);
    for (const [i, line] of lines.entries()) {
      expect(utf8.encode(line).length, line).to.be.at.most(75);
      if (i > 0) expect(line.startsWith(' ')).to.equal(true);
      // Every physical line is valid UTF-8 on its own: no character was cut in two.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(utf8.encode(line))).not.to.throw();
    }
    expect(folded.replace(/\r\n /g, '')).to.equal(long);
    // Full lines: only the last may be short of the limit by more than one character's width.
    expect(utf8.encode(lines[0]!).length).to.be.at.least(72);
  });

  it('leaves a line of exactly 75 octets alone, and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).to.equal('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).to.equal(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(75 + 74 + 1))).to.equal(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });

  it('folds every long line of a whole file', () => {
    const ics = toIcs({ stamp: '2026-09-01', events: [{ uid: 'u', date: '2026-09-17', summary: 'S', description: 'Word, '.repeat(60) }] });
    for (const line of ics.split('\r\n')) expect(utf8.encode(line).length).to.be.at.most(75);
    expect(unfold(ics)).to.include(`DESCRIPTION:${'Word\\, '.repeat(60)}`);
  });

  it('writes DTSTAMP in UTC from a date, an instant with an offset, or an iCalendar stamp, and refuses anything else', () => {
    expect(icsStamp('2026-09-01')).to.equal('20260901T000000Z');
    expect(icsStamp('2026-07-01T10:30:15+01:00')).to.equal('20260701T093015Z');
    expect(icsStamp('2026-07-01T10:30:15.250Z')).to.equal('20260701T103015Z');
    expect(icsStamp('20260701T093015Z')).to.equal('20260701T093015Z');
    expect(() => icsStamp('1 July 2026')).to.throw(RangeError, /time stamp/);
    expect(() => toIcs({ stamp: '2026-09-01', events: [{ uid: 'u', date: '2026-02-30', summary: 'x' }] })).to.throw(RangeError, /YYYY-MM-DD/);
  });
});

describe('the board calendar', () => {
  const plan = testPlan({
    meetings: [
      { id: 'board-2026-12-10', date: '2026-12-10', theme: 'Education and work' },
      { id: 'board-2026-09-01', date: '2026-09-01', theme: 'Homes' },
      { id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health' },
    ],
  });

  it('lists meetings until their minutes are due, soonest first, with today’s meeting included', () => {
    expect(comingMeetings(plan, '2026-09-01').map((m) => m.date)).to.deep.equal(['2026-09-01', '2026-09-17', '2026-12-10']);
    // The 1 September meeting's minutes are due 15 September: it stays until then.
    expect(comingMeetings(plan, '2026-09-02').map((m) => m.date)).to.deep.equal(['2026-09-01', '2026-09-17', '2026-12-10']);
    expect(comingMeetings(plan, '2026-09-16').map((m) => m.date)).to.deep.equal(['2026-09-17', '2026-12-10']);
    expect(comingMeetings(plan, '2026-09-16', 1).map((m) => m.date)).to.deep.equal(['2026-09-17']);
    expect(comingMeetings(plan, '2027-01-01')).to.deep.equal([]);
  });

  it('gives each meeting its deadlines from the board’s rules, earliest first', () => {
    // Tuesday 1 September 2026, the day after the summer bank holiday (core's worked example).
    const [first] = comingMeetings(plan, '2026-08-01');
    expect(first!.dates).to.deep.equal([
      { kind: 'cicc-report', date: '2026-08-11' },
      { kind: 'papers', date: '2026-08-24' },
      { kind: 'meeting', date: '2026-09-01' },
      { kind: 'minutes', date: '2026-09-15' },
    ]);
    const d = boardDeadlines('2026-12-10', plan.board);
    expect(comingMeetings(plan, '2026-12-01')[0]!.dates.map((x) => x.date)).to.deep.equal([d.childrenInCareCouncil, d.papers, d.meeting, d.minutes]);
  });

  it('makes one event per meeting and per deadline, with UIDs from the plan, the meeting date and the kind', () => {
    const events = boardCalendarEvents(plan.id, comingMeetings(plan, '2026-09-16'), (d) => ({ summary: d.kind }));
    expect(events).to.have.length(8);
    expect(events.slice(0, 4).map((e) => e.uid)).to.deep.equal([
      'testshire-2026-09-17-cicc-report@pledgeflow', 'testshire-2026-09-17-papers@pledgeflow',
      'testshire-2026-09-17-meeting@pledgeflow', 'testshire-2026-09-17-minutes@pledgeflow',
    ]);
    expect(new Set(events.map((e) => e.uid)).size).to.equal(8);
    expect(boardDateUid('testshire', '2026-09-17', 'papers')).to.equal(events[1]!.uid);
  });
});

describe('the board calendar from the plan as it stands', () => {
  const plan = testPlan({
    people: [...testPlan().people, { id: 'cabinet', name: 'Cal Cabinet', agency: 'csc', role: 'executive' }],
    meetings: [
      { id: 'm-sep', date: '2026-09-17', theme: 'Health' },
      { id: 'm-dec', date: '2026-12-10', theme: 'Education and work' },
    ],
    reviews: [{ id: 'rv', title: 'Review of school stability', reportedOn: '2026-05-01' }],
    recommendations: [
      { id: 'r1', review: 'rv', number: 1, title: 'Name a designated teacher in every school.', madeOn: '2026-05-01' },
      { id: 'r2', review: 'rv', number: 2, title: 'Publish a guide for carers.', madeOn: '2026-10-01' },
    ],
  });
  const now = () => Date.parse('2027-03-31T12:00:00Z');
  const editor = { userId: 'editor', agencyId: 'csc', role: 'plan-editor' } as const;
  const cabinet = { userId: 'cabinet', agencyId: 'csc', role: 'executive' } as const;
  let n = 0;
  const step = (t: ReturnType<typeof createTracker>, actor: typeof editor | typeof cabinet, stream: string, type: string, data: object, at: string) => {
    n++;
    const r = t.send({ id: createEventId(Date.parse(at), () => Uint8Array.from({ length: 16 }, (_, i) => (n * 31 + i) % 256)), stream, type, data, actor, at } as never);
    if (!r.ok) throw new Error(r.reasons.join(' '));
  };
  const words = (d: { kind: string }, m: { theme: string }) => ({ summary: `${d.kind}: ${m.theme}` });

  it('puts a rescheduled meeting at its new date, keeping the UIDs of its first date so the events move', () => {
    const t = createTracker({ plan, now });
    step(t, editor, 'm-sep', 'meeting.reschedule', { date: '2026-09-24', reason: 'Clashes with the budget.' }, '2026-08-01T10:00:00Z');
    const [sep] = comingMeetings(t.state(), '2026-09-01');
    expect(sep).to.include({ id: 'm-sep', date: '2026-09-24', firstDate: '2026-09-17', state: 'planned' });
    const events = boardCalendarEvents(plan.id, [sep!], words);
    const meeting = events.find((e) => e.uid === boardDateUid(plan.id, '2026-09-17', 'meeting'))!;
    expect(meeting).to.include({ date: '2026-09-24', status: 'CONFIRMED', sequence: 1 });
    const ics = unfold(toIcs({ stamp: '2026-08-02', events }));
    expect(ics).to.include('DTSTART;VALUE=DATE:20260924');
    expect(ics).to.include('SEQUENCE:1');
  });

  it('keeps a cancelled meeting in the file as STATUS:CANCELLED, deadlines too', () => {
    const t = createTracker({ plan, now });
    step(t, editor, 'm-dec', 'meeting.cancel', { reason: 'Not enough members free.' }, '2026-11-01T10:00:00Z');
    const dec = comingMeetings(t.state(), '2026-11-02').find((m) => m.id === 'm-dec')!;
    expect(dec).to.include({ state: 'cancelled', cancelledReason: 'Not enough members free.' });
    const events = boardCalendarEvents(plan.id, [dec], words);
    expect(events.map((e) => e.status)).to.deep.equal(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(unfold(toIcs({ stamp: '2026-11-02', events })).filter((l) => l.startsWith('STATUS:'))).to.deep.equal(Array(4).fill('STATUS:CANCELLED'));
    // From the plan alone, nothing is said of state: the file is as it was before meetings were tracked.
    expect(unfold(toIcs({ stamp: '2026-11-02', events: boardCalendarEvents(plan.id, comingMeetings(plan, '2026-11-02'), words) })).join('\n')).not.to.match(/STATUS:|SEQUENCE:/);
  });

  it('adds an event on the day each awaited response to a scrutiny recommendation is due, and drops it once answered', () => {
    const t = createTracker({ plan, now });
    expect(responseDueEvents(t.state()).map((e) => [e.uid, e.date, e.summary])).to.deep.equal([
      ['testshire-r1-response@pledgeflow', '2026-07-01', 'Response due: Recommendation 1 (Review of school stability)'],
      ['testshire-r2-response@pledgeflow', '2026-12-01', 'Response due: Recommendation 2 (Review of school stability)'],
    ]);
    step(t, cabinet, 'r1', 'recommendation.respond', { response: 'accepted' }, '2026-06-20T10:00:00Z');
    expect(responseDueEvents(t.state()).map((e) => e.uid)).to.deep.equal(['testshire-r2-response@pledgeflow']);
    const ics = unfold(toIcs({ stamp: '2026-11-02', events: responseDueEvents(t.state(), (r) => ({ summary: `Réponse ${r.number}` })) }));
    expect(ics).to.include('SUMMARY:Réponse 2');
    expect(ics).to.include('DTSTART;VALUE=DATE:20261201');
  });
});
