import type { InputProblem } from '../schema/issues.js';
import type { Plan } from '../schema/plan.js';

/** Problems that a schema cannot see: ids used twice, and references to things the plan does not have. */
export function checkPlanReferences(plan: Plan): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const index = <T extends { id: string }>(name: string, list: readonly T[]) => {
    const seen = new Map<string, number>();
    list.forEach((x, i) => {
      const first = seen.get(x.id);
      if (first !== undefined) add(`${name}[${i}].id`, `"${x.id}" is already used by ${name}[${first}]`);
      else seen.set(x.id, i);
    });
    return seen;
  };
  const agencies = index('agencies', plan.agencies);
  const people = index('people', plan.people);
  const workstreams = index('workstreams', plan.workstreams);
  const promises = index('promises', plan.promises);
  const actions = index('actions', plan.actions);
  index('measures', plan.measures);
  index('feedback', plan.feedback);
  const meetings = index('meetings', plan.meetings);
  const reviews = index('reviews', plan.reviews);
  index('recommendations', plan.recommendations);

  const must = (ids: Map<string, number>, what: string, path: string, id: string | undefined) => {
    if (id !== undefined && !ids.has(id)) add(path, `there is no ${what} with the id "${id}" in this plan`);
  };

  if (plan.period.end < plan.period.start) add('period.end', `the plan ends (${plan.period.end}) before it starts (${plan.period.start})`);
  plan.people.forEach((p, i) => must(agencies, 'agency', `people[${i}].agency`, p.agency));
  plan.workstreams.forEach((w, i) => must(people, 'person', `workstreams[${i}].lead`, w.lead));
  const numbers = new Map<number, number>();
  plan.promises.forEach((p, i) => {
    must(people, 'person', `promises[${i}].owner`, p.owner);
    if (actions.has(p.id)) add(`promises[${i}].id`, `"${p.id}" is also the id of an action: promises and actions need different ids`);
    if (meetings.has(p.id)) add(`promises[${i}].id`, `"${p.id}" is also the id of a meeting: every tracked item needs an id of its own`);
    const first = numbers.get(p.number);
    if (first !== undefined) add(`promises[${i}].number`, `promise number ${p.number} is already used by promises[${first}]`);
    else numbers.set(p.number, i);
  });
  plan.actions.forEach((a, i) => {
    must(agencies, 'agency', `actions[${i}].leadAgency`, a.leadAgency);
    must(people, 'person', `actions[${i}].owner`, a.owner);
    must(workstreams, 'workstream', `actions[${i}].workstream`, a.workstream);
    a.partners.forEach((id, j) => must(agencies, 'agency', `actions[${i}].partners[${j}]`, id));
    a.promises.forEach((id, j) => must(promises, 'promise', `actions[${i}].promises[${j}]`, id));
    must(meetings, 'meeting', `actions[${i}].raisedAt`, a.raisedAt);
    if (meetings.has(a.id)) add(`actions[${i}].id`, `"${a.id}" is also the id of a meeting: every tracked item needs an id of its own`);
  });
  plan.board.members.forEach((id, i) => must(people, 'person', `board.members[${i}]`, id));
  plan.meetings.forEach((m, i) => m.reports.forEach((id, j) => must(workstreams, 'workstream', `meetings[${i}].reports[${j}]`, id)));
  const taken = (id: string) => actions.has(id) || promises.has(id) || meetings.has(id);
  const numbered = new Map<string, number>();
  plan.recommendations.forEach((r, i) => {
    must(reviews, 'scrutiny review', `recommendations[${i}].review`, r.review);
    must(people, 'person', `recommendations[${i}].owner`, r.owner);
    r.actions.forEach((id, j) => must(actions, 'action', `recommendations[${i}].actions[${j}]`, id));
    r.promises.forEach((id, j) => must(promises, 'promise', `recommendations[${i}].promises[${j}]`, id));
    if (taken(r.id)) add(`recommendations[${i}].id`, `"${r.id}" is also the id of another item: every tracked item needs an id of its own`);
    const key = `${r.review}#${r.number}`;
    const first = numbered.get(key);
    if (first !== undefined) add(`recommendations[${i}].number`, `recommendation number ${r.number} of review "${r.review}" is already used by recommendations[${first}]`);
    else numbered.set(key, i);
  });
  plan.measures.forEach((m, i) => m.promises.forEach((id, j) => must(promises, 'promise', `measures[${i}].promises[${j}]`, id)));
  plan.feedback.forEach((f, i) => {
    f.promises.forEach((id, j) => must(promises, 'promise', `feedback[${i}].promises[${j}]`, id));
    f.actions.forEach((id, j) => must(actions, 'action', `feedback[${i}].actions[${j}]`, id));
    if (f.response && f.response.date < f.date) add(`feedback[${i}].response.date`, 'the answer is dated before the question');
  });
  return problems;
}
