import type { PledgeEvent } from '../schema/events.js';
import { parseEvent } from '../events/parse.js';
import { parseJsonText } from './json-text.js';
import { showInvisible } from './visible-text.js';

export interface EventLogProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/**
 * Reads an event log written as NDJSON (one event per line). Blank lines are skipped.
 * Every bad line is reported; the good ones are returned as well, so that the caller decides.
 * Invisible characters that a message quotes are written out by name (`[U+200B zero-width space]`).
 */
export function parseEventLog(text: string): { events: PledgeEvent[]; problems: EventLogProblem[] } {
  const events: PledgeEvent[] = [];
  const problems: EventLogProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const json = parseJsonText(raw);
    if (!json.ok) {
      problems.push({ line, message: showInvisible(json.message.replace(/ at line 1,/, ' at')) });
      return;
    }
    const parsed = parseEvent(json.value);
    if (parsed.ok) events.push(parsed.event);
    else for (const reason of parsed.reasons) problems.push({ line, message: showInvisible(reason) });
  });
  return { events, problems };
}

/** Events as NDJSON, one per line, ending with a newline. */
export function stringifyEventLog(events: readonly PledgeEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '');
}
