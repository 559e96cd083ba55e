// The columns of an actions spreadsheet: which headers mean which field of an action, and reading the header row.
import type { CsvProblem } from './csv.js';

export type Field =
  | 'id'
  | 'title'
  | 'description'
  | 'leadAgency'
  | 'owner'
  | 'partners'
  | 'workstream'
  | 'promises'
  | 'principles'
  | 'dueDate'
  | 'reviewDate'
  | 'reviewIntervalDays';

/** Each field's usual header (for messages) and the headers that mean it, normalised by `headerKey`. */
export const COLUMNS: Record<Field, { header: string; aliases: readonly string[] }> = {
  id: { header: 'ID', aliases: ['id', 'actionid'] },
  title: { header: 'Title', aliases: ['title', 'action', 'actiontitle'] },
  description: { header: 'Description', aliases: ['description'] },
  leadAgency: { header: 'Lead agency', aliases: ['leadagency', 'lead'] },
  owner: { header: 'Owner', aliases: ['owner', 'actionowner'] },
  partners: { header: 'Partners', aliases: ['partners', 'partner', 'contributingpartners', 'partneragencies'] },
  workstream: { header: 'Workstream', aliases: ['workstream', 'workinggroup'] },
  promises: { header: 'Promises', aliases: ['promises', 'promise'] },
  principles: { header: 'Principles', aliases: ['principles', 'principle'] },
  dueDate: { header: 'Due date', aliases: ['duedate', 'due'] },
  reviewDate: { header: 'Review date', aliases: ['reviewdate'] },
  reviewIntervalDays: { header: 'Review interval days', aliases: ['reviewintervaldays', 'reviewinterval'] },
};

export const REQUIRED: readonly { field: Field; noun: string; also: string }[] = [
  { field: 'title', noun: 'a title', also: ' (or "Action")' },
  { field: 'leadAgency', noun: 'a lead agency', also: ' (or "Lead")' },
  { field: 'workstream', noun: 'a workstream', also: ' (or "Working group")' },
];

const FIELD_BY_ALIAS = new Map<string, Field>(
  (Object.keys(COLUMNS) as Field[]).flatMap((field) => COLUMNS[field].aliases.map((alias) => [alias, field] as const)),
);

/** "Lead Agency ", "lead_agency" and "Lead-agency" all read as `leadagency`. */
const headerKey = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export const cellOf = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());

export interface Header {
  /** Which column each field is in. */
  index: Partial<Record<Field, number>>;
  /** Each field's header as written in the file. */
  name: Partial<Record<Field, string>>;
  width: number;
  problems: CsvProblem[];
}

export function readHeader(cells: readonly string[]): Header {
  const header: Header = { index: {}, name: {}, width: cells.length, problems: [] };
  cells.forEach((cell, i) => {
    const field = FIELD_BY_ALIAS.get(headerKey(cell));
    if (!field) return;
    const earlier = header.name[field];
    if (earlier !== undefined) {
      header.problems.push({
        row: 1,
        column: cell.trim(),
        message: `this column means the same as the "${earlier}" column; keep only one of them`,
      });
      return;
    }
    header.index[field] = i;
    header.name[field] = cell.trim();
  });
  for (const { field, noun, also } of REQUIRED) {
    if (header.index[field] === undefined) {
      const { header: usual } = COLUMNS[field];
      header.problems.push({
        row: 1,
        message: `there is no "${usual}" column: add a column headed "${usual}"${also} giving each action ${noun}`,
      });
    }
  }
  return header;
}
