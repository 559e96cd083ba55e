import { createElement, useEffect, useInsertionEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActorSchema, addDays, formatProblem, isCalendarDate, problemsFromZod, startOfLondonDay, todayInLondon, type Actor, type Tracker } from '@pledgeflow/core';
import type { Observable, SyncStatus } from '@pledgeflow/sync';
import { TrackerContext, type EventClock, type TrackerContextValue } from './context.js';

export interface TrackerProviderProps {
  tracker: Tracker;
  /** The signed-in person: every step is checked against what their role may do. */
  actor: Actor;
  /**
   * The day BRAG statuses and queries are worked out for (YYYY-MM-DD). Defaults to today in
   * UK time; pass it when rendering on the server and hydrating, so both sides agree.
   */
  today?: string;
  /** Makes the id of each step taken (the idempotency key). Defaults to the tracker's: a ULID-like id from the step's time. */
  newEventId?: () => string;
  /** The time a step is recorded as happening (its `at`). Defaults to the tracker's clock (the system clock unless the tracker was given one). */
  now?: () => Date;
  /** With a sync server: the client's status (`connect()`'s `status`, or `<pledge-tracker>`'s `syncStatus`), for `useSyncStatus()`. */
  syncStatus?: Observable<SyncStatus>;
  children?: ReactNode;
}

function checkedActor(actor: Actor): Actor {
  const parsed = ActorSchema.safeParse(actor, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, ['actor']).map(formatProblem).join(' ');
    throw new TypeError(`<TrackerProvider actor={...}> is not a person the tracker knows how to check: ${problems}`);
  }
  return Object.freeze({ userId: actor.userId, agencyId: actor.agencyId, role: actor.role });
}

/**
 * Gives the hooks below it a tracker, the signed-in person, the day, and where event ids
 * and times come from. Holds no state of its own: the tracker is the truth.
 */
export function TrackerProvider({ tracker, actor, today, newEventId, now, syncStatus, children }: TrackerProviderProps) {
  const day = useUkToday(today);
  if (!isCalendarDate(day)) {
    throw new RangeError(`<TrackerProvider today="${day}">: expected a date written YYYY-MM-DD, such as 2026-11-25.`);
  }
  // Keyed on the fields, not the object: `actor={{ ... }}` written inline re-renders nothing below.
  const { userId, agencyId, role } = actor;
  const person = useMemo(() => checkedActor({ userId, agencyId, role }), [userId, agencyId, role]);

  const clock = useRef<EventClock>({ newEventId, now });
  // An insertion effect runs before any event handler can send, and not on the server.
  useInsertionEffect(() => {
    clock.current = { newEventId, now };
  }, [newEventId, now]);

  const value = useMemo<TrackerContextValue>(
    () => ({ tracker, actor: person, today: day, clock, ...(syncStatus ? { syncStatus } : {}) }),
    [tracker, person, day, syncStatus],
  );
  return createElement(TrackerContext.Provider, { value }, children);
}

/**
 * `today` when given; otherwise today's UK date, kept current: at UK midnight, and when the
 * page is shown again (a laptop that slept overnight), the day moves on and hooks re-render.
 */
function useUkToday(today: string | undefined): string {
  const [current, setCurrent] = useState(() => today ?? todayInLondon(new Date()));
  useEffect(() => {
    if (today !== undefined) return undefined;
    const check = () => setCurrent(todayInLondon(new Date()));
    check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const next = startOfLondonDay(addDays(todayInLondon(new Date()), 1));
      // Timers drift and sleep: wake at midnight (capped at an hour) and check again.
      timer = setTimeout(() => {
        check();
        schedule();
      }, Math.min(Math.max(next - Date.now(), 1000), 3_600_000));
    };
    schedule();
    const onVisible = () => {
      if (typeof document === 'undefined' || document.visibilityState === 'visible') check();
    };
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    };
  }, [today]);
  return today ?? current;
}
