/**
 * How many problems a reader lists: the first 100, in the order found, and a count of the rest.
 * A file with 100,000 bad rows is one mistake repeated; a list of 200,000 messages helps no one
 * and can stall the page that shows it.
 */
export const MAX_PROBLEMS = 100;

/** A list of problems kept to the first `MAX_PROBLEMS`: the shape every reader of files returns. */
export interface LimitedProblems<P> {
  /** The first 100 problems, in the order they were found. */
  problems: P[];
  /** How many more problems there were after those; left out when there were no more. */
  moreProblems?: number;
}

/** The first `MAX_PROBLEMS` of `all`, and a count of the rest (plus `more`, any left out before). */
export function limitProblems<P>(all: readonly P[], more = 0): LimitedProblems<P> {
  const problems = all.slice(0, MAX_PROBLEMS);
  const moreProblems = more + all.length - problems.length;
  return moreProblems > 0 ? { problems, moreProblems } : { problems };
}

/** The line for people after a limited list: `and 199,900 more problems (only the first 100 are listed)`. */
export function formatMoreProblems(more: number, noun: 'problem' | 'warning' = 'problem'): string {
  return `and ${more.toLocaleString('en-GB')} more ${noun}${more === 1 ? '' : 's'} (only the first ${MAX_PROBLEMS} are listed)`;
}
