import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan, parseEventLog, parsePlanFile, PlanFileError, PLAN_MIGRATIONS, stringifyEventLog, stringifyPlanFile, createTracker } from '@pledgeflow/core';
import { planInput, as, ev } from '../fixtures.js';

const file = (over: Record<string, unknown> = {}) => ({ format: 'pledgeflow-plan', version: 2, ...planInput, ...over });
const problems = (input: unknown) => {
  const r = parsePlanFile(typeof input === 'string' ? input : JSON.stringify(input));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('plan files', () => {
  it('reads a good file and round-trips it', () => {
    const r = parsePlanFile(JSON.stringify(file()));
    expect(r.ok).toBe(true);
    const again = parsePlanFile(stringifyPlanFile(r.ok ? r.plan : (null as never)));
    expect(again).toEqual(r);
  });

  it('reads the example plan with no problems and no warnings', () => {
    const r = parsePlanFile(readFileSync(new URL('../../../../examples/plans/eastmere.plan.json', import.meta.url), 'utf8'));
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('names the path of every bad field', () => {
    const actions = [...planInput.actions!];
    actions[3] = { ...actions[3]!, dueDate: '31/03/2027', principles: [9] };
    expect(problems(file({ actions }))).toEqual([
      'actions[3].principles[0]: expected a principle number from 1 to 7',
      'actions[3].dueDate: expected a date written YYYY-MM-DD, such as 2027-03-31 (got "31/03/2027")',
    ]);
  });

  it('says when a required field is missing and when a field is unknown (a typo)', () => {
    const { title: _, ...noTitle } = file();
    expect(problems(noTitle)).toEqual(['title: is required']);
    const actions = [{ ...planInput.actions![0]!, dueDte: '2027-01-01' }];
    expect(problems(file({ actions }))).toEqual(['actions[0]: unknown field "dueDte"']);
  });

  it('checks references and duplicates', () => {
    const actions = [...planInput.actions!, { ...planInput.actions![0]!, owner: 'nobody', partners: ['mars'] }];
    expect(problems(file({ actions }))).toEqual([
      'actions[4].id: "a1" is already used by actions[0]',
      'actions[4].owner: there is no person with the id "nobody" in this plan',
      'actions[4].partners[0]: there is no agency with the id "mars" in this plan',
    ]);
  });

  it('points at the line and column of broken JSON', () => {
    expect(problems('{\n  "format": "pledgeflow-plan",\n  "version": 1,,\n}')[0]).toMatch(/^\(file\): not valid JSON at line 3, column 16/);
  });

  it('refuses a file that is not a plan, or from a newer pledgeflow, saying what to do', () => {
    expect(problems({ hello: 1 })).toEqual(['format: expected "pledgeflow-plan", got null: is this a pledgeflow plan file?']);
    expect(problems(file({ version: 3 }))[0]).toContain('written by a newer pledgeflow; this version reads up to version 2. Upgrade @pledgeflow/core');
    expect(problems(file({ version: '1' }))[0]).toContain('expected a whole number');
  });

  it('migrates older versions through the migrations given', () => {
    const old = { ...file(), version: 0, council: undefined, authority: 'Testshire County Council' };
    const r = parsePlanFile(JSON.stringify(old), {
      migrations: { ...PLAN_MIGRATIONS, 0: ({ authority, ...rest }) => ({ ...rest, council: authority }) },
    });
    expect(r.ok && [r.plan.council, r.migratedFrom]).toEqual(['Testshire County Council', 0]);
    expect(parsePlanFile(JSON.stringify(old)).ok).toBe(false);
  });

  it('reads a version-1 file, giving each meeting an id made from its date', () => {
    const meetings = [
      { date: '2026-09-17', theme: 'Health' },
      { date: '2026-12-10', theme: 'Education and work' },
      { date: '2026-12-10', theme: 'Extra meeting on housing' },
    ];
    const r = parsePlanFile(JSON.stringify(file({ version: 1, meetings })));
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(r.ok && r.plan.meetings.map((m) => [m.id, m.theme, m.reports])).toEqual([
      ['board-2026-09-17', 'Health', []],
      ['board-2026-12-10', 'Education and work', []],
      ['board-2026-12-10-2', 'Extra meeting on housing', []],
    ]);
    // A version-1 meeting that already has an id keeps it; a broken one is reported where it is.
    const kept = parsePlanFile(JSON.stringify(file({ version: 1, meetings: [{ id: 'autumn', date: '2026-09-17', theme: 'Health' }] })));
    expect(kept.ok && kept.plan.meetings[0]!.id).toBe('autumn');
    expect(problems(file({ version: 1, meetings: [{ theme: 'Health' }] }))).toEqual(['meetings[0].date: is required']);
  });

  it('warns about text that looks like a child\'s personal data, or refuses it when the plan says so', () => {
    const actions = [{ ...planInput.actions![0]!, description: 'Follow up for J Smith, DOB 03/04/2012.' }];
    const warned = parsePlanFile(JSON.stringify(file({ actions })));
    expect(warned.ok && warned.warnings.map((w) => w.path)).toContain('actions[0].description');
    const refused = parsePlanFile(JSON.stringify(file({ actions, privacy: 'refuse' })));
    expect(refused.ok).toBe(false);
  });

  it('reads a plan file that starts with a byte order mark, as CSV, NDJSON and backups do', () => {
    const r = parsePlanFile(`\uFEFF${JSON.stringify(file())}`);
    expect(r.ok && r.plan.id).toBe('testshire');
  });

  it('shows invisible characters in a message that quotes the file, by name, instead of printing them', () => {
    const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0]/u;
    expect(problems(file({ format: 'pledgeflow-plan\u200b' }))).toEqual([
      'format: expected "pledgeflow-plan", got "pledgeflow-plan[U+200B zero-width space]": is this a pledgeflow plan file?',
    ]);
    // Pasted from a web page: a zero-width space after an id, a no-break space after a date, one inside a field's name.
    const actions = [{ ...planInput.actions![0]!, owner: 'owner\u200b', dueDate: '2027-03-31\u00a0', 'title\u2060': 'x' }];
    const found = problems(file({ actions }));
    expect(found).toEqual([
      expect.stringMatching(/^actions\[0\]\.owner: expected an id: .* \(got "owner\[U\+200B zero-width space\]"\)$/),
      'actions[0].dueDate: expected a date written YYYY-MM-DD, such as 2027-03-31 (got "2027-03-31[U+00A0 no-break space]")',
      'actions[0]: unknown field "title[U+2060 word joiner]"',
    ]);
    // Broken JSON: the parser's own message quotes the text.
    const broken = problems('\uFEFF\u200b{"format": "pledgeflow-plan"}');
    expect(broken[0]).toContain('[U+200B zero-width space]');
    for (const message of [...found, ...broken]) expect(message).not.toMatch(invisible);
  });

  it('lists the first 100 problems and counts the rest, in the result and in a PlanFileError', () => {
    const actions = Array.from({ length: 150 }, (_, i) => ({ ...planInput.actions![0]!, id: `x${i}`, dueDate: 'soon', principles: [9] }));
    const r = parsePlanFile(JSON.stringify(file({ actions })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBe(100);
    expect(r.problems.at(-1)!.path).toBe('actions[49].dueDate');
    expect(r.moreProblems).toBe(200);
    const error = new PlanFileError(r.problems, r.moreProblems);
    expect(error.message.split('\n').length).toBe(102);
    expect(error.message).toMatch(/^The plan file has 300 problems:\n/);
    expect(error.message.split('\n').at(-1)).toBe('  and 200 more problems (only the first 100 are listed)');
    expect(parsePlanFile(JSON.stringify(file({ actions: actions.slice(0, 2) })))).not.toHaveProperty('moreProblems');
  });

  it('throws a PlanFileError listing every problem from loadPlan', () => {
    expect(() => loadPlan(file({ version: 9 }))).toThrow(PlanFileError);
  });

  it('checks meeting themes, measure sources and who gave feedback in a plan file', () => {
    const file = { format: 'pledgeflow-plan', version: 1, ...planInput, meetings: [{ date: '2026-12-10', theme: 'Case review: Jane Smith DOB 03/04/2012' }] };
    const r = parsePlanFile(JSON.stringify(file));
    expect(r.ok && r.warnings.map((w) => w.path)).toContain('meetings[0].theme');
  });

  it('refuses dates outside 1978 to 2100 in a plan with their path, instead of crashing a report later', () => {
    const r = parsePlanFile(JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput, meetings: [{ date: '2206-12-10', theme: 'Typo' }] }));
    expect(!r.ok && r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['meetings[0].date: expected a date from 1978 to 2100 (got "2206-12-10")']);
  });
});

describe('event logs (NDJSON)', () => {
  it('round-trips, and names the line of every bad event', () => {
    const good = ev(as('lead'), 'a1', 'action.agree');
    const text = [JSON.stringify(good), '', '{not json', JSON.stringify({ ...good, id: 'x', type: 'action.teleport' }), JSON.stringify({ ...good, id: 'event-4', data: { reason: 7 }, type: 'action.flag-risk' })].join('\n');
    const { events, problems: p } = parseEventLog(text);
    expect(events.map((e) => e.id)).toEqual([good.id]);
    expect(p.map((x) => `line ${x.line}: ${x.message}`)).toEqual([
      expect.stringMatching(/^line 3: not valid JSON at column 2/),
      'line 4: id: expected an event id of 6 to 64 letters, digits, "_" or "-" (got "x")',
      'line 4: type: expected a known event type (got "action.teleport")',
      'line 5: data.reason: expected text, got number 7',
    ]);
    const t = createTracker({ plan: loadPlan(file()), events });
    expect(parseEventLog(stringifyEventLog(t.events())).events).toEqual(events);
  });

  describe('a log cut off in the middle of its last line (the computer stopped while writing it)', () => {
    const first = ev(as('lead'), 'a1', 'action.agree');
    const second = ev(as('lead'), 'a2', 'action.agree');
    const cut = `${JSON.stringify(first)}\n${'\n'.repeat(1201)}${JSON.stringify(second)}\n${JSON.stringify(ev(as('lead'), 'a4', 'action.agree')).slice(0, 40)}`;

    it('says that the last line looks cut off, rather than where the JSON broke', () => {
      const log = parseEventLog(cut);
      expect(log.events.map((e) => e.id)).toEqual([first.id, second.id]);
      expect(log.problems).toEqual([{ line: 1204, message: expect.stringContaining('looks cut off') }]);
      expect(log.problems[0]!.message).not.toMatch(/column/);
      expect(log.cutOff).toEqual({ line: 1204, skipped: false });
    });

    it('reads the rest without it when asked, and says which line it skipped', () => {
      const log = parseEventLog(cut, { skipPartialLastLine: true });
      expect(log.events.map((e) => e.id)).toEqual([first.id, second.id]);
      expect(log.problems).toEqual([]);
      expect(log.cutOff).toEqual({ line: 1204, skipped: true });
    });

    it('does not call a bad line cut off when the file ends with a newline, or when other lines are broken too', () => {
      for (const text of [`${cut}\n`, `{oops\n${cut}`]) {
        const log = parseEventLog(text, { skipPartialLastLine: true });
        expect(log.cutOff).toBeUndefined();
        expect(log.problems.at(-1)!.message).toMatch(/^not valid JSON at column/);
      }
      expect(parseEventLog(`${JSON.stringify(first)}`).cutOff).toBeUndefined();
    });
  });

  it('lists the first 100 problems and counts the rest', () => {
    const log = parseEventLog('{oops\n'.repeat(250));
    expect(log.problems.length).toBe(100);
    expect(log.problems.at(-1)!.line).toBe(100);
    expect(log.moreProblems).toBe(150);
  });

  it('shows invisible characters in a message that quotes a line, by name, instead of printing them', () => {
    const good = ev(as('lead'), 'a1', 'action.agree');
    const text = `\uFEFF${JSON.stringify({ ...good, id: 'event\u200b000001' })}\n{\u200b}\n`;
    const found = parseEventLog(text).problems.map((x) => `line ${x.line}: ${x.message}`);
    expect(found).toEqual([
      expect.stringContaining('(got "event[U+200B zero-width space]000001")'),
      expect.stringMatching(/^line 2: not valid JSON at column 2/),
    ]);
    for (const message of found) expect(message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});
