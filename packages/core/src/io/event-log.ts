import type { PledgeEvent } from '../schema/events.js';
import { parseEvent } from '../events/parse.js';
import { parseJsonText } from './json-text.js';
import { limitProblems, type LimitedProblems } from './problem-limit.js';
import { showInvisible } from './visible-text.js';

export interface EventLogProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/**
 * What `parseEventLog` found: the good events, the problems with bad lines (the first 100, and
 * `moreProblems` counting the rest), and whether the file stops mid-line.
 */
export interface EventLogResult extends LimitedProblems<EventLogProblem> {
  events: PledgeEvent[];
  /**
   * The last line, when the file stops in the middle of it: there is no newline at the end, and
   * that line (and no other) is not JSON, as when the computer stopped while the log was written.
   * `skipped` says whether it was left out (`skipPartialLastLine`) or reported as a problem.
   */
  cutOff?: { line: number; skipped: boolean };
}

export interface EventLogOptions {
  /** Leave out a last line that looks cut off (see `cutOff`) instead of reporting it. */
  skipPartialLastLine?: boolean;
}

const CUT_OFF =
  'looks cut off: the file ends in the middle of this line, as when the computer stopped while the log was being written. The lines before it can be read without it.';

/**
 * Reads an event log written as NDJSON (one event per line). Blank lines are skipped; a byte
 * order mark at the start is allowed. Every bad line is reported; the good ones are returned
 * as well, so that the caller decides. A last line cut off mid-way is reported as such (see
 * `EventLogResult.cutOff`), or left out with `skipPartialLastLine`.
 * Invisible characters that a message quotes are written out by name (`[U+200B zero-width space]`).
 */
export function parseEventLog(text: string, options: EventLogOptions = {}): EventLogResult {
  const events: PledgeEvent[] = [];
  const problems: EventLogProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const last = lines.length; // with no newline at the end, the last line is not blank
  const notJson: EventLogProblem[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const json = parseJsonText(raw);
    if (!json.ok) {
      const problem = { line, message: showInvisible(json.message.replace(/ at line 1,/, ' at')) };
      notJson.push(problem);
      problems.push(problem);
      return;
    }
    const parsed = parseEvent(json.value);
    if (parsed.ok) events.push(parsed.event);
    else for (const reason of parsed.reasons) problems.push({ line, message: showInvisible(reason) });
  });
  const cut = notJson.length === 1 && notJson[0]!.line === last && lines[last - 1]!.trim() ? notJson[0]! : undefined;
  if (!cut) return { events, ...limitProblems(problems) };
  const skipped = options.skipPartialLastLine === true;
  if (skipped) problems.splice(problems.indexOf(cut), 1);
  else cut.message = CUT_OFF;
  return { events, ...limitProblems(problems), cutOff: { line: cut.line, skipped } };
}

/** Events as NDJSON, one per line, ending with a newline. */
export function stringifyEventLog(events: readonly PledgeEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '');
}
