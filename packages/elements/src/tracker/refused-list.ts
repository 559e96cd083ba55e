import { html } from 'lit';
import { describeEvent, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import type { RefusedStep } from '@pledgeflow/sync';
import { formatDate } from '../shared/format.js';

/** What a refused step was, in words: from the event when this computer took it, else from its type. */
function what(tracker: Tracker, step: RefusedStep): string {
  if (step.event) {
    try {
      return describeEvent(step.event as PledgeEvent, tracker.plan);
    } catch {
      // fall through to the type
    }
  }
  return step.type.replace(/^(action|promise)\./, '').replace(/[.-]/g, ' ');
}

/**
 * The person's steps that the server did not accept, with its reasons: never dropped without a
 * word. Each names its item, which opens it (where the person took the step).
 */
export function refusedList(tracker: Tracker, steps: readonly RefusedStep[], open: (stream: string) => void) {
  return html`<div class="problems error" part="refused" role="alert">
    <p><strong>${steps.length === 1 ? 'The server did not accept one of your changes.' : `The server did not accept ${steps.length} of your changes.`}</strong>
      Each item shows what the server has; here is what was not accepted, and why.</p>
    <ul>${steps.map((r) => html`<li>
      <button type="button" class="link" @click=${() => open(r.stream)}>${tracker.get(r.stream)?.title ?? r.stream}</button>:
      you ${what(tracker, r)} (${formatDate(r.at.slice(0, 10))}). ${r.reasons.join(' ')}
    </li>`)}</ul>
  </div>`;
}
