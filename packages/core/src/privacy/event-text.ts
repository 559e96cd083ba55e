import type { PledgeEvent } from '../schema/events.js';
import { findPersonalData } from './personal-data.js';

/** Fields of event data that people write in their own words: checked for personal data. */
const FREE_TEXT = ['note', 'reason', 'summary', 'link'] as const;

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
  for (const field of FREE_TEXT) {
    const text = data[field];
    if (typeof text !== 'string') continue;
    const scanned = field === 'link' ? linkText(text) : text;
    for (const finding of findPersonalData(scanned)) warnings.push(`data.${field}: ${finding.message}`);
  }
  return warnings;
}
