import type { Actor, EventType, PledgeEvent, SendResult } from '@pledgeflow/core';

const init = { bubbles: true, composed: true } as const;

/** A step as a person took it through an element: the tracker adds who, when and an id. */
export interface TakenStep {
  stream: string;
  type: EventType;
  data: Record<string, unknown>;
}

/**
 * A person took a step through an element, or tried to: `step` is always there, `event` only
 * when the tracker recorded it (`result.ok`), since a refused step never became an event.
 */
export class PledgeStepEvent extends Event {
  static readonly type = 'pledge-step';
  /** The event the tracker recorded (`result.event`); undefined when the step was refused. */
  readonly event: PledgeEvent | undefined;
  constructor(readonly step: TakenStep, readonly result: SendResult) {
    super(PledgeStepEvent.type, init);
    this.event = result.ok ? result.event : undefined;
  }
}

/** A person chose an item (a row in a list, a promise), so the host can show it. */
export class PledgeSelectEvent extends Event {
  static readonly type = 'pledge-select';
  constructor(readonly id: string, readonly kind: 'action' | 'promise') {
    super(PledgeSelectEvent.type, init);
  }
}

/**
 * A person changed the list's filters or sort. `filters` holds each one by its attribute's name
 * (`workstream`, `agency`, `sort-by`, ...), only those set; `<pledge-tracker>` puts them in the URL.
 */
export class PledgeFilterEvent extends Event {
  static readonly type = 'pledge-filter';
  constructor(readonly filters: Readonly<Record<string, string>>) {
    super(PledgeFilterEvent.type, init);
  }
}

/** Something went wrong that the host may want to log or show (a plan that would not load). */
export class PledgeErrorEvent extends Event {
  static readonly type = 'pledge-error';
  constructor(readonly message: string, readonly problems: readonly string[] = []) {
    super(PledgeErrorEvent.type, init);
  }
}

/** A tracker finished loading inside an element. */
export class PledgeLoadEvent extends Event {
  static readonly type = 'pledge-load';
  constructor() {
    super(PledgeLoadEvent.type, init);
  }
}

/** The signed-in person changed (the example page's switcher fires it). */
export class PledgeActorChangeEvent extends Event {
  static readonly type = 'pledge-actor-change';
  constructor(readonly actor: Actor) {
    super(PledgeActorChangeEvent.type, init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'pledge-step': PledgeStepEvent;
    'pledge-select': PledgeSelectEvent;
    'pledge-filter': PledgeFilterEvent;
    'pledge-error': PledgeErrorEvent;
    'pledge-load': PledgeLoadEvent;
    'pledge-actor-change': PledgeActorChangeEvent;
  }
}
