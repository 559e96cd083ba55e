import { findPersonalData } from '../privacy/personal-data.js';
import { problemsFromZod, type InputProblem } from '../schema/issues.js';
import { PlanSchema, type Plan, type PlanInput } from '../schema/plan.js';
import { parseJsonText } from './json-text.js';
import { formatMoreProblems, limitProblems, type LimitedProblems } from './problem-limit.js';
import { checkPlanReferences } from './references.js';
import { showInvisible } from './visible-text.js';

export const PLAN_FORMAT = 'pledgeflow-plan';
/** The plan-file format version this code writes, and the newest it reads. */
export const PLAN_FORMAT_VERSION = 2;

/** Turns a plan document of version N into version N + 1. */
export type PlanMigration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 1 is the first published format.
 * Version 2 made meetings tracked items: each needs an id, so one is made from its date
 * (`board-2027-03-12`, then `board-2027-03-12-2` for a second meeting that day). Scrutiny
 * reviews and recommendations, new in version 2, need nothing from older files.
 */
export const PLAN_MIGRATIONS: Readonly<Record<number, PlanMigration>> = {
  1: (doc) => {
    if (!Array.isArray(doc['meetings'])) return doc;
    const used = new Set<string>();
    const meetings = doc['meetings'].map((m: unknown) => {
      if (!m || typeof m !== 'object' || Array.isArray(m) || 'id' in m) return m;
      const date = typeof (m as { date?: unknown }).date === 'string' ? (m as { date: string }).date : 'undated';
      let id = `board-${date}`;
      for (let n = 2; used.has(id); n++) id = `board-${date}-${n}`;
      used.add(id);
      return { id, ...m };
    });
    return { ...doc, meetings };
  },
};

/** A plan, or the problems that stop it loading: the first 100, and `moreProblems` counting the rest. */
export type PlanFileResult =
  | {
      ok: true;
      plan: Plan;
      /** Text that looks like a child's personal data, when the plan's privacy is "warn": the first 100. */
      warnings: InputProblem[];
      /** How many more warnings there were after those; left out when there were no more. */
      moreWarnings?: number;
      migratedFrom?: number;
    }
  | ({ ok: false } & LimitedProblems<InputProblem>);

/** A problem as people read it: any invisible character it quotes from the file written out by name. */
const shown = (p: InputProblem): InputProblem => ({ path: showInvisible(p.path), message: showInvisible(p.message) });

/** Every place in a plan where people write free text about services (not the staff list): checked on load. */
function planTexts(plan: Plan): [string, string][] {
  const out: [string, string][] = [];
  plan.promises.forEach((p, i) => {
    out.push([`promises[${i}].title`, p.title], [`promises[${i}].childFriendly`, p.childFriendly]);
  });
  plan.actions.forEach((a, i) => {
    out.push([`actions[${i}].title`, a.title]);
    if (a.description) out.push([`actions[${i}].description`, a.description]);
  });
  plan.feedback.forEach((f, i) => {
    out.push([`feedback[${i}].said`, f.said], [`feedback[${i}].from`, f.from]);
    if (f.response) out.push([`feedback[${i}].response.did`, f.response.did]);
  });
  plan.meetings.forEach((m, i) => {
    out.push([`meetings[${i}].theme`, m.theme]);
    if (m.title) out.push([`meetings[${i}].title`, m.title]);
  });
  plan.reviews.forEach((r, i) => out.push([`reviews[${i}].title`, r.title]));
  plan.recommendations.forEach((r, i) => out.push([`recommendations[${i}].title`, r.title]));
  plan.measures.forEach((m, i) => {
    out.push([`measures[${i}].title`, m.title]);
    m.observations.forEach((o, j) => out.push([`measures[${i}].observations[${j}].source`, o.source]));
  });
  plan.links.forEach((l, i) => out.push([`links[${i}].title`, l.title]));
  return out;
}

/**
 * Reads a plan file (JSON text or an already parsed object): checks the format and
 * version, migrates older versions, validates every field, and checks references.
 * Problems name their path: `actions[3].dueDate: expected a date written YYYY-MM-DD`.
 * A byte order mark at the start of the text is allowed; invisible characters that a
 * message quotes are written out by name (`[U+200B zero-width space]`). The first 100
 * problems are listed, and `moreProblems` counts the rest (warnings: `moreWarnings`).
 */
