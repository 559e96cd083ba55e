// The scrutiny report's sections on the board's year and on scrutiny recommendations: the
// board and recommendation queries' answers, with names in place of ids, remembered per state
// and day as the rest of the report is.
import { RECOMMENDATION_STATES, type RecommendationState } from '../machines/states.js';
import type { RecommendationView } from '../items/views.js';
import { planNames } from '../schema/plan-names.js';
import { recommendationTitle } from '../schema/titles.js';
import type { PlanState } from '../tracker/types.js';
import { boardAttendance, meetingsNotQuorate, reportingSchedule, reportsNotReceived } from './board.js';
import { awaitingSignOff, rejectedRecommendations, responsesOverdue } from './recommendations.js';
import type { BoardSection, RecommendationsSection } from './report-types.js';

export interface BoardReport {
  board: BoardSection;
  recommendations: RecommendationsSection;
}

const remembered = new WeakMap<PlanState, { today: string; report: BoardReport }>();

/** @internal The report's board and recommendation sections for `state` on `today` (checked by the caller), remembered per frozen state. */
export function boardReport(state: PlanState, today: string): BoardReport {
  const known = remembered.get(state);
  if (known?.today === today) return known.report;
  const report = deepFreeze({ board: boardSection(state, today), recommendations: recommendationsSection(state, today) });
  if (Object.isFrozen(state)) remembered.set(state, { today, report });
  return report;
}

function boardSection(state: PlanState, today: string): BoardSection {
  const { plan } = state;
  const n = planNames(plan);
  const meetingOf = new Map(state.meetings.map((m) => [m.id, m]));
  const leadOf = new Map(plan.workstreams.map((w) => [w.id, w.lead]));
  const schedule = reportingSchedule(state, today);
  return {
    meetingsNotQuorate: meetingsNotQuorate(state).map((q) => {
      const m = meetingOf.get(q.meeting)!;
      return { id: m.id, title: m.title, date: m.date, agencies: q.agencies.map((a) => n.agency(a)), needed: q.needed, reason: q.reason };
    }),
    attendanceBelowExpectation: boardAttendance(state, today)
      .filter((a) => a.belowExpectation)
      .map((a) => ({
        personId: a.person, person: n.person(a.person), agency: n.agency(a.agency), held: a.held, attended: a.attended,
        represented: a.represented, percent: a.percent!, expectedPercent: a.expectedPercent, reason: a.reason,
      })),
    reportsNotReceived: reportsNotReceived(state, today).map((r) => {
      const lead = leadOf.get(r.workstream);
      return {
        meetingId: r.meeting, meeting: meetingOf.get(r.meeting)!.title, date: r.date, workstreamId: r.workstream, workstream: n.workstream(r.workstream),
        ...(lead ? { lead: n.person(lead) } : {}), papersDue: r.papersDue, status: r.status, ...(r.receivedOn ? { receivedOn: r.receivedOn } : {}), reason: r.reason,
      };
    }),
    schedule: {
      onTrack: schedule.onTrack,
      meetings: schedule.meetings,
      expectedMeetings: schedule.expectedMeetings,
      reason: schedule.reason,
      workingGroups: schedule.rows.map((row) => {
        const lead = leadOf.get(row.workstream);
        return {
          id: row.workstream, name: n.workstream(row.workstream), ...(lead ? { lead: n.person(lead) } : {}),
          reports: row.reports.map((r) => ({ meeting: meetingOf.get(r.meeting)!.title, date: r.date, theme: r.theme, status: r.status })),
          onTrack: row.onTrack, reason: row.reason,
        };
      }),
    },
  };
}

function recommendationsSection(state: PlanState, today: string): RecommendationsSection {
  const { plan } = state;
  const n = planNames(plan);
  const reviewTitle = new Map(plan.reviews.map((r) => [r.id, r.title]));
  const byId = new Map(state.recommendations.map((r) => [r.id, r]));
  /** The recommendation as the panel names it: its number, its review and its words, with who answers for it. */
  const named = (id: string) => {
    const r = byId.get(id)!;
    return { id, number: r.number, name: recommendationTitle(r), review: reviewTitle.get(r.review) ?? r.review, title: r.title, ...ownerOf(r) };
  };
  const ownerOf = (r: RecommendationView) => (r.owner ? { owner: n.person(r.owner) } : {});
  const byState = Object.fromEntries(RECOMMENDATION_STATES.map((s) => [s, 0])) as Record<RecommendationState, number>;
  for (const r of state.recommendations) byState[r.state]++;
  return {
    total: state.recommendations.length,
    byState,
    responsesOverdue: responsesOverdue(state, today).map((o) => ({ ...named(o.recommendation), due: o.due, daysOverdue: o.daysOverdue, reason: o.reason })),
    awaitingSignOff: awaitingSignOff(state).map((a) => ({ ...named(a.recommendation), reason: a.reason })),
    rejected: rejectedRecommendations(state).map((x) => ({
      ...named(x.recommendation),
      respondedOn: x.respondedOn,
      executiveReason: x.reason,
      signedOff: x.signedOff,
      reason: `Rejected by the executive on ${x.respondedOn}${x.reason ? `: ${x.reason}` : ' (no reason given)'}${/[.!?]$/.test(x.reason) ? '' : '.'} ${
        x.signedOff ? 'The committee has signed off the rejection.' : 'The committee has not yet signed it off or reopened it.'
      }`,
    })),
  };
}

/** Frozen all the way down, as the report's other lists are: handed out as they are, never copied. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
