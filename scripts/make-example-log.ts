/**
 * Writes examples/plans/eastmere.events.ndjson: a believable history for the fictional
 * Eastmere Borough Council plan, from 2026-01-12 to 2026-11-20, driven through the real
 * engine with `tracker.send()`. Deterministic: event times and ids come from a seeded
 * generator, so every run writes the same file.
 *
 * Run from the repository root:
 *   npx esbuild scripts/make-example-log.ts --bundle --platform=node --format=esm \
 *     --conditions=pledgeflow-source --outfile=/tmp/make-log.mjs && node /tmp/make-log.mjs
 *
 * Everything here describes services, never a child.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
// Imported from the files themselves rather than the package index, so that the script
// does not depend on modules it does not use.
import { isWorkingDay } from '../packages/core/src/calendar/working-days.js';
import { stringifyEventLog } from '../packages/core/src/io/event-log.js';
import { parsePlanFile } from '../packages/core/src/io/plan-file.js';
import type { Actor, EventInput, EventType } from '../packages/core/src/schema/events.js';
import type { Plan } from '../packages/core/src/schema/plan.js';
import { createEventId } from '../packages/core/src/tracker/event-id.js';
import { createTracker } from '../packages/core/src/tracker/tracker.js';
import { prng } from '../packages/core/test/prng.js';

const ROOT = process.cwd();
const PLAN_PATH = resolve(ROOT, 'examples/plans/eastmere.plan.json');
const LOG_PATH = resolve(ROOT, 'examples/plans/eastmere.events.ndjson');

// ---------------------------------------------------------------------------------------
// Seeded randomness (packages/core/test/prng.ts), so that times and ids never change.


const timeRandom = prng(0x0ea57e2e);
const idRandom = prng(0x2026_1125);
const seededRandomBytes = (n: number): Uint8Array => {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(idRandom() * 256);
  return bytes;
};

// ---------------------------------------------------------------------------------------
// The plan.

if (!existsSync(PLAN_PATH)) {
  throw new Error(`Cannot find ${PLAN_PATH}: run this script from the repository root.`);
}
const parsed = parsePlanFile(readFileSync(PLAN_PATH, 'utf8'));
if (!parsed.ok) {
  throw new Error(`The example plan has problems:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
}
if (parsed.warnings.length) {
  throw new Error(`The example plan has privacy warnings:\n${parsed.warnings.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
}
const plan: Plan = parsed.plan;

/** The signed-in person as the host page would describe them: their own agency and role. */
function actor(personId: string): Actor {
  const person = plan.people.find((p) => p.id === personId);
  if (!person) throw new Error(`No person "${personId}" in the example plan.`);
  return { userId: person.id, agencyId: person.agency, role: person.role };
}

// ---------------------------------------------------------------------------------------
// The story, as steps on dates. Times within a day are added later, in the order written.

interface Step {
  date: string;
  stream: string;
  type: EventType;
  by: string;
  data?: Record<string, unknown>;
  order: number;
}

const steps: Step[] = [];
function on(date: string, stream: string, type: EventType, by: string, data?: Record<string, unknown>): void {
  steps.push({ date, stream, type, by, ...(data ? { data } : {}), order: steps.length });
}

const SITE = 'https://www.eastmere.example';

// --- Working groups agree their actions (week of 15 April) ----------------------------

for (const id of ['ETE-01', 'ETE-02', 'ETE-03', 'ETE-04', 'ETE-05', 'ETE-06', 'ETE-07', 'ETE-08']) {
  on('2026-04-15', id, 'action.agree', 'ruth-kendrick', id === 'ETE-01' ? { note: 'Agreed at the first Education, Training and Employment working group.' } : {});
}
for (const id of ['HOM-01', 'HOM-02', 'HOM-03', 'HOM-04', 'HOM-05', 'HOM-06', 'HOM-07', 'HOM-08']) {
  on('2026-04-16', id, 'action.agree', 'helen-pryce', id === 'HOM-01' ? { note: 'Agreed by the Homes, Placements and Moving On working group.' } : {});
}
for (const id of ['HLT-01', 'HLT-02', 'HLT-03', 'HLT-04', 'HLT-05', 'HLT-07']) {
  on('2026-04-17', id, 'action.agree', 'sunita-rao');
}
for (const id of ['VOI-01', 'VOI-02', 'VOI-03', 'VOI-04', 'VOI-05', 'VOI-06', 'VOI-07']) {
  on('2026-04-20', id, 'action.agree', 'marcus-flynn', id === 'VOI-01' ? { note: 'Agreed with two members of the Children in Care Council present.' } : {});
}

// --- The board adopts the pledge (22 April) -------------------------------------------

for (const id of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']) {
  on('2026-04-22', id, 'promise.adopt', 'margaret-ashdown', id === 'P1'
    ? { note: 'Adopted by the Corporate Parenting Board after the Children in Care Council presented the pledge it co-wrote.' }
    : {});
}
// P10 ("Celebrating you") stays drafted: the Children in Care Council asked to reword it.

