// Plain checks and constants with no zod in them, so that code which only needs these
// (an element checking a link, say) does not pull the schema library into its bundle.

import { digitsAt, isRealDay } from '../calendar/dates.js';

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  return DATE_TEXT.test(text) && isRealDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `text` is an ISO 8601 instant with a time zone (`Z` or an offset). */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

/**
 * True when `text` is an instant written the one way events keep it: UTC, to the
 * millisecond, as `toISOString()` writes it (`2026-11-25T10:30:00.000Z`). Instants in this
 * form sort as text in time order. (Plain checks: this runs for every event loaded.)
 */
export function isCanonicalInstant(text: string): boolean {
  // Read digit by digit, without a regular expression, substrings or closures: every event
  // loaded is checked, so this is on the path of a replay.
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false; // - - T
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46) return false; // : : .
  // `digitsAt` gives NaN for anything but digits, which fails every test below.
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  return isRealDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10)) && hour < 24 && minute < 60 && second < 60 && !Number.isNaN(digitsAt(text, 20, 23));
}

/** `text` (an instant, see `isInstant`) written the canonical way: UTC, milliseconds, `Z`. Digits past the millisecond are dropped. */
export function canonicalInstant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}

// Anything but a space of any kind, a format character (zero-width spaces and joiners, the
// byte-order mark, bidi marks, soft hyphens) or a Hangul filler.
const VISIBLE = /[^\s\p{Cf}\u115f\u1160\u3164\uffa0]/u;

/** True when `text` has at least one character a reader can see (not only spaces or zero-width characters). */
export function hasVisibleText(text: string): boolean {
  // Most text starts with a printable ASCII character: no need to look further.
  const first = text.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || VISIBLE.test(text);
}

// Written exactly as `https://host...`: no space or control character anywhere (the URL parser
// would quietly drop leading ones), and never `https:host` (which it would quietly repair).
const LINK_TEXT = /^https:\/\/[^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+$/i;

/**
 * A link people may follow: written as `https://` and a host (never `javascript:`, `data:`,
 * plain `http:`, `//host` or `https:host`), with no hidden characters, and no user name or
 * password in it.
 */
export function isSafeLink(href: string): boolean {
  if (!LINK_TEXT.test(href)) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The years the calendar knows bank holidays for: dates in a plan must fall in them. */
export const PLAN_YEARS = { first: 1978, last: 2100 } as const;

/** True when `text` is a calendar date in the years a plan may use (1978 to 2100). */
export function isPlanDate(text: string): boolean {
  if (!isCalendarDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
}

/** The seven corporate parenting principles (Children and Social Work Act 2017, s.1), in short. */
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
