// Scrutiny recommendations to and from a spreadsheet: the import reads the columns the export writes.
import { STATE_LABELS } from '../items/views.js';
import { responseDue } from '../queries/recommendations.js';
import { RecommendationSchema, type Plan, type Recommendation } from '../schema/plan.js';
import type { PlanState } from '../tracker/types.js';
import { idKeeper } from './action-ids.js';
import { exportNames, importItemsCsv, type ItemKind, type ItemsCsvImport } from './csv-items.js';
import { recordsToCsv } from './csv.js';
import { makeLookups } from './plan-lookup.js';

type Field = 'id' | 'review' | 'number' | 'title' | 'madeOn' | 'owner' | 'actions' | 'promises';

const RESPONSE_WORDS = { accepted: 'Accepted', 'partly-accepted': 'Partly accepted', rejected: 'Rejected' } as const;

function recommendationKind(plan: Plan): ItemKind<Field, Recommendation> {
  const lookups = makeLookups(plan);
  const ids = idKeeper<Recommendation>(plan, 'recommendation');
  const reportedOn = new Map(plan.reviews.map((r) => [r.id, r.reportedOn]));
  /** Numbers already used, by review: in the plan, then by the rows before. */
  const numbered = new Map(plan.recommendations.map((r) => [`${r.review}#${r.number}`, 'the plan']));
  return {
    one: 'recommendation',
    many: 'recommendations',
    columns: {
      id: { header: 'ID', aliases: ['id', 'recommendationid'] },
      review: { header: 'Review', aliases: ['review', 'scrutinyreview'], needed: 'the scrutiny review that made it (its title or id)' },
      number: { header: 'Number', aliases: ['number', 'no', 'recommendationnumber'], needed: 'its number in the review' },
      title: { header: 'Recommendation', aliases: ['recommendation', 'title', 'text'], needed: "the panel's words" },
      madeOn: { header: 'Made on', aliases: ['madeon', 'made', 'date', 'datemade'] },
      owner: { header: 'Owner', aliases: ['owner', 'leadofficer', 'cabinetmember'] },
      actions: { header: 'Actions', aliases: ['actions', 'action', 'deliveredby'] },
      promises: { header: 'Promises', aliases: ['promises', 'promise'] },
    },
    personal: ['title'],
    schema: RecommendationSchema,
    read(row) {
      const review = row.one('review', lookups.reviews);
      return {
        id: row.cell('id') || 'made-later',
        review,
        number: row.whole('number', '3'),
        title: row.cell('title'),
        // Left blank, a recommendation was made when its review reported.
        madeOn: row.date('madeOn') ?? (row.cell('madeOn') ? undefined : review && reportedOn.get(review)),
        owner: row.one('owner', lookups.people),
        actions: row.many('actions', lookups.actions),
        promises: row.many('promises', lookups.promises),
      };
    },
    check(r, row) {
      const key = `${r.review}#${r.number}`;
      const used = numbered.get(key);
      if (used !== undefined) row.report('number', `recommendation ${r.number} of this review is already in ${used}; each recommendation of a review needs its own number`);
      else numbered.set(key, `row ${row.row}`);
      const clash = ids.claim(r, row.cell('id'), row.row, `${r.review}-${r.number}`);
      if (clash) row.report('id', clash);
    },
    add: (p, recommendations) => {
      ids.makeAll();
      return { ...p, recommendations: [...p.recommendations, ...recommendations] };
    },
  };
}

/**
 * Reads scrutiny recommendations from CSV with a header row (Review, Number and Recommendation
 * needed; ID, Made on, Owner, Actions and Promises by name, title or id) and adds them to a copy
 * of `plan`. The review must be in the plan already. A blank Made on is the review's report date;
 * a blank id is made from the review and number (`school-review-3`). Nothing is imported unless
 * every row is good; problems name their row and column.
 */
export function importRecommendationsCsv(csv: string, plan: Plan): ItemsCsvImport<Recommendation> {
  return importItemsCsv(csv, plan, recommendationKind(plan));
}

/**
 * The plan's recommendations as CSV, as they stand: the columns the import reads, then the
 * state, the executive's response and reasons, when the response is due (while it is awaited),
 * and when the committee signed it off. Names, not ids, for reviews, people, actions and promises.
 */
export function recommendationsToCsv(state: PlanState): string {
  const { plan } = state;
  const person = exportNames(plan.people);
  const action = exportNames(plan.actions.map((a) => ({ id: a.id, name: a.title })));
  const reviewTitle = exportNames(plan.reviews.map((r) => ({ id: r.id, name: r.title })));
  const promiseNumber = new Map(plan.promises.map((p) => [p.id, p.number]));
  return recordsToCsv(state.recommendations, [
    { header: 'ID', value: (r) => r.id },
    { header: 'Review', value: (r) => reviewTitle(r.review) },
    { header: 'Number', value: (r) => r.number },
    { header: 'Recommendation', value: (r) => r.title },
    { header: 'Made on', value: (r) => r.madeOn },
    { header: 'Owner', value: (r) => r.owner && person(r.owner) },
    { header: 'Actions', value: (r) => r.actions.map(action).join('; ') },
    { header: 'Promises', value: (r) => r.promises.map((p) => promiseNumber.get(p) ?? p).join('; ') },
    { header: 'State', value: (r) => STATE_LABELS[r.state] },
    { header: 'Response', value: (r) => (r.response ? RESPONSE_WORDS[r.response.value] : undefined) },
    { header: 'Reasons given', value: (r) => r.response?.reason },
    { header: 'Responded on', value: (r) => r.response?.on },
    { header: 'Response due', value: (r) => responseDue(plan, r) },
    { header: 'Signed off on', value: (r) => r.signedOff?.on },
  ]);
}
