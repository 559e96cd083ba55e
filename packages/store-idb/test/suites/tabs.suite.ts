import type { PledgeEvent, RejectedEvent } from '@pledgeflow/core';
import { editor, ev, inbox, lead, plan, saved, scratch, type Runner } from '../support.js';

type Received = { applied: PledgeEvent[]; rejected: RejectedEvent[] };

export function tabsSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  async function twoTabs() {
    const name = db.name();
    const heardByA = inbox<Received>();
    const heardByB = inbox<Received>();
    const a = await db.open(name, { onReceive: heardByA.push });
    const b = await db.open(name, { onReceive: heardByB.push });
    return { name, a: a.tracker, b: b.tracker, heardByA, heardByB };
  }

  describe('two tabs on one plan', () => {
    it("shows one tab's change in the other without a reload", async () => {
      const { a, b, heardByB } = await twoTabs();
      const agree = ev(lead, 'a1', 'action.agree');
      await saved(a.send(agree));
      const heard = await heardByB.next();
      expect(heard.applied.map((e) => e.id)).to.deep.equal([agree.id]);
      expect(b.getAction('a1')!.state).to.equal('agreed');
    });

    it('refuses a step in the second tab that no longer fits what the first tab did', async () => {
      const { a, b, heardByB } = await twoTabs();
      await saved(a.send(ev(editor, 'a1', 'action.withdraw', { reason: 'Merged into a2.' })));
      await heardByB.next();
      const late = b.send(ev(lead, 'a1', 'action.agree'));
      expect(late.ok).to.equal(false);
      expect((late as { reasons: string[] }).reasons.join(' ')).to.include('withdrawn');
    });

    it('when both tabs act at once, both keep the earlier step and refuse the later one with a reason, as a reload does', async () => {
      const { name, a, b, heardByA, heardByB } = await twoTabs();
      const withdraw = ev(editor, 'a1', 'action.withdraw', { reason: 'Merged into a2.' });
      const agree = ev(lead, 'a1', 'action.agree');
      await Promise.all([saved(a.send(withdraw)), saved(b.send(agree))]);
      const [toA, toB] = await Promise.all([heardByA.next(), heardByB.next()]);
      expect(toA.rejected.map((r) => r.event.id)).to.deep.equal([agree.id]);
      expect(toA.rejected[0]!.reasons.join(' ')).to.include('withdrawn');
      expect(toB.applied.map((e) => e.id)).to.deep.equal([withdraw.id]);
      expect(toB.rejected.map((r) => r.event.id)).to.deep.equal([agree.id]);
      expect([a.getAction('a1')!.state, b.getAction('a1')!.state]).to.deep.equal(['withdrawn', 'withdrawn']);

      const reloaded = await db.open(name);
      expect(reloaded.tracker.getAction('a1')!.state).to.equal('withdrawn');
      expect(reloaded.tracker.rejected.map((r) => r.event.id)).to.deep.equal([agree.id]);
      expect(reloaded.notices.join(' ')).to.include('Lee Lead agreed the action');
    });
  });
}
