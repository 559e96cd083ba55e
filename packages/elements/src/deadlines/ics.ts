/**
 * A small RFC 5545 (iCalendar) writer for all-day events: enough for a calendar of board
 * meetings and deadlines that Outlook, Google Calendar and Apple Calendar import.
 * Pure: the time stamp is passed in.
 */
import { addDays, isCalendarDate, isInstant } from '@pledgeflow/core';

/** One all-day event. */
export interface AllDayEvent {
  /** Stable across downloads, so importing the file again updates the event rather than adding another. */
  uid: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  /** STATUS: a cancelled meeting stays in the file as CANCELLED, so calendars that had it mark or remove it. */
  status?: 'CONFIRMED' | 'CANCELLED';
  /** SEQUENCE: higher each time the event changes, so calendars take the new date or status over the one they have. */
  sequence?: number;
}

export interface CalendarFile {
  events: readonly AllDayEvent[];
  /**
   * When the file was made (DTSTAMP): an ISO 8601 instant, or a date (YYYY-MM-DD, taken as
   * midnight UTC), or already in iCalendar form (20261014T090000Z).
   */
  stamp: string;
  /** The calendar's name, shown by calendars that support X-WR-CALNAME. */
  name?: string;
  productId?: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line at 75 octets of UTF-8 (RFC 5545 §3.1): each continuation starts with
 * one space, which counts towards its 75. A character is never split between lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = octets(ch.codePointAt(0)!);
    if (used + size > limit) {
      parts.push(current);
      current = '';
      used = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    used += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** YYYY-MM-DD as an iCalendar DATE: 20261014. */
export function icsDate(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`expected a date written YYYY-MM-DD, got "${date}"`);
  return date.replace(/-/g, '');
}

/** A time stamp as an iCalendar UTC DATE-TIME: 20261014T090000Z. */
export function icsStamp(stamp: string): string {
  if (/^\d{8}T\d{6}Z$/.test(stamp)) return stamp;
  if (isCalendarDate(stamp)) return `${icsDate(stamp)}T000000Z`;
  if (isInstant(stamp)) return new Date(stamp).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
  throw new RangeError(`expected a time stamp (an ISO 8601 instant or a date written YYYY-MM-DD), got "${stamp}"`);
}

/**
 * The calendar as an .ics file: one VEVENT per all-day event, lines ending CRLF and folded
 * at 75 octets, text escaped. Events are marked free time (TRANSP:TRANSPARENT): a deadline
 * or a meeting with no time set should not block out the whole day.
 * @throws RangeError when a date or the stamp is malformed.
 */
export function toIcs(calendar: CalendarFile): string {
  const stamp = icsStamp(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId ?? '-//pledgeflow//Board calendar//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(calendar.name ? [`X-WR-CALNAME:${escapeText(calendar.name)}`] : []),
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      // DTEND is exclusive: an all-day event ends at the start of the next day.
      `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      ...(event.status ? [`STATUS:${event.status}`] : []),
      ...(event.sequence !== undefined && Number.isInteger(event.sequence) && event.sequence >= 0 ? [`SEQUENCE:${event.sequence}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
