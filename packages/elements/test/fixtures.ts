// Test data for the elements' browser tests: the core package's small test plan (shared, not
// copied), and the example plan and its event log as the example intranet page loads them.
import { createTracker, loadPlan, parseEventLog, type Tracker } from '@pledgeflow/core';

export { as, ev, planInput, testPlan } from '../../core/test/fixtures.js';

/** The example plan and its event log (examples/plans), as the example intranet page loads them. */
export async function eastmereTracker(): Promise<Tracker> {
  const get = async (path: string) => {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };
  const [plan, log] = await Promise.all([get('/examples/plans/eastmere.plan.json'), get('/examples/plans/eastmere.events.ndjson')]);
  const { events, problems } = parseEventLog(log);
  if (problems.length) throw new Error(`eastmere.events.ndjson: ${JSON.stringify(problems.slice(0, 3))}`);
  return createTracker({ plan: loadPlan(plan), events });
}
