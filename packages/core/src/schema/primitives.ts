import * as z from 'zod/mini';
import { hasVisibleText, isCalendarDate, isInstant, isPlanDate, isSafeLink, PLAN_YEARS } from './checks.js';

export { isCalendarDate, isInstant, isPlanDate, isSafeLink, PLAN_YEARS, PRINCIPLES, type PrincipleNumber } from './checks.js';

/** An identifier written by people: letters, digits, `.`, `_` or `-`, at most 64 characters. */
export const Id = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id: letters, digits, ".", "_" or "-" (at most 64 characters)'),
);

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date as people work to it (UK local), written `YYYY-MM-DD`, from 1978 to 2100.
 * The shape is a regex so the plan file's JSON Schema carries it as a `pattern`: an editor
 * catches "31/03/2027" as it is typed. Each problem is said once: the shape, or the date.
 */
export const CalendarDate = z.string().check(
  z.regex(DATE_SHAPE, 'expected a date written YYYY-MM-DD, such as 2027-03-31'),
  z.refine((d) => !DATE_SHAPE.test(d) || isCalendarDate(d), 'expected a date written YYYY-MM-DD, such as 2027-03-31'),
  z.refine((d) => !isCalendarDate(d) || isPlanDate(d), `expected a date from ${PLAN_YEARS.first} to ${PLAN_YEARS.last}`),
);

/**
 * A moment in time: ISO 8601 with `Z` or an offset, such as 2026-11-25T10:30:00Z.
 * `parseEvent` keeps an event's in one form (see `canonicalInstant`).
 */
export const Instant = z.string().check(
  z.refine(isInstant, 'expected a date and time with a time zone, such as 2026-11-25T10:30:00Z'),
);

/** Text a person wrote: trimmed, not empty (nor only invisible characters), and not longer than `max`. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.refine(hasVisibleText, 'must not be empty (it has only spaces or invisible characters)'),
    z.maxLength(max, `must be at most ${max} characters`),
  );

export const HttpsLink = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine(isSafeLink, 'expected a link starting with https:// (other kinds of link are not allowed)'),
);

/** The seven corporate parenting principles (Children and Social Work Act 2017, s.1), by number. */
export const Principle = z.int().check(
  z.minimum(1, 'expected a principle number from 1 to 7'),
  z.maximum(7, 'expected a principle number from 1 to 7'),
);