// --- Education, Training and Employment -----------------------------------------------

on('2026-04-21', 'ETE-01', 'action.start', 'gareth-lloyd', { note: 'Summer term quality audit of personal education plans booked with schools.' });
on('2026-05-29', 'ETE-01', 'action.progress', 'gareth-lloyd', { note: 'New personal education plan form with a "my views" page sent to every school with a child in care on roll.' });
on('2026-06-30', 'ETE-01', 'action.review', 'ruth-kendrick', { note: 'On track for the end of the summer term.' });
on('2026-07-06', 'ETE-01', 'action.evidence.add', 'gareth-lloyd', {
  evidenceId: 'ETE-01-audit',
  summary: 'Summer term audit of personal education plans: 94% reviewed on time and 88% rated good or better, up from 71% in the spring term. Every plan audited had a page written by the young person.',
  link: `${SITE}/virtual-school/pep-audit-summer-2026`,
  date: '2026-07-03',
});
on('2026-07-08', 'ETE-01', 'action.evidence.accept', 'ruth-kendrick', { evidenceId: 'ETE-01-audit', note: 'Checked against the audit spreadsheet.' });
on('2026-07-10', 'ETE-01', 'action.complete', 'gareth-lloyd', { note: 'Termly plans and the quality check are now business as usual.' });
on('2026-07-15', 'ETE-01', 'action.verify', 'daniel-okafor', { note: 'The board looked at a sample of audited plans at its education meeting.' });

on('2026-05-11', 'ETE-02', 'action.start', 'gareth-lloyd');
on('2026-07-13', 'ETE-02', 'action.evidence.add', 'gareth-lloyd', {
  evidenceId: 'ETE-02-summer-sessions',
  summary: 'Three half-day sessions for designated teachers on attachment and trauma-aware classrooms, one co-run by the mental health trust; 41 of the 58 Eastmere schools attended.',
  date: '2026-07-10',
});
on('2026-07-16', 'ETE-02', 'action.evidence.accept', 'ruth-kendrick', { evidenceId: 'ETE-02-summer-sessions' });
on('2026-09-29', 'ETE-02', 'action.review', 'ruth-kendrick', { note: 'The 17 schools that missed the summer sessions are offered an autumn twilight session.' });
on('2026-11-16', 'ETE-02', 'action.progress', 'gareth-lloyd', { note: 'Autumn twilight session held: 12 more schools attended, 5 still to come. Session now covers keeping a pupil\'s care status private in class.' });

on('2026-06-01', 'ETE-03', 'action.start', 'gareth-lloyd');
on('2026-09-21', 'ETE-03', 'action.progress', 'gareth-lloyd', { note: 'Daily attendance feed now live from 46 schools; the Virtual School calls the school and social worker after two days of unexplained absence.' });

on('2026-06-15', 'ETE-04', 'action.start', 'naomi-clarke');
on('2026-09-22', 'ETE-04', 'action.evidence.add', 'imran-hussain', {
  evidenceId: 'ETE-04-admissions',
  summary: 'Eastmere College admissions agreement signed: from the September 2027 intake every care-experienced applicant is guaranteed an interview and a named contact in student support, and bursary claims are fast-tracked.',
  link: 'https://www.eastmere-college.example/students/care-experienced',
  date: '2026-09-18',
});
on('2026-09-25', 'ETE-04', 'action.evidence.accept', 'ruth-kendrick', { evidenceId: 'ETE-04-admissions' });
on('2026-10-05', 'ETE-04', 'action.review', 'naomi-clarke', { note: 'Next step: open days for care-experienced applicants in the spring.' });

on('2026-06-01', 'ETE-05', 'action.start', 'tom-aldridge');
on('2026-07-20', 'ETE-05', 'action.progress', 'tom-aldridge', { note: 'Taster week designed with Eastmere College and Brightway; three departments have offered apprenticeship places.' });
on('2026-10-20', 'ETE-05', 'action.flag-risk', 'tom-aldridge', {
  reason: 'Only three of the ten apprenticeship places have been confirmed, and the council\'s vacancy panel has paused new apprenticeship starts until the budget is set in February.',
});
on('2026-10-28', 'ETE-05', 'action.review', 'ruth-kendrick', { note: 'Escalated to the Director of Children\'s Services; to be looked at again once the budget is set.', nextReviewDate: '2027-02-26' });

