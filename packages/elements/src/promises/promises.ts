import { html } from 'lit';
import { BRAG_WORST_FIRST, rollUp, youSaidWeDid, type Brag, type PromiseView, type RollUpGroup } from '@pledgeflow/core';
import { PledgeSelectEvent } from '../shared/events.js';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { planNames } from '../shared/plan-names.js';
import { contentStyles } from '../shared/content.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { promisesStyles } from './promises.styles.js';

const DONE = new Set(['completed', 'verified']);

/**
 * The pledge: each promise with its number, title, stage and how the actions that deliver
 * it are doing. With `child-friendly`, the view for the Children in Care Council's own
 * pages: each promise in the words written with children, progress in plain words ("We have
 * done 3 of the 5 things we said we would"), and "you said, we did".
 *
 * @customElement pledge-promises
 * @summary The promises of the pledge, with a child-friendly mode.
 * @attr child-friendly - Show the child-friendly wording, progress in words and "you said, we did".
 * @attr selected - The id of the chosen promise, marked with `aria-current`.
 * @attr heading-level - The level of the pledge's heading, 1 to 6 (default 2); each promise's is one below.
 * @attr today - The day to count from, YYYY-MM-DD (default: today in the UK).
 * @event {PledgeSelectEvent} pledge-select - A person chose a promise: `event.id` is its id, `event.kind` is `'promise'`.
 * @csspart pledge - The whole pledge.
 * @csspart title - The pledge's heading.
 * @csspart list - The list of promises.
 * @csspart promise - One promise.
 * @csspart promise-title - A promise's heading.
 * @csspart promise-button - The button that chooses a promise.
 * @csspart child-friendly - The promise in the words written with children.
 * @csspart progress - How the promise's actions are doing.
 * @csspart feedback - The "you said, we did" section.
 * @csspart heading - The "you said, we did" heading.
 * @csspart empty - The sentence shown when there is nothing to list.
 * @cssproperty --pledge-color-link - Colour of the promise buttons.
 * @cssproperty --pledge-color-surface - Background of each "you said, we did" pair.
 * @cssproperty --pledge-color-border - Rules between promises.
 * @cssproperty --pledge-space - The unit of spacing.
 * @cssproperty [--pledge-color-red=#942514] - Overdue counts in each promise's progress: text, shape and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Overdue counts in each promise's progress: background.
 * @cssproperty [--pledge-color-amber=#6e3619] - At risk counts in each promise's progress: text, shape and border.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - At risk counts in each promise's progress: background.
 * @cssproperty [--pledge-color-green=#005a30] - On track counts in each promise's progress: text, shape and border.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - On track counts in each promise's progress: background.
 * @cssproperty [--pledge-color-blue=#0c2d4a] - Done counts in each promise's progress: text, shape and border.
 * @cssproperty [--pledge-color-blue-background=#bbd4ea] - Done counts in each promise's progress: background.
 * @cssproperty [--pledge-color-grey=#383f43] - Not active counts in each promise's progress: text, shape and border.
 * @cssproperty [--pledge-color-grey-background=#e5e6e7] - Not active counts in each promise's progress: background.
 */
