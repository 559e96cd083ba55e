import { isPlanDate } from '../schema/checks.js';

/** Queries compare dates as text, so a malformed `today` would quietly give wrong answers: refuse it. */
export function checkToday(today: string): void {
  if (typeof today !== 'string' || !isPlanDate(today)) {
    throw new RangeError(`today must be a date written YYYY-MM-DD from 1978 to 2100, such as 2026-11-25; got ${JSON.stringify(today)}`);
  }
}
