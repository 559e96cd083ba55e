import { assign, setup } from 'xstate';
import type { Meeting } from '../schema/plan.js';
import { meetingChecks, meetingLifecycleConfig, meetingUpdates, type MeetingContext, type MeetingEvent, type MeetingGuard, type MeetingUpdate } from './meeting.lifecycle.js';

type Args = { context: MeetingContext; event: MeetingEvent };
const guard = (name: MeetingGuard) => ({ context, event }: Args) => !(meetingChecks[name] as (c: MeetingContext, e: MeetingEvent) => string | undefined)(context, event);
const update = (name: MeetingUpdate) =>
  assign<MeetingContext, MeetingEvent, undefined, MeetingEvent, never>(({ context, event }: Args) =>
    (meetingUpdates[name] as (c: MeetingContext, e: MeetingEvent) => Partial<MeetingContext>)(context, event),
  );

const names = <K extends string>(keys: readonly K[], make: (k: K) => unknown) => Object.fromEntries(keys.map((k) => [k, make(k)]));

/**
 * A board meeting as an XState v5 machine: the lifecycle in `meeting.lifecycle.ts`, with its
 * named guards and actions. The tracker folds the same configuration without XState's runtime.
 */
export const meetingMachine = setup({
  types: { context: {} as MeetingContext, events: {} as MeetingEvent, input: {} as Meeting },
  guards: names(Object.keys(meetingChecks) as MeetingGuard[], guard) as Record<MeetingGuard, (args: Args) => boolean>,
  actions: names(Object.keys(meetingUpdates) as MeetingUpdate[], update) as Record<MeetingUpdate, ReturnType<typeof update>>,
}).createMachine(meetingLifecycleConfig);

export type MeetingMachine = typeof meetingMachine;
