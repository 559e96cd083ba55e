import type * as z from 'zod/mini';

/** A problem found in input, with where it is (`actions[3].dueDate`) and what is wrong. */
export interface InputProblem {
  path: string;
  message: string;
}

/** `['actions', 3, 'dueDate']` as `actions[3].dueDate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** One plain-English message per zod issue, each naming its path. */
export function problemsFromZod(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = formatPath([...prefix, ...issue.path]);
    const input = (issue as { input?: unknown }).input;
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message = input === undefined ? 'is required' : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(input)}`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    } else if (message === 'Invalid input') {
      message = `is not valid (got ${describe(input)})`;
    } else if (input !== undefined && issue.code !== 'too_small' && issue.code !== 'too_big' && !(issue.code === 'custom' && typeof input === 'object')) {
      // (A rule across fields, such as "rejecting needs a reason", is checked on the whole object: quoting it says nothing.)
      message = `${message} (got ${describe(input)})`;
    }
    out.push({ path: path || '(top level)', message });
  }
  return out;
}

export function formatProblem(p: InputProblem): string {
  return `${p.path}: ${p.message}`;
}
