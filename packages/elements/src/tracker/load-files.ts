// Loading a tracker from a plan file and an event log on the intranet's own server, with
// every problem in words: what <pledge-tracker src events> does.
import { createTracker, formatProblem, MAX_PROBLEMS, parseEventLog, parsePlanFile, type Tracker } from '@pledgeflow/core';
import type { Messages } from '../shared/messages.js';

type LoadMessages = Pick<Messages, 'planProblemsIntro' | 'moreProblems' | 'logLine' | 'logProblems' | 'rejectedEvents' | 'networkProblem' | 'httpProblem'>;

/** Thrown while loading, with words a person can act on. */
export class LoadProblem extends Error {
  constructor(message: string, readonly problems: string[] = []) {
    super(message);
  }
}

/** A list of problems, and a line counting those the reader left out (it lists the first 100). */
const withMore = (lines: string[], more: number | undefined, m: { moreProblems: (n: number, listed: number) => string }) =>
  more ? [...lines, m.moreProblems(more, MAX_PROBLEMS)] : lines;

/** A warning shown above the tracker: what happened, and each problem. */
export interface LoadWarning {
  intro: string;
  problems: string[];
}

/** The plan at `src` and its event log at `events` (if any) as a tracker, with what did not fit listed; throws LoadProblem. */
export async function loadPlanFiles(src: string, events: string | undefined, signal: AbortSignal, m: LoadMessages): Promise<{ tracker: Tracker; warnings: LoadWarning[] }> {
  const [planText, logText] = await Promise.all([fetchText(src, signal, m), events ? fetchText(events, signal, m) : '']);
  const planFile = parsePlanFile(planText);
  if (!planFile.ok) throw new LoadProblem(m.planProblemsIntro(src), withMore(planFile.problems.map(formatProblem), planFile.moreProblems, m));
  const log = parseEventLog(logText);
  const tracker = createTracker({ plan: planFile.plan, events: log.events });
  // Nothing is dropped silently: bad lines and events that do not fit are listed.
  const warnings: LoadWarning[] = [];
  if (log.problems.length) {
    const problems = withMore(log.problems.map((p) => m.logLine(p.line, p.message)), log.moreProblems, m);
    warnings.push({ intro: m.logProblems(log.problems.length + (log.moreProblems ?? 0)), problems });
  }
  if (tracker.rejected.length) {
    warnings.push({ intro: m.rejectedEvents(tracker.rejected.length), problems: tracker.rejected.map((r) => `${r.event.id} (${r.event.stream}): ${r.reasons.join(' ')}`) });
  }
  return { tracker, warnings };
}

/** The text at `url` from the intranet's own server (sending its cookies); throws LoadProblem saying what went wrong. */
async function fetchText(url: string, signal: AbortSignal, m: LoadMessages): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LoadProblem(m.networkProblem(url, (error as Error).message));
  }
  if (!response.ok) throw new LoadProblem(m.httpProblem(url, response.status, response.statusText));
  return response.text();
}
