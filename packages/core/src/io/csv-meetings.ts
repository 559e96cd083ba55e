// Board meetings to and from a spreadsheet: the import reads the columns the export writes.
import { STATE_LABELS } from '../items/views.js';
import { planNames } from '../schema/plan-names.js';
import { MeetingSchema, type Meeting, type Plan } from '../schema/plan.js';
import type { PlanState } from '../tracker/types.js';
import { exportNames, importItemsCsv, type ItemKind, type ItemsCsvImport } from './csv-items.js';
import { recordsToCsv } from './csv.js';
import { itemIds } from './action-ids.js';
import { makeLookups } from './plan-lookup.js';

type Field = 'id' | 'date' | 'theme' | 'title' | 'reports';

/**
 * Keeps the ids of imported items unique: the ones given are checked against the plan and the
 * rows before; the missing ones are made once every row is read, so that a made id never takes
 * one that a later row gives.
 */
export function idKeeper<T extends { id: string }>(plan: Plan, noun: string) {
  const inPlan = itemIds(plan);
  const onRow = new Map<string, number>();
  const pending: { item: T; base: string }[] = [];
  return {
    /** Why `id` cannot be used on `row`, if it cannot; otherwise it is taken. */
    clash(id: string, row: number): string | undefined {
      const user = inPlan.get(id);
      if (user !== undefined) return `the id "${id}" is already used by ${user}; leave the id blank to have one made, or choose another`;
      const earlier = onRow.get(id);
      if (earlier !== undefined) return `the id "${id}" is also used on row ${earlier}; each ${noun} needs its own id`;
      onRow.set(id, row);
      return undefined;
    },
    /** `item` gets `base`, or `base-2`, `base-3` ... whichever is free, when `makeAll` is called. */
    later(item: T, base: string): void {
      pending.push({ item, base });
    },
    makeAll(): void {
      const next = new Map<string, number>();
      for (const { item, base } of pending) {
        let id = base;
        // Counting on from the last suffix of each base keeps many rows with one date fast.
        for (let n = next.get(base) ?? 2; inPlan.has(id) || onRow.has(id); n++) {
          id = `${base}-${n}`;
          next.set(base, n + 1);
        }
        onRow.set(id, 0);
        item.id = id;
      }
    },
  };
}

function meetingKind(plan: Plan): ItemKind<Field, Meeting> {
  const lookups = makeLookups(plan);
  const ids = idKeeper<Meeting>(plan, 'meeting');
  return {
    one: 'meeting',
    many: 'meetings',
    columns: {
      id: { header: 'ID', aliases: ['id', 'meetingid'] },
      date: { header: 'Date', aliases: ['date', 'meetingdate'], needed: 'a date' },
      theme: { header: 'Theme', aliases: ['theme'], needed: 'a theme' },
      title: { header: 'Title', aliases: ['title', 'meeting', 'name'] },
      reports: { header: 'Reports from', aliases: ['reportsfrom', 'reports', 'workinggroups', 'workstreams'] },
    },
    personal: ['theme', 'title'],
    schema: MeetingSchema,
    read: (row) => ({
      // A missing id is made once every row is read (`add`): until then, a placeholder.
      id: row.cell('id') || 'made-later',
      date: row.date('date'),
      theme: row.cell('theme'),
      title: row.cell('title') || undefined,
      reports: row.many('reports', lookups.workstreams),
    }),
    check(meeting, row) {
      const given = row.cell('id');
      if (given) {
        const clash = ids.clash(given, row.row);
        if (clash) row.report('id', clash);
      } else {
        ids.later(meeting, `board-${meeting.date}`);
      }
    },
    add: (p, meetings) => {
      ids.makeAll();
      return { ...p, meetings: [...p.meetings, ...meetings] };
    },
  };
}

/**
 * Reads board meetings from CSV with a header row (Date and Theme needed; ID, Title and Reports
 * from, the working groups expected to report, by name or id) and adds them to a copy of `plan`.
 * A blank id is made from the date (`board-2027-03-11`), as the plan file's migration does.
 * Nothing is imported unless every row is good; problems name their row and column.
 */
export function importMeetingsCsv(csv: string, plan: Plan): ItemsCsvImport<Meeting> {
  return importItemsCsv(csv, plan, meetingKind(plan));
}

/**
 * The plan's meetings as CSV, as they stand: the columns the import reads, then the state, the
 * date a rescheduled meeting was first set for, why one was cancelled, who was present and which
 * reports came in. Names, not ids, for people and working groups.
 */
export function meetingsToCsv(state: PlanState): string {
  const n = planNames(state.plan);
  const workstream = exportNames(state.plan.workstreams);
  const first = new Map(state.plan.meetings.map((m) => [m.id, m]));
  return recordsToCsv(state.meetings, [
    { header: 'ID', value: (m) => m.id },
    { header: 'Date', value: (m) => m.date },
    { header: 'Theme', value: (m) => m.theme },
    { header: 'Title', value: (m) => first.get(m.id)?.title },
    { header: 'Reports from', value: (m) => m.reports.map(workstream).join('; ') },
    { header: 'State', value: (m) => STATE_LABELS[m.state] },
    { header: 'First set for', value: (m) => m.moved?.from },
    { header: 'Why moved or cancelled', value: (m) => m.cancelledReason ?? m.moved?.reason },
    { header: 'Present', value: (m) => m.present.map((a) => (a.standingInFor ? `${n.person(a.person)} (for ${n.person(a.standingInFor)})` : n.person(a.person))).join('; ') },
    { header: 'Reports received', value: (m) => m.received.map((r) => `${n.workstream(r.workstream)} (${r.on})`).join('; ') },
  ]);
}
