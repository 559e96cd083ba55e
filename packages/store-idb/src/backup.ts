import { compareEvents, parseEventLog, parsePlanFile, stringifyEventLog, stringifyPlanFile, type Plan, type PledgeEvent } from '@pledgeflow/core';
import { BackupError } from './errors.js';

export const BACKUP_FORMAT = 'pledgeflow-backup';
export const BACKUP_VERSION = 1;

/** A backup as read back: the plan, its events, and a line for each event that could not be read. */
export interface Backup {
  plan: Plan;
  events: PledgeEvent[];
  problems: string[];
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
    throw new BackupError(`The plan in this backup has problems, so nothing was imported:\n${plan.problems.map((p) => `  plan ${p.path}: ${p.message}`).join('\n')}`);
  }
  if (typeof doc['log'] !== 'string') throw new BackupError('This backup has no event log ("log"), so nothing was imported.');
  const log = parseEventLog(doc['log']);
  return { plan: plan.plan, events: log.events, problems: log.problems.map((p) => `event log, line ${p.line}: ${p.message}`) };
}