on('2026-06-08', 'ETE-06', 'action.start', 'naomi-clarke');
on('2026-09-14', 'ETE-06', 'action.progress', 'naomi-clarke', { note: 'Tutoring provider contracted through pupil premium plus; 34 of the 51 eligible young people matched with a tutor.' });
on('2026-10-16', 'ETE-06', 'action.review', 'naomi-clarke', { note: 'Matching is behind plan: carers say evening sessions clash with other activities, so weekend and in-school sessions are being added.' });
on('2026-11-03', 'ETE-06', 'action.evidence.add', 'naomi-clarke', {
  evidenceId: 'ETE-06-autumn-matching',
  summary: 'Autumn term tutoring report: 44 of the 51 eligible young people now have a weekly tutoring session, 12 of them in school time.',
  date: '2026-10-30',
});

on('2026-10-14', 'ETE-08', 'action.defer', 'daniel-okafor', {
  reason: 'The local employer network that was to host the placements is being re-procured. The board agreed to pick this up again for summer 2027.',
  until: '2027-04-01',
});

// --- Homes, Placements and Moving On --------------------------------------------------

on('2026-05-05', 'HOM-01', 'action.start', 'priya-desai');
on('2026-07-02', 'HOM-01', 'action.progress', 'priya-desai', { note: 'Campaign launched with the foster carers\' association: local radio adverts and stalls at three community events.' });
on('2026-09-28', 'HOM-01', 'action.evidence.add', 'angela-moss', {
  evidenceId: 'HOM-01-info-evenings',
  summary: 'Foster carers ran four "meet a foster carer" evenings between June and September; 46 households enquired and 9 have started assessment.',
  date: '2026-09-25',
});
on('2026-10-01', 'HOM-01', 'action.evidence.accept', 'helen-pryce', { evidenceId: 'HOM-01-info-evenings', note: 'Matches the fostering team\'s enquiry log.' });
on('2026-10-29', 'HOM-01', 'action.review', 'priya-desai', { note: 'Six new households approved so far, against 25 over two years. Most new carers are for under-tens; teenagers remain the gap.' });

on('2026-05-05', 'HOM-02', 'action.start', 'helen-pryce');
on('2026-07-28', 'HOM-02', 'action.review', 'helen-pryce', { note: 'Draft protocol consulted on with the Children in Care Council and the foster carers\' association.' });
on('2026-09-18', 'HOM-02', 'action.evidence.add', 'helen-pryce', {
  evidenceId: 'HOM-02-protocol',
  summary: 'Planned moves protocol signed off by the senior leadership team and sent to every fostering agency and children\'s home the council uses. It requires an introduction visit and a chance to ask questions before any planned move.',
  link: `${SITE}/children-in-care/planned-moves-protocol`,
  date: '2026-09-16',
});
on('2026-09-21', 'HOM-02', 'action.evidence.accept', 'daniel-okafor', { evidenceId: 'HOM-02-protocol' });
on('2026-09-24', 'HOM-02', 'action.complete', 'helen-pryce', { note: 'Protocol in force; compliance will be checked through the independent reviewing service.' });

on('2026-05-12', 'HOM-03', 'action.start', 'owen-marsh');
on('2026-07-14', 'HOM-03', 'action.progress', 'owen-marsh', { note: 'Emergency options list agreed with the out-of-hours team; any bed and breakfast booking for a care leaver now needs Head of Service approval.' });
on('2026-08-27', 'HOM-03', 'action.review', 'owen-marsh', { note: 'Emergency options working, but they depend on the new supported lodgings contract.' });
on('2026-09-24', 'HOM-03', 'action.due-date.change', 'helen-pryce', {
  dueDate: '2026-12-18',
  reason: 'The supported lodgings contract that provides the emergency rooms now starts on 1 December instead of 1 September, because the tender had to be run again.',
});
on('2026-09-24', 'HOM-03', 'action.review', 'owen-marsh', { note: 'New due date agreed with the working group lead.' });
on('2026-10-22', 'HOM-03', 'action.review', 'owen-marsh', { note: 'Contract awarded; mobilisation on track for December.' });
on('2026-11-10', 'HOM-03', 'action.evidence.add', 'fiona-grant', {
  evidenceId: 'HOM-03-short-stay-flats',
  summary: 'Mereside Homes handed over two furnished short-stay flats for care leavers who need somewhere to stay at short notice, with a tenancy support worker on call.',
  date: '2026-11-06',
});
on('2026-11-12', 'HOM-03', 'action.evidence.accept', 'helen-pryce', { evidenceId: 'HOM-03-short-stay-flats' });

