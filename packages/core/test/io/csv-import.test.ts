import { describe, expect, it } from 'vitest';
import { importActionsCsv } from '../../src/io/csv-import.js';
import { formatCsvProblem, type CsvProblem } from '../../src/io/csv.js';
import { PlanSchema, type Plan } from '../../src/schema/plan.js';
import { testPlan } from '../fixtures.js';

/** A small plan written for these tests. */
function fixturePlan(): Plan {
  return PlanSchema.parse({
    id: 'test-plan',
    title: 'Corporate parenting action plan 2026 to 2028',
    council: 'Example Borough Council',
    period: { start: '2026-04-01', end: '2028-03-31' },
    agencies: [
      { id: 'council', name: 'Example Borough Council', kind: 'council' },
      { id: 'icb', name: 'NHS Example, North and West ICB', kind: 'health' },
      { id: 'police', name: 'Example Police', kind: 'police' },
      { id: 'vs', name: 'Virtual School', kind: 'education' },
      { id: 'housing', name: 'Housing Options', kind: 'housing' },
    ],
    people: [
      { id: 'p-amara', name: 'Amara Okafor', agency: 'council', role: 'working-group-lead' },
      { id: 'p-dev', name: 'Dev Sharma', agency: 'vs', role: 'action-owner' },
      { id: 'p-lucy', name: 'Lucy Evans', agency: 'housing', role: 'action-owner' },
    ],
    workstreams: [
      { id: 'ete', name: 'Education, Training and Employment', lead: 'p-dev' },
      { id: 'homes', name: 'Housing, Placements and Transitions', lead: 'p-lucy' },
      { id: 'health', name: 'Health and Wellbeing', lead: 'p-amara' },
    ],
    promises: [
      { id: 'why-in-care', number: 1, title: 'Help you understand why you are in care', childFriendly: 'We will explain why you are in care.', owner: 'p-amara', principles: [1, 3] },
      { id: 'happy-home', number: 2, title: 'Keep you in a home where you are happy', childFriendly: 'We will try to keep you where you are happy.', owner: 'p-lucy', principles: [6] },
      { id: 'school', number: 4, title: 'Help you do well at school', childFriendly: 'We will help you at school.', owner: 'p-dev', principles: [5] },
    ],
    actions: [
      { id: 'recruit-foster-carers', title: 'Recruit foster carers', leadAgency: 'council', workstream: 'homes' },
    ],
  });
}

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

function imported(text: string, plan = fixturePlan()) {
  const result = importActionsCsv(text, plan);
  if (!result.ok) throw new Error(`expected the import to succeed:\n${result.problems.map(formatCsvProblem).join('\n')}`);
  return result;
}

function problems(text: string, plan = fixturePlan()): CsvProblem[] {
  const result = importActionsCsv(text, plan);
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems;
}

const lines = (text: string, plan?: Plan) => problems(text, plan).map(formatCsvProblem);

