import { addWorkingDays, workingDaysBetween, type CalendarOptions } from '../calendar/working-days.js';

/**
 * @internal The calendar questions a query over every action asks about one day, each
 * answered once: many actions share a due date (the end of a quarter).
 */
export class CalendarDay {
  readonly #late = new Map<string, number>();
  readonly #ahead = new Map<number, string>();

  constructor(
    readonly today: string,
    readonly calendar: CalendarOptions,
  ) {}

  /** Working days from `dueDate` to today, as workingDaysBetween counts them. */
  workingDaysLate(dueDate: string): number {
    let late = this.#late.get(dueDate);
    if (late === undefined) this.#late.set(dueDate, (late = workingDaysBetween(dueDate, this.today, this.calendar)));
    return late;
  }

  /** The date `n` working days after today. */
  workingDaysAhead(n: number): string {
    let date = this.#ahead.get(n);
    if (date === undefined) this.#ahead.set(n, (date = addWorkingDays(this.today, n, this.calendar)));
    return date;
  }
}