on('2026-05-12', 'HOM-04', 'action.start', 'owen-marsh');
on('2026-07-20', 'HOM-04', 'action.evidence.add', 'fiona-grant', {
  evidenceId: 'HOM-04-protocol',
  summary: 'Joint housing protocol for care leavers agreed.',
  date: '2026-07-17',
});
on('2026-07-22', 'HOM-04', 'action.evidence.return', 'helen-pryce', {
  evidenceId: 'HOM-04-protocol',
  reason: 'Please say whether all three organisations have signed the protocol and when it starts, and link to the signed copy: the board will ask.',
});
on('2026-07-29', 'HOM-04', 'action.evidence.resubmit', 'fiona-grant', {
  evidenceId: 'HOM-04-protocol',
  summary: 'Joint housing protocol signed by Children\'s Services, Housing Options and Mereside Homes. It starts on 1 August 2026 and gives care leavers priority banding, pre-tenancy training and an early warning when a tenancy is at risk.',
  link: 'https://www.mereside-homes.example/partnerships/care-leavers-protocol',
  date: '2026-07-27',
});
on('2026-07-30', 'HOM-04', 'action.evidence.accept', 'helen-pryce', { evidenceId: 'HOM-04-protocol' });
on('2026-08-03', 'HOM-04', 'action.complete', 'owen-marsh', { note: 'Protocol live from 1 August; first pre-tenancy training course booked for September.' });
on('2026-10-14', 'HOM-04', 'action.verify', 'margaret-ashdown', { note: 'Signed protocol seen by the board at its housing and placements meeting.' });

on('2026-06-29', 'HOM-05', 'action.review', 'tom-aldridge', { note: 'Waiting for the Staying Close grant decision before starting.', nextReviewDate: '2026-12-18' });

on('2026-05-18', 'HOM-06', 'action.start', 'helen-pryce');
on('2026-07-24', 'HOM-06', 'action.progress', 'helen-pryce', { note: 'Needs analysis finished with the integrated care board; first small children\'s home has planning permission.' });
on('2026-09-29', 'HOM-06', 'action.review', 'helen-pryce', { note: 'Draft strategy written; waiting on the second site.' });
on('2026-10-27', 'HOM-06', 'action.flag-risk', 'helen-pryce', {
  reason: 'The planning application for the second small children\'s home has been called in by the planning committee, and the strategy cannot be finished until the site is settled.',
});

on('2026-06-22', 'HOM-07', 'action.start', 'tom-aldridge');
on('2026-09-14', 'HOM-07', 'action.evidence.add', 'tom-aldridge', {
  evidenceId: 'HOM-07-automatic-exemption',
  summary: 'Revenues now apply the council tax exemption automatically for care leavers living in Eastmere once leaving care confirms eligibility; no forms are needed.',
  date: '2026-09-01',
});
on('2026-09-16', 'HOM-07', 'action.evidence.accept', 'helen-pryce', { evidenceId: 'HOM-07-automatic-exemption' });
on('2026-11-09', 'HOM-07', 'action.progress', 'tom-aldridge', { note: 'Two neighbouring councils have agreed in principle to reciprocal exemptions; the legal agreement is being drafted.' });

on('2026-10-14', 'HOM-08', 'action.withdraw', 'margaret-ashdown', {
  reason: 'Mereside Homes can no longer offer the property, and young people told the forum they would rather have Staying Close support. The funding moves to HOM-05.',
});

// --- Health and Wellbeing -------------------------------------------------------------

on('2026-05-06', 'HLT-01', 'action.start', 'beth-harrington');
on('2026-07-21', 'HLT-01', 'action.progress', 'beth-harrington', { note: 'Consent and referral form shortened; social workers now send it within 3 working days in most cases.' });
on('2026-09-08', 'HLT-01', 'action.flag-risk', 'beth-harrington', {
  reason: 'Two community paediatrician posts are vacant until January, and only 61% of initial health assessments last quarter were done within 20 working days.',
});
on('2026-10-28', 'HLT-01', 'action.review', 'sunita-rao', { note: 'The integrated care board has agreed locum cover from December; a recovery plan goes to the board in January.' });

on('2026-05-06', 'HLT-02', 'action.start', 'beth-harrington');
on('2026-08-19', 'HLT-02', 'action.progress', 'beth-harrington', { note: 'Dental checks now booked at the same appointment as the review health assessment where the practice can.' });
on('2026-10-20', 'HLT-02', 'action.progress', 'beth-harrington', { note: 'Backlog of review health assessments down from 38 to 21; most of those still waiting live outside Eastmere.' });

on('2026-05-20', 'HLT-03', 'action.start', 'alex-mensah');
on('2026-08-05', 'HLT-03', 'action.evidence.add', 'alex-mensah', {
  evidenceId: 'HLT-03-carer-line',
  summary: 'Consultation line for foster carers and children\'s home staff opened, staffed by a clinical psychologist two afternoons a week.',
  date: '2026-08-03',
});
on('2026-08-07', 'HLT-03', 'action.evidence.accept', 'sunita-rao', { evidenceId: 'HLT-03-carer-line' });
on('2026-10-21', 'HLT-03', 'action.due-date.change', 'sunita-rao', {
  dueDate: '2027-06-30',
  reason: 'The integrated care board confirmed recurrent funding for two more clinicians only from April 2027, so the six-week target will be reached later than planned.',
});
on('2026-10-21', 'HLT-03', 'action.review', 'alex-mensah', { note: 'Average wait now 49 days; recruitment to start in January.' });