describe('importActionsCsv: good files', () => {
  it('imports the required columns alone, filling in defaults and making ids from titles', () => {
    const { actions } = imported(csv('Title,Lead agency,Workstream', 'Annual health assessments on time,icb,health'));
    expect(actions).toEqual([
      {
        id: 'annual-health-assessments-on-time',
        title: 'Annual health assessments on time',
        leadAgency: 'icb',
        partners: [],
        workstream: 'health',
        promises: [],
        principles: [],
        reviewIntervalDays: 91,
      },
    ]);
  });

  it('reads every column, with header aliases, names, ids and numbers, and both date formats', () => {
    const { actions } = imported(
      csv(
        'ID,Action,Description,Lead,Owner,Contributing partners,Working group,Promise(s),Principles,Due,Review date,Review interval (days)',
        'vs-attendance,Improve school attendance,"Termly attendance clinics, run by the Virtual School",virtual school,dev sharma,"Example Police; council"," education, training and employment ",1; 4,"1, 5",31/03/2027,2026-09-30,30',
        ',No care leaver in bed and breakfast,,HOUSING,p-lucy,"police, vs",homes,Keep you in a home where you are happy,6 7,2027-03-31,1/10/2026,',
      ),
    );
    expect(actions[0]).toEqual({
      id: 'vs-attendance',
      title: 'Improve school attendance',
      description: 'Termly attendance clinics, run by the Virtual School',
      leadAgency: 'vs',
      owner: 'p-dev',
      partners: ['police', 'council'],
      workstream: 'ete',
      promises: ['why-in-care', 'school'],
      principles: [1, 5],
      dueDate: '2027-03-31',
      reviewDate: '2026-09-30',
      reviewIntervalDays: 30,
    });
    expect(actions[1]).toMatchObject({
      id: 'no-care-leaver-in-bed-and-breakfast',
      leadAgency: 'housing',
      owner: 'p-lucy',
      partners: ['police', 'vs'],
      workstream: 'homes',
      promises: ['happy-home'],
      principles: [6, 7],
      dueDate: '2027-03-31',
      reviewDate: '2026-10-01',
      reviewIntervalDays: 91,
    });
  });

  it('matches headers ignoring case, spaces and punctuation', () => {
    const { actions } = imported(csv('  TITLE ,lead_agency,Work-stream,DUE DATE', 'Mentoring scheme,council,ete,01/02/2027'));
    expect(actions[0]).toMatchObject({ title: 'Mentoring scheme', leadAgency: 'council', workstream: 'ete', dueDate: '2027-02-01' });
  });

  it('takes a name containing commas as one name rather than splitting it', () => {
    const { actions } = imported(
      csv('Title,Lead agency,Partners,Workstream', 'Health passports,"NHS Example, North and West ICB","NHS Example, North and West ICB",Health and Wellbeing'),
    );
    expect(actions[0]).toMatchObject({ leadAgency: 'icb', partners: ['icb'], workstream: 'health' });
  });

  it('accepts promises by id, number, "promise 2" or title, without repeats', () => {
    const { actions } = imported(csv('Title,Lead agency,Workstream,Promises', 'Life story work,council,homes,"why-in-care; 2; Promise 2; help you do well at school"'));
    expect(actions[0]?.promises).toEqual(['why-in-care', 'happy-home', 'school']);
  });

  it('makes ids unique against the plan, earlier rows and ids given on later rows', () => {
    const { actions } = imported(
      csv(
        'ID,Title,Lead agency,Workstream',
        ',Recruit foster carers,council,homes',
        ',Recruit foster carers,council,homes',
        ',Recruit  Foster Carers!,council,homes',
        ',Café drop-in for care leavers,council,homes',
        'recruit-foster-carers-4,Something else,council,homes',
        ',Recruit foster carers,council,homes',
      ),
    );
    expect(actions.map((a) => a.id)).toEqual([
      'recruit-foster-carers-2',
      'recruit-foster-carers-3',
      'recruit-foster-carers-5',
      'cafe-drop-in-for-care-leavers',
      'recruit-foster-carers-4',
      'recruit-foster-carers-6',
    ]);
  });

  it('keeps made ids to 48 characters, suffix included', () => {
    const title = 'Make sure every care leaver has a personal adviser and a pathway plan before they turn eighteen';
    const { actions } = imported(csv('Title,Lead agency,Workstream', `${title},council,homes`, `${title},council,homes`));
    expect(actions[0]?.id).toBe('make-sure-every-care-leaver-has-a-personal-advis');
    expect(actions[1]?.id).toBe('make-sure-every-care-leaver-has-a-personal-adv-2');
    for (const a of actions) expect(a.id.length).toBeLessThanOrEqual(48);
  });

  it('makes an id even from a title with no letters or digits', () => {
    expect(imported(csv('Title,Lead agency,Workstream', '???,council,homes')).actions[0]?.id).toBe('action');
  });

  it('skips blank lines but counts them in row numbers, as the spreadsheet does', () => {
    const text = csv('Title,Lead agency,Workstream', 'First,council,homes', '', ',,', 'Second,council,nowhere');
    expect(problems(text)).toEqual([expect.objectContaining({ row: 5, column: 'Workstream' })]);
    expect(imported(csv('Title,Lead agency,Workstream', '', 'Only,council,homes', '')).actions).toHaveLength(1);
  });

  it('ignores columns it does not know, such as RAG status', () => {
    const { actions } = imported(csv('Title,RAG,Lead agency,Notes,Workstream', 'Care leaver hub,Green,council,anything,homes'));
    expect(actions[0]).toMatchObject({ title: 'Care leaver hub', leadAgency: 'council', workstream: 'homes' });
  });

  it('reads a file saved by Excel with a byte order mark and CRLF', () => {
    expect(imported('\uFEFFTitle,Lead agency,Workstream\r\nCare leaver hub,council,homes\r\n').actions).toHaveLength(1);
  });

  it('returns a new plan with the actions appended and leaves the input plan alone', () => {
    const plan = fixturePlan();
    const before = structuredClone(plan);
    const result = imported(csv('Title,Lead agency,Workstream', 'A,council,homes', 'B,vs,ete'), plan);
    expect(result.plan).not.toBe(plan);
    expect(result.plan.actions.map((a) => a.id)).toEqual(['recruit-foster-carers', 'a', 'b']);
    expect(result.plan.agencies).toEqual(plan.agencies);
    expect(plan).toEqual(before);
    // And the new plan is still a valid plan.
    expect(PlanSchema.safeParse(result.plan).success).toBe(true);
  });

  it('does not make action ids from CSV that clash with promise ids, and stays fast with one title on many rows', () => {
    const r = importActionsCsv('Title,Lead agency,Workstream\nP1,Virtual School,Education and Work\n', testPlan());
    expect(r.ok && r.actions[0]!.id).toBe('p1-2');
    const many = `Title,Lead agency,Workstream\n${'Same title,Virtual School,Education and Work\n'.repeat(5000)}`;
    const big = importActionsCsv(many, testPlan());
    expect(big.ok && new Set(big.actions.map((a) => a.id)).size).toBe(5000);
  });
});

