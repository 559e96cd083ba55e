// @pledgeflow/elements: the classes. Importing this registers nothing; import
// '@pledgeflow/elements/define.js' to register every element under its `pledge-` name.
export { PledgeElement } from './shared/pledge-element.js';
export { TrackerController } from './shared/tracker-controller.js';
export { defaultMessages, mergeMessages } from './shared/messages.js';
export type { Messages, MessageOverrides } from './shared/messages.js';
export { PledgeStepEvent, PledgeSelectEvent, PledgeErrorEvent, PledgeLoadEvent, PledgeActorChangeEvent } from './shared/events.js';
export { safeHref } from './shared/safe-link.js';
export { defineElement } from './shared/define.js';
export { tokens } from './shared/tokens.styles.js';
export { PledgeStatus } from './status/status.js';