on('2026-06-03', 'HLT-04', 'action.start', 'alex-mensah');
on('2026-09-10', 'HLT-04', 'action.evidence.add', 'chloe-barker', {
  evidenceId: 'HLT-04-drop-in',
  summary: 'Drop-in wellbeing clinic opened at the Brightway hub on 2 September, every other Wednesday afternoon with a mental health practitioner; 17 care leavers came to the first three sessions.',
  link: 'https://www.brightway.example/news/wellbeing-drop-in',
  date: '2026-09-09',
});
on('2026-09-14', 'HLT-04', 'action.evidence.accept', 'sunita-rao', { evidenceId: 'HLT-04-drop-in' });
on('2026-09-22', 'HLT-04', 'action.complete', 'alex-mensah', { note: 'Clinic funded to March 2028 and running.' });

on('2026-09-07', 'HLT-05', 'action.start', 'beth-harrington');
on('2026-10-19', 'HLT-05', 'action.progress', 'beth-harrington', { note: 'Paper health passport designed with the care leavers\' forum and given out from October.' });
on('2026-11-17', 'HLT-05', 'action.due-date.change', 'sunita-rao', {
  dueDate: '2027-01-29',
  reason: 'The digital version depends on a link into the NHS App, which the trust\'s digital team now expects in January.',
});

on('2026-06-03', 'HLT-06', 'action.owner.change', 'sunita-rao', {
  owner: 'lucy-tan',
  note: 'The independent reviewing service will lead, because the questionnaires are collected at reviews.',
});
on('2026-06-03', 'HLT-06', 'action.agree', 'sunita-rao');

on('2026-05-13', 'HLT-07', 'action.start', 'lucy-tan');
on('2026-06-29', 'HLT-07', 'action.evidence.add', 'karen-doyle', {
  evidenceId: 'HLT-07-monthly-meeting',
  summary: 'Monthly missing-from-care meeting set up by Fenwold Constabulary with children\'s services and youth justice; first meeting held on 24 June.',
  date: '2026-06-24',
});
on('2026-07-01', 'HLT-07', 'action.evidence.accept', 'sunita-rao', { evidenceId: 'HLT-07-monthly-meeting' });
on('2026-07-09', 'HLT-07', 'action.flag-risk', 'lucy-tan', {
  reason: 'The police analyst post that prepares the monthly picture of exploitation risks is vacant, so the meeting has no shared data yet.',
});
on('2026-09-15', 'HLT-07', 'action.clear-risk', 'lucy-tan', { note: 'Analyst in post from 7 September; data for August and September shared.' });
on('2026-10-26', 'HLT-07', 'action.evidence.add', 'leon-webb', {
  evidenceId: 'HLT-07-yjs-training',
  summary: 'Youth justice case workers trained to offer return home interviews on the same model as children\'s services.',
  date: '2026-10-22',
});
on('2026-10-27', 'HLT-07', 'action.review', 'lucy-tan', { note: 'Return home interviews offered within 72 hours in 83% of cases in September.' });

// --- Voice and Participation ----------------------------------------------------------

on('2026-04-23', 'VOI-01', 'action.start', 'sam-reid');
on('2026-07-06', 'VOI-01', 'action.progress', 'sam-reid', { note: 'A councillor attended all three Children in Care Council meetings this quarter.' });
on('2026-09-30', 'VOI-01', 'action.evidence.add', 'chloe-barker', {
  evidenceId: 'VOI-01-forum-evenings',
  summary: 'Care leavers\' forum moved to Tuesday evenings at the Brightway hub, with food and travel paid; average attendance rose from 6 to 14.',
  date: '2026-09-29',
});
on('2026-10-02', 'VOI-01', 'action.evidence.accept', 'marcus-flynn', { evidenceId: 'VOI-01-forum-evenings' });
on('2026-10-29', 'VOI-01', 'action.review', 'sam-reid', { note: 'Both groups meeting monthly; a councillor was at every meeting since April.' });

on('2026-04-23', 'VOI-02', 'action.start', 'marcus-flynn');
on('2026-06-05', 'VOI-02', 'action.evidence.add', 'marcus-flynn', {
  evidenceId: 'VOI-02-terms-of-reference',
  summary: 'Board terms of reference revised: the Children in Care Council has a standing 15-minute item at every meeting and receives reports three weeks before.',
  link: `${SITE}/council/corporate-parenting-board/terms-of-reference`,
  date: '2026-06-03',
});
on('2026-06-09', 'VOI-02', 'action.evidence.accept', 'daniel-okafor', { evidenceId: 'VOI-02-terms-of-reference' });
on('2026-06-12', 'VOI-02', 'action.complete', 'marcus-flynn');
on('2026-07-15', 'VOI-02', 'action.verify', 'margaret-ashdown', { note: 'The Children in Care Council used its slot at today\'s board.' });