describe('importActionsCsv: problems with the file as a whole', () => {
  it('reports each missing required column once, at row 1, and nothing else', () => {
    const found = problems(csv('Action,Owner', 'A,Dev Sharma', 'B,Nobody'));
    expect(found).toHaveLength(2);
    expect(found.every((p) => p.row === 1 && p.column === undefined)).toBe(true);
    expect(found.map((p) => p.message).join('\n')).toMatch(/no "Lead agency" column[\s\S]*no "Workstream" column/);
  });

  it('reports two columns that mean the same thing', () => {
    expect(lines(csv('Title,Action,Lead agency,Workstream', 'A,B,council,homes'))).toEqual([
      'row 1, Action: this column means the same as the "Title" column; keep only one of them',
    ]);
  });

  it('reports an empty file and a file with no actions', () => {
    expect(lines('')).toEqual([expect.stringMatching(/^row 1: the file is empty/)]);
    expect(lines(csv('Title,Lead agency,Workstream', ''))).toEqual(['row 2: there are no actions below the header row']);
  });

  it('passes on problems with the CSV itself', () => {
    expect(problems(csv('Title,Lead agency,Workstream', 'The "best" carers,council,homes'))).toEqual([
      expect.objectContaining({ row: 2, column: 'Title', message: expect.stringMatching(/quote mark/) }),
    ]);
  });

  it('reports a value past the last header, which is usually an unquoted comma', () => {
    expect(lines(csv('Title,Lead agency,Workstream', 'Recruit carers, 20 by March,council,homes'))).toContainEqual(
      expect.stringMatching(/^row 2, D: there is a value in column D, which has no header/),
    );
  });
});

