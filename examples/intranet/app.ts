// The example intranet page's own script: the "signed in as" switcher. The tracker itself
// comes from pledgeflow.js. Sign-in belongs to the host page, so the page tells the tracker
// who is signed in by setting its `actor` property: { userId, agencyId, role }.
import type { Actor, Role } from '@pledgeflow/core';
import { PledgeActorChangeEvent, type PledgeTracker } from '@pledgeflow/elements';

/** Wires `#person` (a select whose options carry data-agency, data-role and data-can) to the page's tracker. */
export function setUpPersonSwitcher(root: ParentNode = document): void {
  const select = root.querySelector<HTMLSelectElement>('#person');
  const tracker = root.querySelector<PledgeTracker>('pledge-tracker');
  const can = root.querySelector<HTMLElement>('#person-can');
  if (!select || !tracker) return;

  const signIn = () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    const actor: Actor = { userId: option.value, agencyId: option.dataset['agency'] ?? '', role: option.dataset['role'] as Role };
    tracker.actor = actor;
    if (can) can.textContent = option.dataset['can'] ?? '';
    select.dispatchEvent(new PledgeActorChangeEvent(actor));
  };
  select.addEventListener('change', signIn);
  // Lit keeps a property set before the element is defined, but waiting makes the order plain.
  void customElements.whenDefined('pledge-tracker').then(signIn);

  // Once the plan is in, offer only people it knows (the example plan could change).
  tracker.addEventListener('pledge-load', () => {
    const people = new Set(tracker.tracker?.plan.people.map((p) => p.id));
    for (const option of select.options) option.disabled = !people.has(option.value);
  });
}

setUpPersonSwitcher();
