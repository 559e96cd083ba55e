import { EVENT_FIELDS, type EventType } from '../schema/event-fields.js';
import type { PledgeEvent } from '../schema/events.js';
import { findPersonalData } from './personal-data.js';

/** Per event type, the fields of its data that people write in their own words (text, reasons, links): checked for personal data. */
const FREE_TEXT = Object.fromEntries(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => [
    type,
    Object.entries(fields as Record<string, string>).filter(([, spec]) => /^(text|reason|link)\??$/.test(spec)).map(([name]) => name),
  ]),
) as unknown as Record<EventType, readonly string[]>;

/** A link's path and query as words ("Jane-Smith-DOB-03-04-2012.pdf" as "Jane Smith DOB 03-04-2012 pdf"). */
function linkText(href: string): string {
  try {
    const url = new URL(href);
    return decodeURIComponent(url.pathname + url.search).replace(/[/_+.?&=-]+/g, ' ').replace(/(\d) (\d)/g, '$1/$2');
  } catch {
    return href;
  }
}

/** Privacy warnings for the free text of an event, each naming its field: `data.note: This looks like ...`. */
export function scanEvent(event: PledgeEvent): string[] {
  const data = event.data as Record<string, unknown>;
  const warnings: string[] = [];
  for (const field of FREE_TEXT[event.type] ?? []) {
    const text = data[field];
    if (typeof text !== 'string') continue;
    const scanned = field === 'link' ? linkText(text) : text;
    for (const finding of findPersonalData(scanned)) warnings.push(`data.${field}: ${finding.message}`);
  }
  return warnings;
}
