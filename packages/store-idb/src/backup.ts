import {
  compareEvents, eventDifferences, formatMoreProblems, MAX_PROBLEMS, parseEventLog, parsePlanFile, sameEvent, stringifyEventLog, stringifyPlanFile,
  type Plan, type PledgeEvent,
} from '@pledgeflow/core';
import { BackupError } from './errors.js';

export const BACKUP_FORMAT = 'pledgeflow-backup';
export const BACKUP_VERSION = 1;

/**
 * A backup as read back: the plan, its events (each id once), and a line for each event that could
 * not be read or that has the id of another with different content (the first 100, and
 * `moreProblems` counting the rest).
 */
export interface Backup {
  plan: Plan;
  events: PledgeEvent[];
  problems: string[];
  /** How many more problems there were after `problems`; left out when there were no more. */
  moreProblems?: number;
}

/** A backup file: JSON holding the plan file and the event log as NDJSON, in canonical order. */
export function stringifyBackup(plan: Plan, events: readonly PledgeEvent[]): string {
  const log = stringifyEventLog([...events].sort(compareEvents));
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, plan: JSON.parse(stringifyPlanFile(plan)), log }, null, 2)}\n`;
}

/** Reads a backup file. Throws a BackupError if it cannot be used at all; bad event lines come back as `problems`. */
export function parseBackup(text: string): Backup {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // reported below
  }
  if (!doc || typeof doc !== 'object' || doc['format'] !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a pledgeflow backup: choose the file that "Download a backup" saved. Nothing was imported.');
  }
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError(`This backup's version (${JSON.stringify(version ?? null)}) is not one the tracker knows: the file may be damaged. Nothing was imported.`);
  }
  if (version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer version of the tracker (backup version ${version}). Update the page, then import it again. Nothing was imported.`);
  }
  const plan = parsePlanFile(doc['plan']);
  if (!plan.ok) {
    const lines = plan.problems.map((p) => `plan ${p.path}: ${p.message}`);
    throw new BackupError(`The plan in this backup has problems, so nothing was imported:\n${backupProblemLines({ problems: lines, moreProblems: plan.moreProblems })}`);
  }
  if (typeof doc['log'] !== 'string') throw new BackupError('This backup has no event log ("log"), so nothing was imported.');
  const log = parseEventLog(doc['log']);
  const problems = log.problems.map((p) => `event log, line ${p.line}: ${p.message}`);
  // One id twice with different content: which one is the step taken? The file has been changed by hand or damaged.
  const lineOf = eventLines(doc['log']);
  const first = new Map<string, PledgeEvent>();
  const events: PledgeEvent[] = [];
  for (const event of log.events) {
    const earlier = first.get(event.id);
    if (!earlier) {
      first.set(event.id, event);
      events.push(event);
    } else if (!sameEvent(earlier, event)) {
      const [a, b] = lineOf.get(event.id) ?? [];
      problems.push(`event log, line ${b ?? '?'}: the event ${event.id} is also on line ${a ?? '?'}, with different content (${eventDifferences(earlier, event).join(', ')})`);
    }
  }
  const more = (log.moreProblems ?? 0) + Math.max(0, problems.length - MAX_PROBLEMS);
  return { plan: plan.plan, events, problems: problems.slice(0, MAX_PROBLEMS), ...(more ? { moreProblems: more } : {}) };
}

/** The lines of the log on which each event id appears (found by its `"id"`, as the command line does). */
function eventLines(log: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  log.split(/\r?\n/).forEach((raw, i) => {
    const id = /"id"\s*:\s*"([^"]+)"/.exec(raw)?.[1];
    if (id) lines.set(id, [...(lines.get(id) ?? []), i + 1]);
  });
  return lines;
}

/** A BackupError's list of problems: one indented line each, then the count of any left out. */
export function backupProblemLines(backup: Pick<Backup, 'problems' | 'moreProblems'>): string {
  return [...backup.problems, ...(backup.moreProblems ? [formatMoreProblems(backup.moreProblems)] : [])].map((p) => `  ${p}`).join('\n');
}
