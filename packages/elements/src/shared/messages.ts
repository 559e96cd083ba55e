import type { MeasureProgress } from '@pledgeflow/core';
import { boardMessages } from './board-messages.js';

/**
 * Every word the elements show, in one object a host can override in part:
 * `el.messages = { overdueOnly: 'Late only' }`. Functions take the values they need.
 */
export const defaultMessages = {
  loading: 'Loading the plan…',
  loadFailed: 'The plan could not be loaded.',
  noTracker: 'No plan is loaded yet.',
  // BRAG words: shown beside every colour.
  brag: { blue: 'Done', red: 'Overdue', amber: 'At risk', green: 'On track', grey: 'Not active' } as Record<string, string>,
  /** Beside amber's colour, instead of "At risk", when the only problem is a review date that has passed. */
  reviewOverdue: 'Review overdue',
  states: {
    draft: 'Draft', agreed: 'Agreed', inProgress: 'In progress', atRisk: 'At risk', completed: 'Completed',
    verified: 'Verified', deferred: 'Deferred', withdrawn: 'Withdrawn', drafted: 'Drafted', adopted: 'Adopted',
    onTrack: 'On track', kept: 'Kept', notKept: 'Not kept', retired: 'Retired',
  } as Record<string, string>,
  evidenceStatus: { submitted: 'Waiting to be checked', accepted: 'Accepted', returned: 'Returned' } as Record<string, string>,
  // Lists and filters
  actionsCaption: 'Action plan',
  showing: (shown: number, total: number) => (shown === total ? `Showing all ${total} actions` : `Showing ${shown} of ${total} actions`),
  filterWorkstream: 'Working group',
  filterAgency: 'Agency',
  agencyInvolved: 'Leads or contributes',
  agencyLeads: 'Leads',
  agencyInvolvedOption: (agency: string) => `${agency} (leads or contributes)`,
  agencyLeadsOption: (agency: string) => `${agency} (leads)`,
  filterOwner: 'Owner',
  filterState: 'Stage',
  filterStatus: 'Status',
  overdueOnly: 'Overdue only',
  any: 'Any',
  clearFilters: 'Clear filters',
  noMatches: 'No actions match these filters.',
  sortBy: (column: string) => `Sort by ${column}`,
  // <pledge-action-list>
  filtersTitle: 'Filter actions',
  sortedBy: (column: string, ascending: boolean) => `Sorted by ${column}, ${ascending ? 'ascending' : 'descending'}.`,
  tableScrollLabel: 'Action plan table (scrolls sideways on small screens)',
  columns: {
    title: 'Action', owner: 'Owner', leadAgency: 'Lead agency', workstream: 'Working group',
    dueDate: 'Due', state: 'Stage', status: 'Status', daysOverdue: 'Days overdue',
  } as Record<string, string>,
  // One action
  details: 'Details',
  leadAgency: 'Lead agency',
  owner: 'Owner',
  partners: 'Contributing partners',
  workstream: 'Working group',
  dueDate: 'Due date',
  reviewDate: 'Next review',
  promises: 'Promises it delivers',
  principles: 'Corporate parenting principles',
  evidence: 'Evidence',
  noEvidence: 'No evidence yet.',
  history: 'History',
  noHistory: 'Nothing has happened to this item yet.',
  nextSteps: 'What you can do',
  noSteps: 'There is nothing you can do on this item.',
  whyNot: 'Why not',
  noOwner: 'No owner',
  none: 'None',
  reason: 'Reason',
  note: 'Note (optional)',
  newDueDate: 'New due date',
  newOwner: 'New owner',
  nextReviewDate: 'Next review date (optional)',
  judgement: 'Judgement',
  confirm: 'Confirm',
  cancel: 'Cancel',
  stepDone: (step: string) => `Done: ${step}.`,
  stepRefused: 'That step was not taken:',
  // <pledge-action>
  actionNotFound: (id: string) => `There is no action with the id "${id}" in this plan.`,
  noActor: 'You are not signed in, so you can look but not change anything.',
  stage: 'Stage',
  statusWhy: 'Why this status',
  description: 'What it is',
  deferredUntil: 'Deferred until',
  latestProgress: 'Latest progress',
  progressBy: (name: string, date: string) => `${name}, ${date}`,
  submittedBy: (name: string, agency: string, date: string) => `Submitted by ${name} (${agency}) on ${date}`,
  checkedBy: (name: string, date: string) => `Checked by ${name} on ${date}`,
  evidenceDate: (date: string) => `Date it happened: ${date}`,
  evidenceLink: (host: string) => `Open the document on ${host}`,
  linkNotShown: 'Link not shown: only secure links starting with https:// are shown.',
  returnedBecause: 'Returned because:',
  resubmissions: (n: number) => (n === 1 ? 'Resubmitted once' : `Resubmitted ${n} times`),
  historyBy: (role: string) => `as ${role}`,
  /** A history entry: who, from which agency, and what they did (`historyEvents`). */
  historyLine: (name: string, agency: string, what: string) => `${name} (${agency}) ${what}`,
  /** What each step did, from its facts: names and dates already as people say them. */
  historyEvents: {
    'action.agree': () => 'agreed the action',
    'action.start': () => 'started work',
    'action.progress': (f) => `recorded progress: ${f.note}`,
    'action.flag-risk': (f) => `flagged a risk: ${f.reason}`,
    'action.clear-risk': () => 'cleared the risk',
    'action.complete': () => 'marked the action complete',
    'action.verify': () => 'verified that the action is complete',
    'action.reopen': (f) => `reopened the action: ${f.reason}`,
    'action.defer': (f) => `deferred the action${f.until ? ` until ${f.until}` : ''}: ${f.reason}`,
    'action.resume': () => 'resumed the action',
    'action.withdraw': (f) => `withdrew the action: ${f.reason}`,
    'action.review': (f) => `recorded a review${f.nextReviewDate ? `; the next review is on ${f.nextReviewDate}` : ''}`,
    'action.owner.change': (f) => `gave the action to ${f.owner}${f.previousOwner ? ` (it was ${f.previousOwner}’s)` : ''}`,
    'action.due-date.change': (f) => `moved the due date ${f.previousDueDate ? `from ${f.previousDueDate} ` : ''}to ${f.dueDate}: ${f.reason}`,
    'action.evidence.add': (f) => `added evidence “${f.evidence}”`,
    'action.evidence.accept': (f) => `accepted evidence “${f.evidence}”`,
    'action.evidence.return': (f) => `returned evidence “${f.evidence}”: ${f.reason}`,
    'action.evidence.resubmit': (f) => `resubmitted evidence “${f.evidence}”`,
    'promise.adopt': () => 'adopted the promise',
    'promise.judge': (f) => `judged the promise ${({ 'on-track': 'on track', 'at-risk': 'at risk', kept: 'kept', 'not-kept': 'not kept' } as Record<string, string>)[f.judgement ?? ''] ?? f.judgement}${f.reason ? `: ${f.reason}` : ''}`,
    'promise.review': (f) => `recorded a review${f.nextReviewDate ? `; the next review is on ${f.nextReviewDate}` : ''}`,
    'promise.owner.change': (f) => `gave the promise to ${f.owner}${f.previousOwner ? ` (it was ${f.previousOwner}’s)` : ''}`,
    'promise.retire': (f) => `retired the promise: ${f.reason}`,
    'promise.restore': () => 'restored the promise',
  } as Record<string, (facts: HistoryFacts) => string>,
  // Why an action has its status (beside the badge), dates as people say them.
  whyLate: (due: string, days: number, working: number) =>
    `Due ${due}, ${days} ${days === 1 ? 'day' : 'days'} ago (${working} working ${working === 1 ? 'day' : 'days'})`,
  whyLateWithinGrace: (due: string, days: number, working: number, grace: number) =>
    `Due ${due}, ${days} ${days === 1 ? 'day' : 'days'} ago (${working} working ${working === 1 ? 'day' : 'days'}), within the ${grace} working-day grace`,
  whyFlagged: (reason: string | undefined) => (reason ? `Flagged at risk: ${reason}` : 'Flagged at risk'),
  whyReviewOverdue: (date: string) => `Its review was due on ${date} and has not been recorded`,
  whyDueSoon: (due: string) => `Due soon, on ${due}`,
  whyOnTrack: (due: string) => `Due ${due}`,
  whyNoDueDate: 'No due date yet',
  whyClosed: (stage: string) => stage,
  cannotTitle: 'What you cannot do now, and why',
  notYourSteps: (n: number) => `${n} other ${n === 1 ? 'step' : 'steps'} that your role does not take, and why`,
  stepButtons: {
    'action.agree': 'Agree this action', 'action.start': 'Start work', 'action.progress': 'Record progress',
    'action.flag-risk': 'Flag a risk', 'action.clear-risk': 'Clear the risk', 'action.complete': 'Mark as complete',
    'action.verify': 'Verify it is complete', 'action.reopen': 'Reopen', 'action.defer': 'Defer',
    'action.resume': 'Resume', 'action.withdraw': 'Withdraw', 'action.review': 'Record a review',
    'action.owner.change': 'Change the owner', 'action.due-date.change': 'Change the due date',
    'action.evidence.add': 'Add evidence', 'action.evidence.accept': 'Accept evidence',
    'action.evidence.return': 'Return evidence', 'action.evidence.resubmit': 'Resubmit evidence',
  } as Record<string, string>,
  stepFields: {
    note: 'Note (optional)', progressNote: 'What progress was made', reason: 'Reason', until: 'Defer until (optional)',
    nextReviewDate: 'Next review date (optional)', dueDate: 'New due date', owner: 'New owner', evidenceId: 'Which evidence',
  } as Record<string, string>,
  stepFieldErrors: {
    note: 'Enter what progress was made', reason: 'Enter the reason', dueDate: 'Enter the new due date as a real date',
    until: 'Enter the date as a real date, or leave it empty', nextReviewDate: 'Enter the date as a real date, or leave it empty',
    owner: 'Choose the new owner', evidenceId: 'Choose which evidence',
  } as Record<string, string>,
  stepWarnings: 'Done, but please check:',
  chooseOwner: 'Choose a person',
  // Evidence form
  evidenceFormTitle: 'Add evidence',
  summary: 'What happened',
  summaryHint: 'Describe the service, not a child. Do not include names, dates of birth or NHS numbers.',
  link: 'Link (optional)',
  linkHint: 'A link to a document on a secure site, starting with https://',
  date: 'Date it happened',
  dateHint: 'For example, 27 3 2026',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  submitEvidence: 'Submit evidence',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  draftRestored: 'We restored what you typed before.',
  personalDataWarning: 'This looks like it may contain a child’s personal data:',
  evidenceAdded: 'Your evidence was submitted. A lead or board member will check it.',
  // <pledge-evidence-form>
  evidenceResubmitTitle: 'Resubmit evidence',
  resubmitEvidence: 'Resubmit evidence',
  evidenceResubmitted: 'Your evidence was resubmitted. A lead or board member will check it again.',
  evidenceFor: (title: string) => `For the action: ${title}`,
  evidenceNotNow: (stage: string) => `Evidence cannot be added to this action while it is ${stage.toLowerCase()}.`,
  evidenceCannot: 'You cannot add evidence to this action:',
  evidenceErrors: {
    summaryMissing: 'Enter what happened',
    summaryTooLong: 'What happened must be 2,000 characters or fewer',
    linkInvalid: 'Enter a link that starts with https://, or leave it empty',
    dateMissing: 'Enter the date it happened',
    dateInvalid: 'Date it happened must be a real date',
    dateFuture: 'Date it happened must be today or in the past',
    personalData: 'Remove what looks like a child’s personal data: this plan does not accept it',
  } as Record<string, string>,
  dateMissingPart: (parts: string[]) => `Date it happened must include a ${parts.join(' and a ')}`,
  personalDataAdvice: 'You can still submit it, but please take it out if it is about a particular child.',
  // Reports
  overdueTitle: 'Overdue actions',
  groupBy: 'Group by',
  groupOwner: 'Owner',
  groupAgency: 'Agency',
  groupWorkstream: 'Working group',
  daysOverdue: (days: number, working: number) =>
    `${days} ${days === 1 ? 'day' : 'days'} (${working} working ${working === 1 ? 'day' : 'days'})`,
  slippedTitle: 'Due dates moved later',
  noEvidenceTitle: 'Promises with no accepted evidence',
  noActionTitle: 'Corporate parenting principles with no action',
  downloadCsv: 'Download as CSV',
  print: 'Print',
  nothingOverdue: 'Nothing is overdue.',
  scrutinyTitle: 'Scrutiny report',
  reportFor: (plan: string, council: string, date: string) => `${plan}. ${council}. As it stood on ${date}.`,
  atAGlance: 'At a glance',
  overdueCount: (n: number) => (n === 1 ? '1 action is overdue' : `${n} actions are overdue`),
  atRiskCount: (n: number) => (n === 1 ? '1 action is flagged at risk' : `${n} actions are flagged at risk`),
  slippedCount: (n: number) => (n === 1 ? '1 action has had its due date moved later' : `${n} actions have had their due date moved later`),
  noEvidenceCount: (n: number, total: number) => `${n} of ${total} ${total === 1 ? 'promise' : 'promises'} ${n === 1 ? 'has' : 'have'} no accepted evidence`,
  noActionCount: (n: number) => `${n} of the 7 corporate parenting principles ${n === 1 ? 'has' : 'have'} no action`,
  overdueGroup: (by: string, name: string, n: number) => `${by}: ${name} (${n} overdue)`,
  atRiskTitle: 'Actions flagged at risk',
  reviewsOverdueCount: (n: number) => (n === 1 ? '1 action has a review overdue' : `${n} actions have a review overdue`),
  evidenceWaitingCount: (n: number) => (n === 1 ? '1 piece of evidence is waiting to be checked' : `${n} pieces of evidence are waiting to be checked`),
  dueSoonCount: (n: number) => (n === 1 ? '1 action is due in the next two weeks' : `${n} actions are due in the next two weeks`),
  reviewsOverdueTitle: 'Reviews overdue',
  reviewsOverdueNote: 'These actions show “Review overdue” in the action plan. Their BRAG status is amber, but unless someone has flagged them they are not counted as flagged at risk.',
  noReviewsOverdue: 'No action’s review is overdue.',
  reviewWasDue: (date: string, days: number) => `Was due ${date}, ${days} ${days === 1 ? 'day' : 'days'} ago`,
  evidenceWaitingTitle: 'Evidence waiting to be checked',
  noEvidenceWaiting: 'No evidence is waiting to be checked.',
  submittedFrom: (name: string, agency: string) => `${name} (${agency})`,
  waitingDays: (days: number) => (days === 0 ? 'Sent today' : `Waiting ${days} ${days === 1 ? 'day' : 'days'}`),
  dueSoonTitle: 'Due soon',
  nothingDueSoon: 'No open action is due in the next two weeks.',
  dueOn: (date: string, days: number) => (days === 0 ? `${date} (today)` : `${date} (in ${days} ${days === 1 ? 'day' : 'days'})`),
  noneAtRisk: 'No action is flagged at risk.',
  noneSlipped: 'No due date has been moved later.',
  allPromisesEvidenced: 'Every promise has accepted evidence.',
  allPrinciplesCovered: 'Every corporate parenting principle has at least one action.',
  reportColumns: {
    action: 'Action', owner: 'Owner', leadAgency: 'Lead agency', workstream: 'Working group',
    overdueBy: 'Overdue by', stage: 'Stage', why: 'Why', firstDue: 'First due', nowDue: 'Now due',
    moves: 'Moves and reasons', promise: 'Promise', delivering: 'Actions delivering it',
    reviewDue: 'Review was due', submittedBy: 'Submitted by', evidence: 'Evidence', due: 'Due',
  } as Record<string, string>,
  wasDue: (date: string) => `Was due ${date}`,
  dueDateMoved: (from: string, to: string, on: string, by: string, reason: string) =>
    `${from ? `From ${from} to ${to}` : `Set to ${to}`}, on ${on} by ${by}: ${reason}`,
  reportLoaded: (groups: number, by: string) => `Overdue actions grouped by ${by.toLowerCase()}: ${groups} ${groups === 1 ? 'group' : 'groups'}.`,
  // <pledge-my-work>
  myWorkTitle: 'My work',
  myWorkSignIn: 'Sign in to see what is waiting for you.',
  myWorkIntro: (check: number, owned: number, reviews: number) =>
    `Waiting for you: ${check} ${check === 1 ? 'piece' : 'pieces'} of evidence to check, ${owned} ${owned === 1 ? 'action' : 'actions'} you own, ${reviews} ${reviews === 1 ? 'review' : 'reviews'} due.`,
  myWorkToCheck: 'Evidence waiting for you to accept or return',
  myWorkNothingToCheck: 'No evidence is waiting for you.',
  myWorkSubmitted: (name: string, agency: string) => `Submitted by ${name} (${agency})`,
  myWorkToResubmit: 'Evidence returned to you',
  myWorkReturned: (reason: string) => `Returned because: ${reason}`,
  myWorkOwned: 'Actions you own',
  myWorkNothingOwned: 'You do not own any open actions.',
  myWorkDue: (date: string) => `Due ${date}`,
  myWorkReviews: 'Your reviews due',
  myWorkNoReviews: 'No reviews are due in the next two weeks.',
  myWorkReviewDue: (date: string) => `Review due ${date}`,
  myWorkReviewWasDue: (date: string) => `Review was due ${date}`,
  myWorkAgency: (agency: string) => `${agency}: actions it leads or contributes to`,
  myWorkNoAgency: (agency: string) => `${agency} does not lead or contribute to any action.`,
  myWorkLeads: (agency: string) => `${agency} leads it`,
  myWorkContributes: (agency: string, lead: string) => `${agency} contributes; ${lead} leads it`,
  // Promises
  pledgeTitle: 'Our promises to you',
  youSaid: 'You said',
  weDid: 'We did',
  stillWorking: 'We are still working on this.',
  actionsDeliver: (n: number) => (n === 0 ? 'No actions deliver this promise yet.' : n === 1 ? '1 action delivers this promise:' : `${n} actions deliver this promise:`),
  bragCount: (word: string, n: number) => `${word}: ${n}`,
  promiseHeading: (n: number, title: string) => `Promise ${n}: ${title}`,
  childProgress: (done: number, total: number) =>
    total === 0 ? 'We are still working out the things we will do.'
    : total === 1 ? (done ? 'We have done the one thing we said we would.' : 'We have not yet done the one thing we said we would.')
    : `We have done ${done} of the ${total} things we said we would.`,
  childStates: {
    drafted: 'We are still writing this promise with you.', adopted: 'We are working on this promise.',
    onTrack: 'This promise is going well.', atRisk: 'We are finding this promise hard to keep.',
    kept: 'We kept this promise.', notKept: 'We did not keep this promise.', retired: 'This promise is no longer part of our pledge.',
  } as Record<string, string>,
  youSaidWeDidTitle: 'You said, we did',
  saidBy: (from: string, date: string) => `${from}, ${date}`,
  noFeedback: 'Nothing yet. Tell us what you think.',
  noPromises: 'There are no promises in this plan yet.',
  // Measures
  target: 'Target',
  latest: 'Latest',
  higherBetter: 'Higher is better',
  lowerBetter: 'Lower is better',
  period: 'Period',
  value: 'Value',
  source: 'Source',
  measuresTitle: 'Measures of success',
  baseline: 'Baseline',
  measureValue: (value: number, unit: string) =>
    unit === 'percent' ? `${value}%` : unit === 'rate-per-10000' ? `${value} per 10,000` : unit === 'days' ? `${value} days` : String(value),
  latestValue: (value: string, period: string) => `${value} in ${period}`,
  /** A measure in one sentence, under its title and as the chart's text alternative. */
  measureSummary: (progress: MeasureProgress) => progress.summary,
  figuresCaption: (title: string, target: string) => `${title}: the figures by period (target ${target})`,
  chartFigures: 'Figures',
  noFigures: 'No figures yet.',
  noMeasures: 'There are no measures in this plan yet.',
  measureNotFound: (id: string) => `There is no measure with the id "${id}" in this plan.`,
  // Deadlines
  deadlinesTitle: 'Board meetings and deadlines',
  meeting: 'Meeting',
  papersDue: 'Papers due',
  cicReportDue: 'Report to the Children in Care Council',
  minutesDue: 'Minutes due',
  downloadIcs: 'Add to calendar (.ics)',
  theme: 'Theme',
  noMeetings: 'No board meetings are planned from today.',
  whenDue: (days: number) =>
    days === 0 ? 'today' : days === 1 ? 'tomorrow' : days > 1 ? `in ${days} days` : days === -1 ? 'yesterday, passed' : `${-days} days ago, passed`,
  meetingOn: (date: string) => `Meeting on ${date}`,
  meetingCancelled: (reason: string) => `Cancelled${reason ? `: ${reason}` : ''}`,
  meetingMoved: (from: string) => `Moved from ${from}`,
  icsResponseDue: (n: number, review: string) => `The cabinet's response to scrutiny recommendation ${n} is due (${review})`,
  icsSummary: (kind: string, board: string, meetingDate: string) =>
    kind === 'meeting' ? board
    : kind === 'papers' ? `Papers due for the ${board} on ${meetingDate}`
    : kind === 'cicc-report' ? `Reports due to the Children in Care Council for the ${board} on ${meetingDate}`
    : `Minutes due from the ${board} on ${meetingDate}`,
  icsDescription: (kind: string, theme: string, board: { papersWorkingDaysBefore: number; childrenInCareCouncilDaysBefore: number; minutesDaysAfter: number }) =>
    kind === 'meeting' ? `Theme: ${theme}. The time and place are in the meeting invitation.`
    : kind === 'papers' ? `Members get the agenda and papers ${board.papersWorkingDaysBefore} working days before the meeting (${theme}).`
    : kind === 'cicc-report' ? `Reports are shared with the Children in Care Council ${board.childrenInCareCouncilDaysBefore} days before the meeting (${theme}).`
    : `Minutes are circulated ${board.minutesDaysAfter} days after the meeting (${theme}).`,
  // Tracker
  views: {
    mine: 'My work', promises: 'Promises', actions: 'Action plan', overdue: 'Overdue', measures: 'Measures', deadlines: 'Deadlines',
    meetings: 'Board meetings', recommendations: 'Recommendations',
  } as Record<string, string>,
  signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
  back: 'Back to the list',
  dismiss: 'Dismiss',
  dismissNotice: (text: string) => `Dismiss: ${text}`,
  // <pledge-tracker>
  viewsLabel: 'Parts of the tracker',
  notSignedIn: 'Not signed in: you can look but not change anything.',
  noSource: 'No plan to show: set the src attribute to a plan file, or the tracker property.',
  httpProblem: (url: string, status: number, text: string) => `${url}: the server answered ${status}${text ? ` ${text}` : ''}. Check the address.`,
  networkProblem: (url: string, message: string) => `${url}: could not be fetched (${message}). Check the address and your connection.`,
  planProblemsIntro: (url: string) => `The plan file ${url} has problems:`,
  logProblems: (n: number) => (n === 1 ? '1 line of the event log could not be read and was left out:' : `${n} lines of the event log could not be read and were left out:`),
  logLine: (line: number, message: string) => `Line ${line}: ${message}`,
  moreProblems: (n: number, listed: number) => `And ${n.toLocaleString('en-GB')} more ${n === 1 ? 'problem' : 'problems'} (only the first ${listed} are listed).`,
  rejectedEvents: (n: number) => (n === 1 ? '1 event in the log does not fit the plan and was left out:' : `${n} events in the log do not fit the plan and were left out:`),
  planPeriod: (council: string, start: string, end: string) => `${council}, ${start} to ${end}`,
  // <pledge-meetings> and <pledge-recommendations>
  ...boardMessages,
};

export type Messages = typeof defaultMessages;

/** What a history entry's words are made from: names and dates already as people say them. */
export interface HistoryFacts {
  note?: string | undefined;
  reason?: string | undefined;
  until?: string | undefined;
  nextReviewDate?: string | undefined;
  dueDate?: string | undefined;
  previousDueDate?: string | undefined;
  owner?: string | undefined;
  previousOwner?: string | undefined;
  /** The evidence, by its summary. */
  evidence?: string | undefined;
  judgement?: string | undefined;
}
/** What a host may pass: any part of the messages. */
export type MessageOverrides = { [K in keyof Messages]?: Messages[K] extends Record<string, string> ? Partial<Messages[K]> : Messages[K] };

const merged = new WeakMap<object, Messages>();

export function mergeMessages(overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return defaultMessages;
  const cached = merged.get(overrides);
  if (cached) return cached;
  const out: Record<string, unknown> = { ...defaultMessages };
  for (const [key, value] of Object.entries(overrides)) {
    const base = (defaultMessages as Record<string, unknown>)[key];
    out[key] = base && typeof base === 'object' && value && typeof value === 'object' ? { ...base, ...value } : value;
  }
  merged.set(overrides, out as Messages);
  return out as Messages;
}