describe('importActionsCsv: problems in rows', () => {
  const header = 'ID,Title,Lead agency,Owner,Partners,Workstream,Promises,Principles,Due date,Review date,Review interval days';

  it('says what was wrong with a date, in plain words', () => {
    expect(lines(csv(header, ',A,council,,,homes,,,2027-03-31,,', ',B,council,,,homes,,,31/03/2027,,', ',C,council,,,homes,,,next spring,,'))).toEqual([
      'row 4, Due date: expected a date like 31/03/2027 or 2027-03-31, got "next spring"',
    ]);
  });

  it('refuses impossible dates, month-first dates and two-digit years', () => {
    expect(lines(csv(header, ',A,council,,,homes,,,31/02/2027,29/02/2028,'))).toEqual([
      'row 2, Due date: "31/02/2027" is not a real date: February 2027 has 28 days',
    ]);
    expect(lines(csv(header, ',A,council,,,homes,,,03/25/2027,,'))[0]).toBe(
      'row 2, Due date: there is no month 25 in "03/25/2027": dates are read day first, like 31/03/2027 for 31 March 2027',
    );
    expect(lines(csv(header, ',A,council,,,homes,,,,2027-13-01,'))).toEqual(['row 2, Review date: there is no month 13 in "2027-13-01"']);
    expect(lines(csv(header, ',A,council,,,homes,,,31/03/27,,'))).toEqual(['row 2, Due date: write the year in full, like 31/03/2027, got "31/03/27"']);
  });

  it('never reads a valid day-first date month first', () => {
    expect(imported(csv(header, ',A,council,,,homes,,,04/05/2027,,')).actions[0]?.dueDate).toBe('2027-05-04');
  });

  it('names what was given and suggests close names for unknown agencies, people, workstreams and promises', () => {
    expect(lines(csv(header, ',A,Virtual Schol,Dev Sharme,"Polise; council",Helth and Wellbeing,9,,,,'))).toEqual([
      'row 2, Lead agency: there is no agency called "Virtual Schol" in this plan; did you mean "Virtual School"?',
      'row 2, Owner: there is no person called "Dev Sharme" in this plan; did you mean "Dev Sharma"?',
      'row 2, Partners: there is no agency called "Polise" in this plan; did you mean "Example Police"?',
      'row 2, Workstream: there is no workstream called "Helth and Wellbeing" in this plan; did you mean "Health and Wellbeing"?',
      'row 2, Promises: there is no promise called "9" in this plan. Use the name or id of one of the plan\'s 3 promises, or add it to the plan first',
    ]);
  });

  it('suggests promises by number and title when the title is close', () => {
    expect(lines(csv(header, ',A,council,,,homes,Help you do well in school,,,,'))).toEqual([
      'row 2, Promises: there is no promise called "Help you do well in school" in this plan; did you mean promise 4 ("Help you do well at school")?',
    ]);
  });

  it('shows invisible characters in a message that quotes a cell, by name, instead of printing them', () => {
    expect(lines(csv(header, ',A,Fire\u200bService,,,homes,,,31/02\u00a0/2027,,'))).toEqual([
      'row 2, Lead agency: there is no agency called "Fire[U+200B zero-width space]Service" in this plan. Use the name or id of one of the plan\'s 5 agencies, or add it to the plan first',
      'row 2, Due date: expected a date like 31/03/2027 or 2027-03-31, got "31/02[U+00A0 no-break space]/2027"',
    ]);
  });

  it('says plainly when nothing in the plan is close', () => {
    expect(lines(csv(header, ',A,Fire Service,,,homes,,,,,'))).toEqual([
      'row 2, Lead agency: there is no agency called "Fire Service" in this plan. Use the name or id of one of the plan\'s 5 agencies, or add it to the plan first',
    ]);
  });

  it('reports blank required cells', () => {
    expect(lines(csv(header, 'x,  ,,,,,,,,,'))).toEqual([
      'row 2, Title: is blank, but every action needs a title',
      'row 2, Lead agency: is blank, but every action needs a lead agency',
      'row 2, Workstream: is blank, but every action needs a workstream',
    ]);
  });

  it('refuses principles outside 1 to 7 and review intervals that are not whole days', () => {
    expect(lines(csv(header, ',A,council,,,homes,,"2, 8, x",,,every quarter'))).toEqual([
      'row 2, Principles: expected principle numbers from 1 to 7, like "1; 4", got "8"',
      'row 2, Principles: expected principle numbers from 1 to 7, like "1; 4", got "x"',
      'row 2, Review interval days: expected a whole number of days, like 91, got "every quarter"',
    ]);
  });

  it('passes each action through the action schema and reports its problems by column', () => {
    const long = 'x'.repeat(201);
    expect(lines(csv(header, `has space,${long},council,,,homes,,,,,0`))).toEqual([
      'row 2, ID: expected an id: letters, digits, ".", "_" or "-" (at most 64 characters) (got "has space")',
      'row 2, Title: must be at most 200 characters',
      'row 2, Review interval days: expected at least 1 day',
    ]);
    expect(lines(csv(header, ',A,council,,,homes,,,,,400'))).toEqual(['row 2, Review interval days: expected at most 366 days']);
  });

  it('refuses an id already used in the plan or on another row', () => {
    expect(lines(csv(header, 'recruit-foster-carers,A,council,,,homes,,,,,', 'dup,B,council,,,homes,,,,,', 'dup,C,council,,,homes,,,,,'))).toEqual([
      'row 2, ID: the id "recruit-foster-carers" is already used by an action in the plan ("Recruit foster carers"); leave the id blank to have one made from the title, or choose another',
      'row 4, ID: the id "dup" is also used on row 3; each action needs its own id',
    ]);
  });

  it('reports every problem in every row together, in row order, and imports nothing', () => {
    const plan = fixturePlan();
    const before = structuredClone(plan);
    const result = importActionsCsv(
      csv(header, ',Good one,council,,,homes,,,,,', ',Bad date,council,,,homes,,,soon,,', '', ',,nowhere,,,homes,,9,,,', ',Good two,vs,,,ete,,,,,'),
      plan,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Due date'],
      [5, 'Title'],
      [5, 'Lead agency'],
      [5, 'Principles'],
    ]);
    expect(result).not.toHaveProperty('plan');
    expect(plan).toEqual(before);
  });

  it('lists the first 100 problems of a file with 10,000 bad rows, counts the rest, and imports nothing', () => {
    const plan = fixturePlan();
    const rows = Array.from({ length: 10_000 }, (_, i) => `,Row ${i},Mars,,,homes,,,soon,,`);
    const result = importActionsCsv(csv(header, ...rows), plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBe(100);
    expect(result.problems.at(-1)).toMatchObject({ row: 51, column: 'Due date' });
    expect(result.moreProblems).toBe(19_900);
    expect(plan.actions.length).toBe(1);
  });

  it('names the column as the file heads it', () => {
    expect(lines(csv('Action,Lead,Working group,Due', 'A,council,homes,tomorrow'))).toEqual([
      'row 2, Due: expected a date like 31/03/2027 or 2027-03-31, got "tomorrow"',
    ]);
  });

  it('asks for the id when two things share a name', () => {
    const plan = fixturePlan();
    plan.agencies.push({ id: 'vs2', name: 'Virtual School', kind: 'education' });
    expect(lines(csv('Title,Lead agency,Workstream', 'A,virtual school,ete'), plan)).toEqual([
      'row 2, Lead agency: 2 agencies are called "virtual school"; use the id instead: "vs", "vs2"',
    ]);
  });
});