on('2026-06-10', 'VOI-03', 'action.start', 'sam-reid');
on('2026-09-24', 'VOI-03', 'action.progress', 'sam-reid', { note: 'Nine Children in Care Council members wrote the questions; the easy-read and younger children\'s versions were checked by Brightway.' });
on('2026-11-05', 'VOI-03', 'action.evidence.add', 'sam-reid', {
  evidenceId: 'VOI-03-survey-live',
  summary: 'Annual survey opened on 2 November in three versions, online and on paper, with copies sent to every carer and children\'s home.',
  date: '2026-11-02',
});
on('2026-11-09', 'VOI-03', 'action.evidence.accept', 'marcus-flynn', { evidenceId: 'VOI-03-survey-live' });

on('2026-05-27', 'VOI-04', 'action.start', 'lucy-tan');
on('2026-09-17', 'VOI-04', 'action.progress', 'lucy-tan', { note: 'The review record now asks whether the child knows about advocacy; 72% of reviews in August recorded an answer.' });
on('2026-11-18', 'VOI-04', 'action.progress', 'lucy-tan', { note: 'Advocacy leaflet rewritten with the Children in Care Council. The audit showing every review records the answer is not done yet.' });

on('2026-06-16', 'VOI-07', 'action.start', 'marcus-flynn');
on('2026-07-24', 'VOI-07', 'action.evidence.add', 'marcus-flynn', {
  evidenceId: 'VOI-07-first-sessions',
  summary: 'Two sessions delivered with care-experienced trainers, attended by 18 councillors and 30 senior managers from the council, the integrated care board and the police.',
  date: '2026-07-22',
});
on('2026-07-27', 'VOI-07', 'action.evidence.accept', 'daniel-okafor', { evidenceId: 'VOI-07-first-sessions' });
on('2026-11-11', 'VOI-07', 'action.flag-risk', 'marcus-flynn', {
  reason: 'Only 22 of the 51 councillors have attended so far, and two planned dates clashed with full council meetings.',
});
on('2026-11-19', 'VOI-07', 'action.review', 'marcus-flynn', { note: 'Two extra dates offered in December; group leaders asked to chase their councillors.' });

// --- Promises: the board's judgements and owners' reviews -----------------------------

on('2026-07-15', 'P5', 'promise.judge', 'margaret-ashdown', { judgement: 'on-track' });
on('2026-07-15', 'P7', 'promise.judge', 'margaret-ashdown', { judgement: 'on-track' });
on('2026-07-15', 'P3', 'promise.judge', 'daniel-okafor', { judgement: 'on-track' });

on('2026-10-06', 'P8', 'promise.review', 'tom-aldridge', { note: 'Housing protocol in place; apprenticeships are the weak spot.' });
on('2026-10-07', 'P2', 'promise.review', 'helen-pryce', { note: 'More fostering households coming through; the second children\'s home site is not settled.' });
on('2026-10-08', 'P7', 'promise.review', 'marcus-flynn', { note: 'Children in Care Council slot at the board working well.' });
on('2026-10-09', 'P5', 'promise.review', 'ruth-kendrick', { note: 'Education plan quality up; tutoring take-up slower than planned.' });
on('2026-10-12', 'P6', 'promise.review', 'sunita-rao', { note: 'Drop-in clinic open, but health assessments are still late too often.' });
on('2026-10-13', 'P1', 'promise.review', 'lucy-tan', { note: 'Life story work training planned for the spring.', nextReviewDate: '2027-01-29' });

on('2026-10-14', 'P6', 'promise.judge', 'margaret-ashdown', {
  judgement: 'at-risk',
  reason: 'Too many initial health assessments are still late and waits for mental health support are above six weeks. The board asked the integrated care board for a recovery plan by January.',
});
on('2026-10-14', 'P2', 'promise.judge', 'daniel-okafor', { judgement: 'on-track' });
on('2026-10-14', 'P9', 'promise.judge', 'margaret-ashdown', { judgement: 'on-track' });
on('2026-10-14', 'P8', 'promise.judge', 'rachel-hume', { judgement: 'on-track' });

// --- The board's year: four meetings held, with attendance -----------------------------
// Members: Margaret Ashdown (chair), Daniel Okafor, Rachel Hume, Paul Brennan, Ruth Kendrick,
// Fiona Grant. Paul Brennan attends two of the four (below the 75% expected); July's meeting,
// with three members away, has only two agencies present and is not quorate.

