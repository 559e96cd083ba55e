const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London',
});

/** Dates already formatted: a plan has a few hundred distinct dates, and a long list shows each many times. */
const formattedDates = new Map<string, string>();

/** A calendar date (YYYY-MM-DD) as people read it: "18 December 2026". Anything else is shown as given. */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  let text = formattedDates.get(date);
  if (text === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) return date;
    text = dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    // Bounded: the dates come from the data, not from a fixed set.
    if (formattedDates.size >= 10_000) formattedDates.clear();
    formattedDates.set(date, text);
  }
  return text;
}

/** An instant in UK time: "13 July 2026 at 9:17am". */
export function formatInstant(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  return timeFormat.format(new Date(t)).replace(/\s?([ap])\.?m\.?$/i, (_, x: string) => `${x.toLowerCase()}m`);
}
