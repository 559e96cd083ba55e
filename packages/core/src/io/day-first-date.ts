// Dates as a spreadsheet in the UK writes them: day first, or ISO; a message that says what is wrong.
import { MONTH_NAMES as MONTHS } from '../calendar/dates.js';
import { isCalendarDate } from '../schema/checks.js';

/** `YYYY-MM-DD` or day-first `DD/MM/YYYY` (also with `.` or `-`); never month first. */
export function readDate(given: string): { date: string } | { message: string } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(given);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(given);
  const parts: [string, string, string] | undefined = iso ? [iso[1]!, iso[2]!, iso[3]!] : uk ? [uk[3]!, uk[2]!, uk[1]!] : undefined;
  if (!parts) {
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(given)) return { message: `write the year in full, like 31/03/2027, got "${given}"` };
    return { message: `expected a date like 31/03/2027 or 2027-03-31, got "${given}"` };
  }
  const [y, m, d] = parts;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (isCalendarDate(date)) return { date };
  const month = Number(m);
  if (month < 1 || month > 12) {
    return {
      message: uk
        ? `there is no month ${month} in "${given}": dates are read day first, like 31/03/2027 for 31 March 2027`
        : `there is no month ${month} in "${given}"`,
    };
  }
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return { message: `"${given}" is not a real date: ${MONTHS[month - 1]} ${y} has ${days} days` };
}