export class PledgePromises extends PledgeElement {
  static override styles = [tokens, contentStyles, promisesStyles];
  static override properties = {
    ...PledgeElement.properties,
    childFriendly: { type: Boolean, attribute: 'child-friendly', reflect: true },
    selected: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Show the child-friendly view. */
  declare childFriendly: boolean;
  /** The id of the chosen promise. */
  declare selected: string | undefined;
  /** The level of the pledge's heading (1 to 6). */
  declare headingLevel: number | undefined;

  constructor() {
    super();
    this.childFriendly = false;
  }

  #choose(promise: PromiseView) {
    this.selected = promise.id;
    this.dispatchEvent(new PledgeSelectEvent(promise.id, 'promise'));
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p part="empty">${m.noTracker}</p>`;
    const state = tracker.state();
    const groups = new Map(rollUp(state, this.day, 'promise').map((g) => [g.key, g]));
    // Children see the pledge as it stands: a retired promise is no longer one of theirs.
    const promises = state.promises.filter((p) => !this.childFriendly || p.state !== 'retired');
    const sub = subLevel(this.headingLevel);
    return html`<section part="pledge" class=${this.childFriendly ? 'child' : 'staff'} aria-labelledby="pledge-title">
      ${heading(this.headingLevel, 'title', m.pledgeTitle, 'pledge-title')}
      ${promises.length
        ? html`<ol part="list" class="promises">
            ${promises.map((p) => html`<li part="promise" data-id=${p.id}>${this.#promise(p, groups.get(p.id), sub)}</li>`)}
          </ol>`
        : html`<p part="empty">${m.noPromises}</p>`}
      ${this.childFriendly ? this.#feedback(sub) : ''}
    </section>`;
  }

  #promise(p: PromiseView, group: RollUpGroup | undefined, level: number) {
    const m = this.m;
    const button = html`<button type="button" part="promise-button" class="link" aria-current=${this.selected === p.id ? 'true' : 'false'}
      @click=${() => this.#choose(p)}>${m.promiseHeading(p.number, p.title)}</button>`;
    if (this.childFriendly) {
      return html`${heading(level, 'promise-title', button)}
        <p part="child-friendly" class="words">${p.childFriendly}</p>
        <p class="state">${m.childStates[p.state] ?? ''}</p>
        <p part="progress" class="progress">${this.#childProgress(group)}</p>`;
    }
    const owner = planNames(this.tracker!.plan).person(p.owner);
    const total = group?.total ?? 0;
    return html`${heading(level, 'promise-title', button)}
      <dl class="facts">
        <div><dt>${m.stage}</dt><dd class="stage">${m.states[p.state] ?? p.state}</dd></div>
        ${p.judgement?.reason && p.state !== 'retired' ? html`<div><dt>${m.reason}</dt><dd>${p.judgement.reason}</dd></div>` : ''}
        ${p.state === 'retired' && p.retiredReason ? html`<div><dt>${m.reason}</dt><dd>${p.retiredReason}</dd></div>` : ''}
        ${owner ? html`<div><dt>${m.owner}</dt><dd>${owner}</dd></div>` : ''}
      </dl>
      <div part="progress" class="progress">
        <p>${m.actionsDeliver(total)}</p>
        ${total
          ? html`<ul class="counts">
              ${BRAG_WORST_FIRST.filter((s) => group!.counts[s] > 0).map(
                (s) => html`<li data-status=${s}><pledge-status status=${s} label=${m.bragCount(m.brag[s] ?? s, group!.counts[s])}></pledge-status></li>`,
              )}
            </ul>`
          : ''}
      </div>`;
  }

  /** Done out of the things still promised: a withdrawn action is no longer one of them. */
  #childProgress(group: RollUpGroup | undefined) {
    const actions = (group?.actions ?? []).map((id) => this.tracker!.getAction(id)).filter((a) => a && a.state !== 'withdrawn');
    return this.m.childProgress(actions.filter((a) => DONE.has(a!.state)).length, actions.length);
  }

  #feedback(level: number) {
    const m = this.m;
    const { answered, unanswered } = youSaidWeDid(this.tracker!.plan);
    // The newest first: what children said most recently is what they will look for.
    const all = [...answered, ...unanswered].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    return html`<section part="feedback" class="feedback" aria-labelledby="feedback-title">
      ${heading(level, 'heading', m.youSaidWeDidTitle, 'feedback-title')}
      ${all.length
        ? html`<ul class="pairs">
            ${all.map(
              (f) => html`<li data-id=${f.id}>
                <p class="said"><strong>${m.youSaid}:</strong> ${f.said}</p>
                <p class="meta">${m.saidBy(f.from, formatDate(f.date))}</p>
                ${f.response
                  ? html`<p class="did"><strong>${m.weDid}:</strong> ${f.response.did}</p><p class="meta">${formatDate(f.response.date)}</p>`
                  : html`<p class="did waiting"><strong>${m.weDid}:</strong> ${m.stillWorking}</p>`}
              </li>`,
            )}
          </ul>`
        : html`<p part="empty">${m.noFeedback}</p>`}
    </section>`;
  }
}
