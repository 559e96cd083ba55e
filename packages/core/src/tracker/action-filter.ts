import type { ActionView } from '../items/views.js';

export type ActionFilter = {
  state?: ActionView['state'] | readonly ActionView['state'][];
  workstream?: string;
  leadAgency?: string;
  /** Lead agency or contributing partner. */
  agency?: string;
  owner?: string;
  promise?: string;
  principle?: number;
};

/** A test for actions that match every field of `filter`. */
export function actionMatcher(filter: ActionFilter): (a: ActionView) => boolean {
  const states = filter.state === undefined ? undefined : ([] as string[]).concat(filter.state);
  return (a) =>
    (!states || states.includes(a.state)) &&
    (!filter.workstream || a.workstream === filter.workstream) &&
    (!filter.leadAgency || a.leadAgency === filter.leadAgency) &&
    (!filter.agency || a.leadAgency === filter.agency || a.partners.includes(filter.agency)) &&
    (!filter.owner || a.owner === filter.owner) &&
    (!filter.promise || a.promises.includes(filter.promise)) &&
    (!filter.principle || a.principles.includes(filter.principle));
}