type Attending = [person: string, standingInFor?: string];
function meeting(id: string, date: string, o: {
  papers: string; reports: [string, string, string][]; questions?: [string, string, string][];
  present: Attending[]; apologies?: string[]; answers?: [string, string][]; decisions?: [string, string, string?][]; minutes?: string;
}) {
  for (const [on_, workstream, summary] of o.reports) on(on_, id, 'meeting.report.submit', plan.workstreams.find((w) => w.id === workstream)!.lead, { workstream, summary });
  for (const [on_, questionId, question] of o.questions ?? []) on(on_, id, 'meeting.question.ask', 'jo-whitfield', { questionId, question });
  on(o.papers, id, 'meeting.papers.send', 'jo-whitfield');
  for (const person of o.apologies ?? []) on(o.papers, id, 'meeting.apologies.record', 'jo-whitfield', { person });
  on(date, id, 'meeting.hold', 'jo-whitfield');
  for (const [person, standingInFor] of o.present) on(date, id, 'meeting.attendance.record', 'jo-whitfield', { person, ...(standingInFor ? { standingInFor } : {}) });
  for (const [questionId, answer] of o.answers ?? []) on(date, id, 'meeting.question.answer', 'margaret-ashdown', { questionId, answer });
  for (const [decisionId, decision, action] of o.decisions ?? []) on(date, id, 'meeting.decision.record', 'jo-whitfield', { decisionId, decision, ...(action ? { action } : {}) });
  if (o.minutes) on(o.minutes, id, 'meeting.minutes.publish', 'jo-whitfield', { link: `${SITE}/board/minutes-${date}.pdf` });
}

meeting('board-2026-01-21', '2026-01-21', {
  papers: '2026-01-14',
  reports: [['2026-01-12', 'voice', 'What the Children in Care Council said about the last pledge, and how they want to write the next one.']],
  present: [['margaret-ashdown'], ['daniel-okafor'], ['rachel-hume'], ['paul-brennan'], ['ruth-kendrick'], ['fiona-grant'], ['jo-whitfield']],
  decisions: [['d1', 'The new pledge will be written with the Children in Care Council over three workshops in February and March.']],
  minutes: '2026-02-03',
});
meeting('board-2026-04-22', '2026-04-22', {
  papers: '2026-04-15',
  reports: [['2026-04-14', 'voice', 'The draft pledge of ten promises, as the workshops wrote it.']],
  questions: [['2026-04-01', 'q1', 'Will every promise have someone named who answers for it?']],
  present: [['margaret-ashdown'], ['daniel-okafor'], ['rachel-hume'], ['karen-doyle', 'paul-brennan'], ['ruth-kendrick'], ['fiona-grant'], ['jo-whitfield']],
  apologies: ['paul-brennan'],
  answers: [['q1', 'Yes: each promise has an owner on the board, and their name is printed next to it in the pledge.']],
  decisions: [['d1', 'The board adopts the pledge and the action plan.']],
  minutes: '2026-05-05',
});
meeting('board-2026-07-15', '2026-07-15', {
  papers: '2026-07-08',
  reports: [['2026-07-06', 'ete', 'Personal education plans, tutoring and the college offer: first quarter.']],
  questions: [['2026-06-24', 'q1', 'Why do so few of us get work experience in the summer?']],
  present: [['margaret-ashdown'], ['daniel-okafor'], ['sunita-rao', 'rachel-hume'], ['jo-whitfield']],
  apologies: ['rachel-hume', 'paul-brennan', 'ruth-kendrick', 'fiona-grant'],
  answers: [['q1', 'Employers were asked too late this year; the work experience week is being planned for next summer with the college.']],
  decisions: [['d1', 'Decisions put off to October: the meeting was not quorate.']],
  minutes: '2026-07-28',
});
meeting('board-2026-10-14', '2026-10-14', {
  papers: '2026-10-07',
  reports: [['2026-10-09', 'homes', 'Fostering recruitment, planned moves and housing for care leavers: second quarter.']],
  questions: [['2026-09-23', 'q1', 'Can care leavers see the rooms before they are offered a flat?']],
  present: [['margaret-ashdown'], ['daniel-okafor'], ['rachel-hume'], ['paul-brennan'], ['ruth-kendrick'], ['fiona-grant'], ['jo-whitfield']],
  answers: [['q1', 'Housing Options will offer a viewing before every offer from November.']],
  decisions: [
    ['d1', 'The integrated care board to bring a recovery plan for late health assessments to the January meeting.', 'HLT-01'],
    ['d2', 'Agree the decisions put off from July: the tutoring offer is extended to Year 11.', 'ETE-06'],
  ],
  minutes: '2026-10-27',
});
on('2026-11-11', 'board-2027-01-20', 'meeting.question.ask', 'jo-whitfield', {
  questionId: 'q1',
  question: 'How long should we wait to see someone about our mental health?',
});

// --- The scrutiny committee's review of care leavers into work ------------------------
// Five recommendations, made on 8 July; the cabinet answered four by September, and the
// fifth is still waiting (its answer was due on 8 September).

