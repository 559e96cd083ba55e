import { css } from 'lit';
import { BRAG_WORST_FIRST, type Brag } from '@pledgeflow/core';

/** The BRAG statuses, worst first. */
export const BRAG_STATUSES = BRAG_WORST_FIRST;

// A different shape for each status, so that neither colour nor shape alone carries it.
const SHAPES: Record<Brag, string> = {
  red: '<polygon points="5,0 11,0 16,5 16,11 11,16 5,16 0,11 0,5" />',
  amber: '<polygon points="8,0 16,16 0,16" />',
  green: '<circle cx="8" cy="8" r="8" />',
  blue: '<path d="M1 8.5 6 13.5 15 3" fill="none" stroke="currentColor" stroke-width="3" />',
  grey: '<rect x="0" y="6" width="16" height="4" />',
};
/** A clock: amber because a review date has passed, told apart from the triangle of "At risk". */
const REVIEW_SHAPE = '<path d="M8 0a8 8 0 1 0 0 16A8 8 0 0 0 8 0zm0 2.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7 4v4.6l3.2 2.2 1-1.5L9 7.8V4z" fill-rule="evenodd" />';

const prototypes = new Map<string, HTMLSpanElement>();

/**
 * The badge itself, as a new element: a word, a shape and a colour. `<pledge-status>` wraps
 * it; a long list draws it in its own rows, so 1,000 rows do not mean 1,000 elements to
 * upgrade. Cloned from one badge per status, as fast as the browser makes elements.
 * `reviewOverdue` draws the clock of "Review overdue" (an amber action whose only problem is a
 * review date that has passed) instead of the status's own shape.
 */
export function badge(status: Brag, word: string, part = 'badge', reviewOverdue = false): HTMLSpanElement {
  const key = `${status} ${part} ${reviewOverdue}`;
  let prototype = prototypes.get(key);
  if (!prototype) {
    const template = document.createElement('template');
    template.innerHTML = `<span class="badge"><svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">${reviewOverdue ? REVIEW_SHAPE : SHAPES[status]}</svg></span>`;
    prototype = document.importNode(template.content.firstElementChild as HTMLSpanElement, true);
    // Set, not written into the markup: `part` comes from the caller.
    prototype.classList.add(status);
    if (reviewOverdue) prototype.classList.add('review');
    prototype.setAttribute('part', part);
    prototypes.set(key, prototype);
  }
  const element = prototype.cloneNode(true) as HTMLSpanElement;
  element.append(word);
  return element;
}

export const badgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.1em 0.55em;
    font-weight: 700;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    white-space: nowrap;
  }
  .badge svg {
    width: 0.9em;
    height: 0.9em;
    flex: none;
  }
  .badge.red { color: var(--_red); background: var(--_red-bg); }
  .badge.amber { color: var(--_amber); background: var(--_amber-bg); }
  .badge.green { color: var(--_green); background: var(--_green-bg); }
  .badge.blue { color: var(--_blue); background: var(--_blue-bg); }
  .badge.grey { color: var(--_grey); background: var(--_grey-bg); }
  @media (forced-colors: active) {
    .badge { border-color: CanvasText; }
  }
`;
