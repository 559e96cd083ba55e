// Registers every pledgeflow element. Safe to import twice; names already taken are left alone.
import { defineElement } from './shared/define.js';
import { PledgeStatus } from './status/status.js';

defineElement('pledge-status', PledgeStatus);

declare global {
  interface HTMLElementTagNameMap {
    'pledge-status': PledgeStatus;
  }
}
