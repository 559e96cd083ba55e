import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createTracker, type Tracker } from '@pledgeflow/core';
import type { PledgeDeadlines } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { catchDownloads } from './download-spy.js';
import { eastmereTracker, testPlan } from './fixtures.js';
import { expectNoAxeViolations, mount } from './helpers.js';
import { $, $$, text } from './shadow-query.js';

/** Three meetings: 1 September 2026 (the day after a bank holiday), 17 September and 10 December. */
function boardTracker(): Tracker {
  return createTracker({
    plan: testPlan({
      meetings: [
        { id: 'board-2026-09-01', date: '2026-09-01', theme: 'Homes, placements and moving on' },
        { id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health' },
        { id: 'board-2026-12-10', date: '2026-12-10', theme: 'Education and work' },
      ],
    }),
  });
}

async function deadlines(tracker: Tracker | undefined, today: string, attrs = ''): Promise<PledgeDeadlines> {
  return mount<PledgeDeadlines>(`<pledge-deadlines today="${today}" ${attrs}></pledge-deadlines>`, (el) => {
    el.tracker = tracker;
  });
}

const dates = (meeting: Element) => [...meeting.querySelectorAll('.date')].map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('<pledge-deadlines>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('has no axe violations, and lists the coming meetings with their deadlines, earliest first', async () => {
    const el = await deadlines(boardTracker(), '2026-08-20');
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Board meetings and deadlines');
    expect(text($(el, '.board'))).to.equal('Corporate Parenting Board');
    expect($$(el, '[part="meeting-title"]').map(text)).to.deep.equal([
      'Meeting on 1 September 2026', 'Meeting on 17 September 2026', 'Meeting on 10 December 2026',
    ]);
    const [first] = $$(el, '[part="meeting"]');
    expect(text(first!.querySelector('.theme'))).to.equal('Theme: Homes, placements and moving on');
    expect(dates(first!)).to.deep.equal([
      'Report to the Children in Care Council: 11 August 2026 (9 days ago, passed)',
      'Papers due: 24 August 2026 (in 4 days)',
      'Meeting: 1 September 2026 (in 12 days)',
      'Minutes due: 15 September 2026 (in 26 days)',
    ]);
    expect(first!.querySelector('.passed')!.getAttribute('data-kind')).to.equal('cicc-report');
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-08-11');
  });

  it('starts from today: a meeting today is listed, one yesterday is not', async () => {
    const el = await deadlines(boardTracker(), '2026-09-17');
    expect($$(el, '[part="meeting"]').map((li) => li.dataset['date'])).to.deep.equal(['2026-09-17', '2026-12-10']);
    expect(text($(el, '.date.meeting dd'))).to.equal('17 September 2026 (today)');
  });

  it('shows at most limit meetings', async () => {
    const el = await deadlines(boardTracker(), '2026-08-20', 'limit="1"');
    expect($$(el, '[part="meeting"]')).to.have.length(1);
    expect(el.ics().match(/BEGIN:VEVENT/g)).to.have.length(4);
  });

  it('has no axe violations and offers no download when no meeting is planned, or there is no plan', async () => {
    const el = await deadlines(boardTracker(), '2027-01-01');
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="empty"]'))).to.equal('No board meetings are planned from today.');
    expect($(el, 'button')).to.equal(null);
    const none = await deadlines(undefined, '2027-01-01');
    await expectNoAxeViolations(none);
    expect(text(none.shadowRoot)).to.equal('No plan is loaded yet.');
    expect(none.ics()).to.equal('');
  });

  it('has no axe violations on the example plan, whose closures move deadlines earlier', async function () {
    this.timeout(30000);
    const t = await eastmereTracker();
    const el = await deadlines(t, '2026-07-01');
    await expectNoAxeViolations(el);
    expect($$(el, '[part="meeting"]').length).to.equal(t.plan.meetings.filter((m) => m.date >= '2026-07-01').length);
  });

  it('builds an .ics with one all-day event per meeting and per deadline, stable UIDs and DTSTAMP from today', async () => {
    // On 16 September the 1 September meeting's minutes (due the 15th) are behind us.
    const el = await deadlines(boardTracker(), '2026-09-16');
    const ics = el.ics();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).to.have.length(8);
    expect(lines.filter((l) => l.startsWith('UID:'))).to.deep.equal([
      'UID:testshire-2026-09-17-cicc-report@pledgeflow', 'UID:testshire-2026-09-17-papers@pledgeflow',
      'UID:testshire-2026-09-17-meeting@pledgeflow', 'UID:testshire-2026-09-17-minutes@pledgeflow',
      'UID:testshire-2026-12-10-cicc-report@pledgeflow', 'UID:testshire-2026-12-10-papers@pledgeflow',
      'UID:testshire-2026-12-10-meeting@pledgeflow', 'UID:testshire-2026-12-10-minutes@pledgeflow',
    ]);
    expect(new Set(lines.filter((l) => l.startsWith('DTSTAMP:')))).to.deep.equal(new Set(['DTSTAMP:20260916T000000Z']));
    const meeting = lines.indexOf('UID:testshire-2026-09-17-meeting@pledgeflow');
    expect(lines.slice(meeting + 2, meeting + 7)).to.deep.equal([
      'DTSTART;VALUE=DATE:20260917',
      'DTEND;VALUE=DATE:20260918',
      'SUMMARY:Corporate Parenting Board',
      'DESCRIPTION:Theme: Health. The time and place are in the meeting invitation.',
      // Read from the plan as it stands: a meeting not cancelled is confirmed.
      'STATUS:CONFIRMED',
    ]);
    expect(lines).to.include('TRANSP:TRANSPARENT');
    expect(lines).to.include('SUMMARY:Papers due for the Corporate Parenting Board on 17 September 2026');
    expect(lines).to.include('DESCRIPTION:Members get the agenda and papers 5 working days before the meeting (Health).');
    expect(lines).to.include('SUMMARY:Reports due to the Children in Care Council for the Corporate Parenting Board on 10 December 2026');
    // The same day gives the same file; a stamp can be passed in.
    expect(el.ics()).to.equal(ics);
    expect(el.ics('2026-09-02T08:15:00Z')).to.contain('DTSTAMP:20260902T081500Z\r\n');
  });

  it('escapes and folds text from the plan in the .ics', async () => {
    const t = createTracker({ plan: testPlan({ meetings: [{ id: 'board-2026-10-14', date: '2026-10-14', theme: 'Homes, placements; and moving on – a long theme that needs folding across lines' }] }) });
    const el = await deadlines(t, '2026-09-01');
    const ics = el.ics();
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(unfold(ics)).to.include('DESCRIPTION:Theme: Homes\\, placements\\; and moving on – a long theme that needs folding across lines. The time and place are in the meeting invitation.');
  });

  it('downloads the .ics from the keyboard as a calendar file named for the plan', async () => {
    const el = await deadlines(boardTracker(), '2026-09-02');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' }); // the button is the only control: the first Tab reaches it
    const button = $(el, '[part="download"]')!;
    expect(text(button)).to.equal('Add to calendar (.ics)');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const [file, ...more] = await catchDownloads(() => sendKeys({ press: 'Enter' }));
    expect(more).to.have.length(0);
    expect(file!.name).to.equal('testshire-board-meetings.ics');
    expect(file!.type).to.equal('text/calendar;charset=utf-8');
    expect(file!.text).to.equal(el.ics());
  });

  it('fits a 320px column without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await deadlines(boardTracker(), '2026-08-20');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('takes its words from the host, in the page and in the calendar', async () => {
    const el = await deadlines(boardTracker(), '2026-09-02');
    el.messages = { papersDue: 'Agenda out', icsSummary: (kind: string) => `Board: ${kind}` };
    await el.updateComplete;
    expect(text($(el, '.date.papers dt'))).to.equal('Agenda out');
    expect(unfold(el.ics())).to.include('SUMMARY:Board: papers');
  });

  it('fits its headings under the host page’s with heading-level', async () => {
    const el = await deadlines(boardTracker(), '2026-09-02', 'heading-level="4"');
    expect($(el, '[part="title"]')!.tagName).to.equal('H4');
    expect($(el, '[part="meeting-title"]')!.tagName).to.equal('H5');
  });

  it('shows text from data as text: a javascript: link never becomes a link', async () => {
    const link = '<a href="javascript:alert(1)">javascript:alert(1)</a>';
    const t = createTracker({ plan: testPlan({ meetings: [{ id: 'board-2026-10-14', date: '2026-10-14', theme: link }] }) });
    const el = await deadlines(t, '2026-09-01');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(text($(el, '.theme'))).to.equal(`Theme: ${link}`);
  });

  it('shows meetings as they stand: a moved one at its new date, a cancelled one said in words; the .ics has the response due to the committee', async () => {
    const plan = testPlan({
      meetings: [
        { id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health' },
        { id: 'board-2026-12-10', date: '2026-12-10', theme: 'Education and work' },
      ],
      reviews: [{ id: 'rv', title: 'School moves', reportedOn: '2026-07-01' }],
      recommendations: [{ id: 'r1', review: 'rv', number: 1, title: 'Tell the virtual school of every move in a week.', madeOn: '2026-07-01' }],
    });
    const t = createTracker({ plan, now: () => Date.parse('2028-01-01T00:00:00Z') });
    const editor = { userId: 'editor', agencyId: 'csc', role: 'plan-editor' } as const;
    const step = (stream: string, type: 'meeting.reschedule' | 'meeting.cancel', data: Record<string, string>) => {
      const r = t.step(editor, { stream, type, data }, { at: Date.parse('2026-08-01T10:00:00Z') });
      if (!r.ok) throw new Error(r.reasons.join(' '));
    };
    const el = await deadlines(t, '2026-08-20');
    step('board-2026-09-17', 'meeting.reschedule', { date: '2026-09-24', reason: 'Clashes with the budget.' });
    step('board-2026-12-10', 'meeting.cancel', { reason: 'Too few members free.' });
    await el.updateComplete;
    expect($$(el, '[part="meeting-title"]').map(text)).to.deep.equal(['Meeting on 24 September 2026', 'Meeting on 10 December 2026']);
    expect(text($(el, '.moved'))).to.equal('Moved from 17 September 2026');
    expect(text($(el, '[part="cancelled"]'))).to.equal('Cancelled: Too few members free.');
    await expectNoAxeViolations(el);
    const ics = unfold(el.ics());
    expect(ics.filter((l) => l.startsWith('STATUS:'))).to.deep.equal([...Array(4).fill('STATUS:CONFIRMED'), ...Array(4).fill('STATUS:CANCELLED')]);
    expect(ics).to.include("SUMMARY:The cabinet's response to scrutiny recommendation 1 is due (School moves)");
    expect(ics).to.include('DTSTART;VALUE=DATE:20260901');
  });
});
