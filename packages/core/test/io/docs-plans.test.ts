// The plan files the docs show are the ones a council would copy: they must load as the docs say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTracker, parsePlanFile, PLAN_FORMAT_VERSION, stringifyPlanFile } from '@pledgeflow/core';

const doc = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');
const jsonBlocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe('the plans in docs/first-plan.md', () => {
  const blocks = jsonBlocks(doc('first-plan.md'));
  const whole = JSON.parse(blocks[1]!);

  it('are of the version this code writes', () => {
    expect(PLAN_FORMAT_VERSION).toBe(2);
    expect(JSON.parse(blocks[0]!).version).toBe(2);
    expect(whole.version).toBe(2);
  });

  it('load: the whole file, and the whole file with the board year and the scrutiny review added', () => {
    expect(parsePlanFile(blocks[1]!)).toMatchObject({ ok: true });
    const more = { ...whole, ...JSON.parse(blocks[2]!) };
    const r = parsePlanFile(JSON.stringify(more));
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const t = createTracker({ plan: r.plan });
    expect(t.meetings().map((m) => [m.id, m.title, m.state])).toEqual([
      ['board-2027-06-10', 'Board meeting, 10 June 2027', 'planned'],
      ['board-2027-09-16', 'Board meeting, 16 September 2027', 'planned'],
    ]);
    expect(t.recommendations().map((x) => [x.id, x.state])).toEqual([['school-review-1', 'made']]);
  });
});

describe('the migration from version 1, as docs/files.md shows it', () => {
  it('gives each meeting an id from its date, and saving writes version 2 with the ids', () => {
    const text = doc('files.md');
    expect(text).toContain('is read as `{ "id": "board-2027-03-12", "date": "2027-03-12", "theme": "Health", "reports": [] }`');
    const first = JSON.parse(jsonBlocks(doc('first-plan.md'))[1]!);
    const v1 = { ...first, version: 1, meetings: [{ date: '2027-03-12', theme: 'Health' }, { date: '2027-03-12', theme: 'Extra' }] };
    const r = parsePlanFile(JSON.stringify(v1));
    expect(r.ok && r.plan.meetings).toEqual([
      { id: 'board-2027-03-12', date: '2027-03-12', theme: 'Health', reports: [] },
      { id: 'board-2027-03-12-2', date: '2027-03-12', theme: 'Extra', reports: [] },
    ]);
    const saved = JSON.parse(stringifyPlanFile(r.ok ? r.plan : first));
    expect(saved).toMatchObject({ version: 2, meetings: [{ id: 'board-2027-03-12' }, { id: 'board-2027-03-12-2' }] });
  });
});