on('2026-09-02', 'REC-1', 'recommendation.respond', 'graham-wells', { response: 'accepted' });
on('2026-09-02', 'REC-2', 'recommendation.respond', 'graham-wells', {
  response: 'partly-accepted',
  reason: 'The guaranteed interview is accepted; ten ring-fenced places a year are not affordable, so six will be ring-fenced from April.',
});
on('2026-09-02', 'REC-3', 'recommendation.respond', 'graham-wells', {
  response: 'rejected',
  reason: 'Travel costs are already met for the first three months through the care leavers\' setting-up grant; a year-long pass has no budget this year.',
});
on('2026-09-02', 'REC-4', 'recommendation.respond', 'graham-wells', { response: 'accepted' });
on('2026-09-14', 'REC-1', 'recommendation.start', 'tom-aldridge');
on('2026-10-19', 'REC-1', 'recommendation.update', 'tom-aldridge', { note: 'Four of the eleven commissioned services have offered a placement so far.' });
on('2026-09-21', 'REC-4', 'recommendation.implement', 'naomi-clarke', { note: 'The college names a contact at enrolment and tells the virtual school the same week.' });
on('2026-11-12', 'REC-4', 'recommendation.sign-off', 'david-penrose', { note: 'Seen working at the college visit in November.' });
on('2026-11-02', 'REC-2', 'recommendation.start', 'tom-aldridge');
on('2026-11-16', 'REC-2', 'recommendation.implement', 'tom-aldridge', { note: 'The interview guarantee is in the apprenticeship policy; six places ring-fenced from April.' });

// ---------------------------------------------------------------------------------------
// Times: office hours on working days (UK time), in the order the steps were written.

const FIRST_DAY = '2026-01-12';
const LAST_DAY = '2026-11-20';

/** Hours to subtract from UK local time to get UTC: British Summer Time in 2026 runs 29 March to 25 October. */
const utcOffsetHours = (date: string) => (date >= '2026-03-29' && date < '2026-10-25' ? 1 : 0);

function timesFor(date: string, count: number): number[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const window = 7 * 60 + 30; // 09:00 to 16:30
  const gap = Math.min(45, window / (count + 1));
  let minute = 9 * 60 + Math.floor(timeRandom() * gap);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) minute += Math.max(2, Math.floor(gap * (0.4 + 0.6 * timeRandom())));
    const second = Math.floor(timeRandom() * 60);
    out.push(Date.UTC(y, m - 1, d, Math.floor(minute / 60) - utcOffsetHours(date), minute % 60, second));
  }
  return out;
}

const byDate = new Map<string, Step[]>();
for (const step of steps) {
  if (step.date < FIRST_DAY || step.date > LAST_DAY) throw new Error(`Step on ${step.date} is outside ${FIRST_DAY} to ${LAST_DAY}.`);
  if (!isWorkingDay(step.date)) throw new Error(`Step on ${step.date} (${step.stream} ${step.type}) is not a working day.`);
  const list = byDate.get(step.date) ?? [];
  list.push(step);
  byDate.set(step.date, list);
}

const timed: { step: Step; ms: number }[] = [];
for (const date of [...byDate.keys()].sort()) {
  const list = byDate.get(date)!;
  const times = timesFor(date, list.length);
  list.forEach((step, i) => timed.push({ step, ms: times[i]! }));
}
timed.sort((a, b) => a.ms - b.ms || a.step.order - b.step.order);

// ---------------------------------------------------------------------------------------
// Drive the engine.

const tracker = createTracker({ plan });
for (const { step, ms } of timed) {
  const input = {
    id: createEventId(ms, seededRandomBytes),
    stream: step.stream,
    type: step.type,
    data: step.data ?? {},
    actor: actor(step.by),
    at: new Date(ms).toISOString().replace('.000Z', 'Z'),
  } as EventInput;
  const result = tracker.send(input);
  if (!result.ok) {
    throw new Error(`${step.date} ${step.stream} ${step.type} by ${step.by} was refused:\n  ${result.reasons.join('\n  ')}`);
  }
  if (result.duplicate) throw new Error(`${step.date} ${step.stream} ${step.type}: event id ${input.id} was already used.`);
  if (result.warnings.length) {
    throw new Error(`${step.date} ${step.stream} ${step.type} has privacy warnings:\n  ${result.warnings.join('\n  ')}`);
  }
}

writeFileSync(LOG_PATH, stringifyEventLog(tracker.events()));

const states = new Map<string, number>();
for (const a of tracker.actions()) states.set(a.state, (states.get(a.state) ?? 0) + 1);
const promiseStates = new Map<string, number>();
for (const p of tracker.promises()) promiseStates.set(p.state, (promiseStates.get(p.state) ?? 0) + 1);
console.log(`Wrote ${tracker.events().length} events to ${LOG_PATH}`);
console.log(`Actions: ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`Promises: ${[...promiseStates].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`Meetings: ${tracker.meetings().map((m) => `${m.id} ${m.state}`).join(', ')}`);
console.log(`Recommendations: ${tracker.recommendations().map((r) => `${r.id} ${r.state}`).join(', ')}`);
