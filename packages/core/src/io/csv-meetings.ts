// Board meetings to and from a spreadsheet: the import reads the columns the export writes.
import { STATE_LABELS } from '../items/views.js';
import { planNames } from '../schema/plan-names.js';
import { MeetingSchema, type Meeting, type Plan } from '../schema/plan.js';
import type { PlanState } from '../tracker/types.js';
import { idKeeper } from './action-ids.js';
import { exportNames, importItemsCsv, type ItemKind, type ItemsCsvImport } from './csv-items.js';
import { recordsToCsv } from './csv.js';
import { makeLookups } from './plan-lookup.js';

type Field = 'id' | 'date' | 'theme' | 'title' | 'reports';

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
      const clash = ids.claim(meeting, row.cell('id'), row.row, `board-${meeting.date}`);
      if (clash) row.report('id', clash);
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