export function parsePlanFile(
  input: string | unknown,
  options: { migrations?: Readonly<Record<number, PlanMigration>> } = {},
): PlanFileResult {
  const result = readPlanFile(input, options);
  if (!result.ok) {
    const { problems, moreProblems } = limitProblems(result.problems);
    return { ok: false, problems: problems.map(shown), ...(moreProblems ? { moreProblems } : {}) };
  }
  const { problems: warnings, moreProblems: moreWarnings } = limitProblems(result.warnings);
  return { ...result, warnings: warnings.map(shown), ...(moreWarnings ? { moreWarnings } : {}) };
}

function readPlanFile(input: string | unknown, options: { migrations?: Readonly<Record<number, PlanMigration>> }): PlanFileResult {
  let document: unknown = input;
  if (typeof input === 'string') {
    // Windows editors (Notepad among them) may start a UTF-8 file with a byte order mark.
    const json = parseJsonText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    if (!json.ok) return { ok: false, problems: [{ path: '(file)', message: json.message }] };
    document = json.value;
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, problems: [{ path: '(file)', message: 'expected a JSON object with "format": "pledgeflow-plan"' }] };
  }
  let doc = document as Record<string, unknown>;
  if (doc['format'] !== PLAN_FORMAT) {
    return { ok: false, problems: [{ path: 'format', message: `expected "${PLAN_FORMAT}", got ${JSON.stringify(doc['format'] ?? null)}: is this a pledgeflow plan file?` }] };
  }
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problems: [{ path: 'version', message: `expected a whole number such as ${PLAN_FORMAT_VERSION}, got ${JSON.stringify(version ?? null)}` }] };
  }
  if (version > PLAN_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [{
        path: 'version',
        message: `this file is format version ${version}, written by a newer pledgeflow; this version reads up to version ${PLAN_FORMAT_VERSION}. Upgrade @pledgeflow/core to read it.`,
      }],
    };
  }
  const migrations = options.migrations ?? PLAN_MIGRATIONS;
  for (let v = version; v < PLAN_FORMAT_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, problems: [{ path: 'version', message: `there is no migration from format version ${v}` }] };
    doc = { ...migrate(doc), version: v + 1 };
  }
  const { format: _, version: __, $schema: ___, ...body } = doc;
  const parsed = PlanSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const plan = parsed.data;
  const problems = checkPlanReferences(plan);
  const privacy: InputProblem[] = [];
  for (const [path, text] of planTexts(plan)) {
    for (const finding of findPersonalData(text)) privacy.push({ path, message: finding.message });
  }
  if (plan.privacy === 'refuse') problems.push(...privacy);
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan, warnings: plan.privacy === 'refuse' ? [] : privacy, ...(version < PLAN_FORMAT_VERSION ? { migratedFrom: version } : {}) };
}

/** Like `parsePlanFile`, but throws a `PlanFileError` listing the problems (the first 100, and a count of the rest). */
export function loadPlan(input: string | unknown): Plan {
  const result = parsePlanFile(input);
  if (!result.ok) throw new PlanFileError(result.problems, result.moreProblems);
  return result.plan;
}

export class PlanFileError extends Error {
  constructor(
    readonly problems: InputProblem[],
    /** How many more problems there were after `problems`. */
    readonly moreProblems = 0,
  ) {
    const total = problems.length + moreProblems;
    super(
      `The plan file has ${total.toLocaleString('en-GB')} problem${total === 1 ? '' : 's'}:\n` +
        [...problems.map((p) => `${p.path}: ${p.message}`), ...(moreProblems ? [formatMoreProblems(moreProblems)] : [])].map((line) => `  ${line}`).join('\n'),
    );
    this.name = 'PlanFileError';
  }
}

/** The plan as a plan file of the current version: `format` and `version` first, two-space indents. */
export function stringifyPlanFile(plan: Plan | PlanInput): string {
  return `${JSON.stringify({ format: PLAN_FORMAT, version: PLAN_FORMAT_VERSION, ...plan }, null, 2)}\n`;
}

