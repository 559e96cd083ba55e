import * as z from 'zod/mini';

/** An identifier written by people: letters, digits, `.`, `_` or `-`, at most 64 characters. */
export const Id = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id: letters, digits, ".", "_" or "-" (at most 64 characters)'),
);

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The years the calendar knows bank holidays for: dates in a plan must fall in them. */
export const PLAN_YEARS = { first: 1978, last: 2100 } as const;

/** True when `text` is a calendar date in the years a plan may use (1978 to 2100). */
export function isPlanDate(text: string): boolean {
  if (!isCalendarDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
}

/** A calendar date as people work to it (UK local), written `YYYY-MM-DD`, from 1978 to 2100. */
export const CalendarDate = z.string().check(
  z.refine(isCalendarDate, 'expected a date written YYYY-MM-DD, such as 2027-03-31'),
  z.refine((d) => !isCalendarDate(d) || isPlanDate(d), `expected a date from ${PLAN_YEARS.first} to ${PLAN_YEARS.last}`),
);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `text` is an ISO 8601 instant with a time zone (`Z` or an offset). */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

/** A moment in time: ISO 8601 with `Z` or an offset, such as 2026-11-25T10:30:00Z. */
export const Instant = z.string().check(
  z.refine(isInstant, 'expected a date and time with a time zone, such as 2026-11-25T10:30:00Z'),
);

/** Text a person wrote: trimmed, not empty, and not longer than `max`. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
  );

/** A link people may follow: only `https:` (never `javascript:`, `data:` or plain `http:`). */
export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const HttpsLink = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.refine(isSafeLink, 'expected a link starting with https:// (other kinds of link are not allowed)'),
);

/** The seven corporate parenting principles (Children and Social Work Act 2017, s.1), by number. */
export const Principle = z.int().check(
  z.minimum(1, 'expected a principle number from 1 to 7'),
  z.maximum(7, 'expected a principle number from 1 to 7'),
);

export const PRINCIPLES = {
  1: 'Act in their best interests and promote their physical and mental health and wellbeing',
  2: 'Encourage them to express their views, wishes and feelings',
  3: 'Take their views, wishes and feelings into account',
  4: 'Help them to access and make the best use of services of the council and its partners',
  5: 'Promote high aspirations and seek the best outcomes for them',
  6: 'Keep them safe, with stability in their home lives, relationships and education or work',
  7: 'Prepare them for adulthood and independent living',
} as const;

export type PrincipleNumber = keyof typeof PRINCIPLES;
