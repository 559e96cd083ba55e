// @pledgeflow/elements: the classes. Importing this registers nothing; import
// '@pledgeflow/elements/define.js' to register every element under its `pledge-` name.
export { PledgeElement } from './shared/pledge-element.js';
export { TrackerController } from './shared/tracker-controller.js';
export { TodayController } from './shared/today-controller.js';
export { defaultMessages, mergeMessages } from './shared/messages.js';
export type { Messages, MessageOverrides } from './shared/messages.js';
export { PledgeStepEvent, PledgeSelectEvent, PledgeFilterEvent, PledgeErrorEvent, PledgeLoadEvent, PledgeActorChangeEvent } from './shared/events.js';
export type { TakenStep } from './shared/events.js';
export { safeHref } from './shared/safe-link.js';
export { defineElement } from './shared/define.js';
export { tokens } from './shared/tokens.styles.js';
export { PledgeStatus } from './status/status.js';
export { PledgeOverdueReport, OVERDUE_GROUP_BY } from './overdue-report/overdue-report.js';
export type { OverdueGroupBy } from './overdue-report/overdue-report.js';
export { PledgePromises } from './promises/promises.js';
export { PledgeMeasure, MEASURE_CHARTS } from './measure/measure.js';
export type { MeasureChart } from './measure/measure.js';
export { PledgeDeadlines } from './deadlines/deadlines.js';
export { PledgeActionList } from './action-list/action-list.js';
export type { ActionListColumn } from './action-list/action-list.js';
export { PledgeAction } from './action/action.js';
export { PledgeEvidenceForm, draftKey } from './evidence-form/evidence-form.js';
export type { EvidenceDraft } from './evidence-form/evidence-form.js';
export { PledgeMyWork, myWork } from './my-work/my-work.js';
export type { MyWork } from './my-work/my-work.js';
export { PledgeTracker, TRACKER_VIEWS } from './tracker/tracker.js';
export type { TrackerView } from './tracker/tracker.js';
