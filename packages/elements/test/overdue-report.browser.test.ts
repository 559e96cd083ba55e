import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createTracker, scrutinyReport, workingDaysBetween, type Tracker } from '@pledgeflow/core';
import { parseCsv, reportToCsv } from '@pledgeflow/core/formats';
import type { PledgeOverdueReport } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { catchDownloads } from './download-spy.js';
import { as, eastmereTracker, ev, testPlan } from './fixtures.js';
import { expectNoAxeViolations, mount } from './helpers.js';
import { $, $$, ok, text } from './shadow-query.js';

const TODAY = '2027-03-10';

/**
 * On 10 March 2027: a1 (Owen Owner, Virtual School, Education) had its due date moved to
 * 31 January and is overdue; a4 (Owen Owner, Children's Services, Education) is overdue and
 * at risk; a2 (Bryn Board, NHS, Health) is overdue in draft; a3 has no due date. Promise 1 has
 * accepted evidence, promise 2 (adopted) has none; principles 2 and 3 have no action.
 */
function scrutinyTracker(overrides: Parameters<typeof testPlan>[0] = {}): Tracker {
  const t = createTracker({ plan: testPlan(overrides) });
  for (const p of t.plan.promises) ok(t.send(ev(as('board'), p.id, 'promise.adopt')));
  ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
  ok(t.send(ev(as('owner'), 'a1', 'action.start')));
  ok(t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-01-31', reason: 'Training venue closed in November.' })));
  ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Sessions held for 38 teachers.', date: '2026-06-01' })));
  ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
  ok(t.send(ev(as('lead'), 'a4', 'action.agree')));
  ok(t.send(ev(as('owner'), 'a4', 'action.start')));
  ok(t.send(ev(as('owner'), 'a4', 'action.flag-risk', { reason: 'Mentors not yet recruited.' })));
  return t;
}

async function report(tracker: Tracker | undefined, attrs = ''): Promise<PledgeOverdueReport> {
  return mount<PledgeOverdueReport>(`<pledge-overdue-report today="${TODAY}" ${attrs}></pledge-overdue-report>`, (el) => {
    el.tracker = tracker;
  });
}

const captions = (el: PledgeOverdueReport) => $$(el, '.overdue caption').map(text);
const rowIds = (el: PledgeOverdueReport, section: string) => $$(el, `.${section} tbody tr`).map((tr) => tr.dataset['id']);

describe('<pledge-overdue-report>', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('has no axe violations with something in every section, and groups overdue actions by owner', async () => {
    const el = await report(scrutinyTracker());
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Scrutiny report');
    expect(text($(el, '.meta'))).to.equal('Testshire Corporate Parenting Plan. Testshire County Council. As it stood on 10 March 2027.');
    expect(captions(el)).to.deep.equal(['Owner: Owen Owner (2 overdue)', 'Owner: Bryn Board (1 overdue)']);
    // Most overdue first within a group: a4 was due on 29 January, a1 on 31 January.
    expect($$(el, '.overdue tbody tr').map((tr) => tr.dataset['id'])).to.deep.equal(['a4', 'a1', 'a2']);
    expect($$(el, '[part="glance"] li').map(text)).to.deep.equal([
      '3 actions are overdue',
      '1 action is flagged at risk',
      '1 action has a review overdue',
      '0 pieces of evidence are waiting to be checked',
      '0 actions are due in the next two weeks',
      '1 action has had its due date moved later',
      '1 of 2 promises has no accepted evidence',
      '2 of the 7 corporate parenting principles have no action',
    ]);
  });

  it('has the command line report’s sections too: reviews overdue (apart from at risk), evidence waiting and due soon', async () => {
    const t = scrutinyTracker();
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev2', summary: 'Follow-up sessions planned for spring.', date: '2026-12-01' })));
    const el = await report(t, '');
    el.today = '2027-01-20';
    await el.updateComplete;
    await expectNoAxeViolations(el);
    const r = scrutinyReport(t.state(), '2027-01-20');
    const headings = $$(el, 'section [part="heading"]').map(text);
    expect(headings).to.include.members(['Reviews overdue', 'Evidence waiting to be checked', 'Due soon']);
    // "Review overdue" and "flagged at risk" are told apart: a1's review is overdue, only a4 is flagged.
    expect(rowIds(el, 'reviews-overdue')).to.deep.equal(r.reviewsOverdue.map((x) => x.id));
    expect(rowIds(el, 'reviews-overdue')).to.deep.equal(['a1']);
    expect(rowIds(el, 'at-risk')).to.deep.equal(['a4']);
    expect(text($(el, '.reviews-overdue p'))).to.contain('not counted as flagged at risk');
    expect(text($(el, '.reviews-overdue tbody td'))).to.match(/^Was due 1 October 2026, \d+ days ago$/);
    expect(rowIds(el, 'evidence-waiting')).to.deep.equal(['a1']);
    expect(text($(el, '.evidence-waiting tbody tr'))).to.contain('“Follow-up sessions planned for spring.”');
    expect(text($(el, '.evidence-waiting tbody tr'))).to.contain('Nia Nurse (Testshire NHS)');
    expect(rowIds(el, 'due-soon')).to.deep.equal(r.dueSoon.map((x) => x.id));
    expect(rowIds(el, 'due-soon')).to.deep.equal(['a4', 'a1']); // soonest first
    expect(text($(el, '.due-soon tr[data-id="a1"] td'))).to.equal('31 January 2027 (in 11 days)');
    expect($$(el, '[part="glance"] li').map(text)).to.include.members([
      '1 action is flagged at risk', '1 action has a review overdue', '1 piece of evidence is waiting to be checked', '2 actions are due in the next two weeks',
    ]);
  });

  it('shows days and working days overdue, the due date and the stage in words', async () => {
    const el = await report(scrutinyTracker());
    const cells = [...$(el, '.overdue tr[data-id="a2"]')!.children].map(text);
    expect(cells).to.deep.equal([
      'Health checks on time (a2) Stage: Draft Lead agency: Testshire NHS Working group: Health and Wellbeing',
      `12 days (${workingDaysBetween('2027-02-26', TODAY)} working days) Was due 26 February 2027`,
    ]);
    expect(text($(el, '.overdue tr[data-id="a4"] .detail'))).to.contain('Stage: At risk');
  });

  it('has no axe violations when nothing needs the panel, and says so in each section', async () => {
    const t = createTracker({ plan: testPlan({ actions: [], promises: [] }) });
    const el = await report(t);
    await expectNoAxeViolations(el);
    expect(text($(el, '.overdue [part="empty"]'))).to.equal('Nothing is overdue.');
    expect(text($(el, '.at-risk [part="empty"]'))).to.equal('No action is flagged at risk.');
    expect(text($(el, '.slipped [part="empty"]'))).to.equal('No due date has been moved later.');
    expect(text($(el, '.no-evidence [part="empty"]'))).to.equal('Every promise has accepted evidence.');
    expect($$(el, '.no-action li')).to.have.length(7);
  });

  it('says no plan is loaded, without axe violations, when it has no tracker', async () => {
    const el = await report(undefined);
    await expectNoAxeViolations(el);
    expect(text(el.shadowRoot)).to.equal('No plan is loaded yet.');
  });

  it('groups by lead agency or working group from the group-by attribute', async () => {
    const t = scrutinyTracker();
    const byAgency = await report(t, 'group-by="agency"');
    expect(captions(byAgency)).to.deep.equal([
      "Agency: Children's Services (1 overdue)", 'Agency: Virtual School (1 overdue)', 'Agency: Testshire NHS (1 overdue)',
    ]);
    expect(text($(byAgency, 'tr[data-id="a1"] .detail'))).to.equal('Stage: In progress Owner: Owen Owner Working group: Education and Work');
    const byWorkstream = await report(t, 'group-by="workstream"');
    await expectNoAxeViolations(byWorkstream);
    expect(captions(byWorkstream)).to.deep.equal(['Working group: Education and Work (2 overdue)', 'Working group: Health and Wellbeing (1 overdue)']);
    expect(($(byWorkstream, 'select') as HTMLSelectElement).value).to.equal('workstream');
  });

  it('treats an unknown group-by as owner', async () => {
    const el = await report(scrutinyTracker(), 'group-by="colour"');
    expect(captions(el)[0]).to.equal('Owner: Owen Owner (2 overdue)');
  });

  it('puts actions with no owner in a group of their own', async () => {
    const t = scrutinyTracker({ actions: [...testPlan().actions, { id: 'a5', title: 'Unowned and late', leadAgency: 'csc', workstream: 'health', dueDate: '2027-03-01' }] });
    const el = await report(t);
    expect(captions(el)).to.include('Owner: No owner (1 overdue)');
  });

  it('changes the grouping from the keyboard, reflects it in the attribute and announces it', async () => {
    const el = await report(scrutinyTracker());
    const select = $(el, 'select') as HTMLSelectElement;
    expect(text(el.shadowRoot!.querySelector(`label[for="${select.id}"]`))).to.equal('Group by');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.getAttribute('group-by')).to.equal('agency');
    expect(captions(el)[0]).to.equal("Agency: Children's Services (1 overdue)");
    expect(text($(el, '[role="status"]'))).to.equal('Overdue actions grouped by agency: 3 groups.');
    el.groupBy = 'workstream'; // and the select follows the host
    await el.updateComplete;
    expect(select.value).to.equal('workstream');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Download as CSV');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Print');
  });

  it('lists slipped due dates with every move and its reason', async () => {
    const el = await report(scrutinyTracker());
    expect(rowIds(el, 'slipped')).to.deep.equal(['a1']);
    const cells = [...$(el, '.slipped tr[data-id="a1"]')!.children].map(text);
    expect(cells[0]).to.equal('Train designated teachers (a1) Owner: Owen Owner First due: 20 November 2026 Now due: 31 January 2027');
    expect(cells[1]).to.match(/^From 20 November 2026 to 31 January 2027, on \d+ May 2026 by Lee Lead: Training venue closed in November\.$/);
  });

  it('lists actions at risk with the reason, promises with no accepted evidence and principles with no action', async () => {
    const el = await report(scrutinyTracker());
    expect([...$(el, '.at-risk tr[data-id="a4"]')!.children].map(text)).to.deep.equal(['Mentoring scheme (a4) Owner: Owen Owner', 'Mentors not yet recruited.']);
    expect([...$(el, '.no-evidence tr[data-id="p2"]')!.children].map(text)).to.deep.equal(['2. Your health', 'Bryn Board', '1']);
    expect(rowIds(el, 'no-evidence')).to.deep.equal(['p2']);
    expect($$(el, '.no-action li').map((li) => li.dataset['principle'])).to.deep.equal(['2', '3']);
    expect(text($(el, '.no-action li'))).to.equal('2. Encourage them to express their views, wishes and feelings');
  });

  it('uses column and row headers in every table', async () => {
    const el = await report(scrutinyTracker());
    for (const table of $$(el, 'table')) {
      expect(table.querySelector('caption'), 'caption').to.exist;
      expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect([...table.querySelectorAll('tbody tr')].every((tr) => tr.firstElementChild!.matches('th[scope="row"]'))).to.equal(true);
    }
  });

  it('builds its CSV with core’s reportToCsv, one row per item that needs attention', async () => {
    const t = scrutinyTracker();
    const el = await report(t);
    const csv = el.csv();
    expect(csv).to.equal(reportToCsv(scrutinyReport(t.state(), TODAY)));
    const { rows } = parseCsv(csv);
    expect(rows[0]).to.deep.equal(['Section', 'Id', 'Title', 'Owner', 'Lead agency', 'Date', 'Days', 'Working days', 'Note']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).to.deep.include.members([
      ['Overdue', 'a1'], ['Overdue', 'a2'], ['Overdue', 'a4'], ['At risk', 'a4'], ['Due date moved', 'a1'], ['Promise without evidence', 'p2'],
    ]);
    expect(rows.find((r) => r[0] === 'At risk')![8]).to.equal('Mentors not yet recruited.');
  });

  it('downloads the CSV from the keyboard as a UTF-8 file named for the plan and the day', async () => {
    const el = await report(scrutinyTracker());
    const button = $$(el, 'button').find((b) => b.textContent === 'Download as CSV')!;
    const [file, ...more] = await catchDownloads(async () => {
      button.focus();
      await sendKeys({ press: 'Enter' });
    });
    expect(more).to.have.length(0);
    expect(file!.name).to.equal('testshire-scrutiny-2027-03-10.csv');
    expect(file!.type).to.equal('text/csv;charset=utf-8');
    expect(file!.text).to.equal(`\ufeff${el.csv()}`);
  });

  it('updates itself when the plan changes', async () => {
    const t = scrutinyTracker();
    const el = await report(t);
    ok(t.send(ev(as('owner'), 'a4', 'action.clear-risk')));
    await el.updateComplete;
    expect(text($(el, '.at-risk [part="empty"]'))).to.equal('No action is flagged at risk.');
  });

  it('prints as a plain paper: no controls, header rows repeated, black text', async () => {
    const el = await report(scrutinyTracker());
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part="controls"]')!).display).to.equal('none');
    expect($$(el, 'button').every((b) => getComputedStyle(b).display === 'none')).to.equal(true);
    expect(getComputedStyle($(el, 'thead')!).display).to.equal('table-header-group');
    expect(getComputedStyle($(el, 'tbody tr')!).breakInside).to.equal('avoid');
    expect(getComputedStyle($(el, '.detail')!).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle($(el, 'td')!).borderBottomColor).to.equal('rgb(0, 0, 0)');
  });

  it('fits a 320px column without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await report(scrutinyTracker(), 'group-by="agency"');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('takes its words from the host', async () => {
    const el = await report(scrutinyTracker());
    el.messages = { overdueTitle: 'Late actions', groupOwner: 'Lead officer' };
    await el.updateComplete;
    expect(text($(el, '.overdue [part="heading"]'))).to.equal('Late actions');
    expect(captions(el)[0]).to.equal('Lead officer: Owen Owner (2 overdue)');
  });

  it('has no axe violations on the example plan, in every grouping', async function () {
    this.timeout(30000);
    const el = await report(await eastmereTracker());
    for (const by of ['owner', 'agency', 'workstream']) {
      el.groupBy = by as PledgeOverdueReport['groupBy'];
      await el.updateComplete;
      await expectNoAxeViolations(el);
      expect($$(el, '.overdue tbody tr').length).to.equal(el.report()!.overdue.length);
    }
  });

  it('fits its headings under the host page’s with heading-level', async () => {
    const el = await report(scrutinyTracker(), 'heading-level="3"');
    expect($(el, '[part="title"]')!.tagName).to.equal('H3');
    expect($(el, '.overdue [part="heading"]')!.tagName).to.equal('H4');
  });

  it('shows text from data as text: a javascript: link never becomes a link', async () => {
    const t = scrutinyTracker({
      actions: testPlan().actions.map((a) => (a.id === 'a2' ? { ...a, title: '<a href="javascript:alert(1)">javascript:alert(1)</a>' } : a)),
    });
    const el = await report(t);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(text($(el, 'tr[data-id="a2"] .name'))).to.equal('<a href="javascript:alert(1)">javascript:alert(1)</a>');
  });
});
