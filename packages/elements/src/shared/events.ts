import type { Actor, PledgeEvent, SendResult } from '@pledgeflow/core';

const init = { bubbles: true, composed: true } as const;

/** A person took a step (accepted or refused) through an element. */
export class PledgeStepEvent extends Event {
  static readonly type = 'pledge-step';
  constructor(readonly event: PledgeEvent | undefined, readonly result: SendResult) {
    super(PledgeStepEvent.type, init);
  }
}

/** A person chose an item (a row in a list, a promise), so the host can show it. */
export class PledgeSelectEvent extends Event {
  static readonly type = 'pledge-select';
  constructor(readonly id: string, readonly kind: 'action' | 'promise') {
    super(PledgeSelectEvent.type, init);
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
    'pledge-error': PledgeErrorEvent;
    'pledge-load': PledgeLoadEvent;
    'pledge-actor-change': PledgeActorChangeEvent;
  }
}
