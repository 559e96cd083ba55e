// Registers every pledgeflow element. Safe to import twice; names already taken are left alone.
import { defineElement } from './shared/define.js';
import { PledgeStatus } from './status/status.js';
import { PledgeOverdueReport } from './overdue-report/overdue-report.js';
import { PledgePromises } from './promises/promises.js';
import { PledgeMeasure } from './measure/measure.js';
import { PledgeDeadlines } from './deadlines/deadlines.js';
import { PledgeActionList } from './action-list/action-list.js';
import { PledgeAction } from './action/action.js';
import { PledgeEvidenceForm } from './evidence-form/evidence-form.js';
import { PledgeTracker } from './tracker/tracker.js';
import { PledgeMyWork } from './my-work/my-work.js';
import { PledgeSyncStatus } from './sync-status/sync-status.js';
import { PledgeMeetings } from './meetings/meetings.js';
import { PledgeRecommendations } from './recommendations/recommendations.js';

defineElement('pledge-status', PledgeStatus);
defineElement('pledge-overdue-report', PledgeOverdueReport);
defineElement('pledge-promises', PledgePromises);
defineElement('pledge-measure', PledgeMeasure);
defineElement('pledge-deadlines', PledgeDeadlines);
defineElement('pledge-action-list', PledgeActionList);
defineElement('pledge-action', PledgeAction);
defineElement('pledge-evidence-form', PledgeEvidenceForm);
defineElement('pledge-my-work', PledgeMyWork);
defineElement('pledge-sync-status', PledgeSyncStatus);
defineElement('pledge-meetings', PledgeMeetings);
defineElement('pledge-recommendations', PledgeRecommendations);
defineElement('pledge-tracker', PledgeTracker);

declare global {
  interface HTMLElementTagNameMap {
    'pledge-status': PledgeStatus;
    'pledge-overdue-report': PledgeOverdueReport;
    'pledge-promises': PledgePromises;
    'pledge-measure': PledgeMeasure;
    'pledge-deadlines': PledgeDeadlines;
    'pledge-action-list': PledgeActionList;
    'pledge-action': PledgeAction;
    'pledge-evidence-form': PledgeEvidenceForm;
    'pledge-my-work': PledgeMyWork;
    'pledge-sync-status': PledgeSyncStatus;
    'pledge-meetings': PledgeMeetings;
    'pledge-recommendations': PledgeRecommendations;
    'pledge-tracker': PledgeTracker;
  }
}