describe('importActionsCsv: personal data in titles and descriptions', () => {
  const text = csv('Title,Description,Lead agency,Workstream', 'Support for Jane Smith DOB 03/03/2012,Check 943 476 5919,council,homes', 'Care leaver hub,,council,homes');

  it('imports with warnings, by row and column, when the plan says "warn"', () => {
    const result = imported(text);
    expect(result.actions).toHaveLength(2);
    expect(result.warnings).toEqual([
      { row: 2, column: 'Title', message: expect.stringMatching(/^This looks like a person's name next to a date of birth/) },
      { row: 2, column: 'Title', message: expect.stringMatching(/^This looks like a date of birth/) },
      { row: 2, column: 'Description', message: expect.stringMatching(/^This looks like an NHS number/) },
    ]);
  });

  it('refuses the import when the plan says "refuse"', () => {
    const plan = { ...fixturePlan(), privacy: 'refuse' as const };
    const found = problems(text, plan);
    expect(found.map((p) => [p.row, p.column])).toEqual([
      [2, 'Title'],
      [2, 'Title'],
      [2, 'Description'],
    ]);
    expect(found[0]?.message).toMatch(/does not accept text that looks like a child's personal data/);
  });

  it('has no warnings for ordinary titles', () => {
    expect(imported(csv('Title,Lead agency,Workstream', 'Annual health assessments on time,icb,health')).warnings).toEqual([]);
  });
});
