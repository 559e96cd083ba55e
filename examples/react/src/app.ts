// The example React intranet page: the overdue list, and one action a working-group lead can
// move forward. Plain `createElement` (as `h`) so that the repository needs no JSX settings.
import { createElement as h, useEffect, useRef, useState, type FormEvent } from 'react';
import { overdueActions, ROLE_LABELS, type ActionEventType, type Actor, type SendResult, type Tracker } from '@pledgeflow/core';
import { TrackerProvider, useAction, useActor, useQuery, useToday, useTracker } from '@pledgeflow/react';

/** The steps that move an action forward, in plain words, and the one field each asks for. */
const FORWARD_STEPS: Partial<Record<ActionEventType, { button: string; field?: { name: 'note' | 'reason'; label: string } }>> = {
  'action.agree': { button: 'Agree the action' },
  'action.start': { button: 'Start work' },
  'action.progress': { button: 'Record progress', field: { name: 'note', label: 'What has happened since the last update?' } },
  'action.flag-risk': { button: 'Flag a risk', field: { name: 'reason', label: 'What puts this action at risk?' } },
  'action.clear-risk': { button: 'Clear the risk' },
  'action.complete': { button: 'Mark as complete' },
  'action.resume': { button: 'Resume work' },
  'action.review': { button: 'Record a review' },
};

export interface AppProps {
  tracker: Tracker;
  /** The person signed in when the page opens (their id in the plan). */
  signedIn: string;
  today: string;
}

/** The whole page: who is signed in, the overdue list, and the chosen action. */
export function App({ tracker, signedIn, today }: AppProps) {
  const [userId, setUserId] = useState(signedIn);
  const person = tracker.plan.people.find((p) => p.id === userId) ?? tracker.plan.people[0]!;
  const actor: Actor = { userId: person.id, agencyId: person.agency, role: person.role };
  const [selected, setSelected] = useState<string | undefined>(undefined);

  return h(
    TrackerProvider,
    { tracker, actor, today },
    h(
      'div',
      { className: 'signed-in' },
      h('label', { htmlFor: 'person' }, 'Signed in as '),
      h(
        'select',
        { id: 'person', value: userId, onChange: (e: { target: { value: string } }) => setUserId(e.target.value) },
        tracker.plan.people.map((p) => h('option', { key: p.id, value: p.id }, `${p.name}, ${ROLE_LABELS[p.role]}`)),
      ),
    ),
    h(OverdueList, { selected, onSelect: setSelected }),
    selected ? h(ActionPanel, { key: selected, id: selected }) : h('p', null, 'Choose an action to see what you can do with it.'),
  );
}

function OverdueList({ selected, onSelect }: { selected: string | undefined; onSelect: (id: string) => void }) {
  const today = useToday();
  // Re-renders only when the overdue list itself changes, not on every step anywhere in the plan.
  const overdue = useQuery((state, day) => overdueActions(state, day).map((o) => ({ id: o.action.id, days: o.daysOverdue })));
  if (!overdue.length) return h('p', null, `No actions are overdue on ${today}.`);
  return h(
    'table',
    null,
    h('caption', null, `Overdue actions on ${today}`),
    h('thead', null, h('tr', null, ['Action', 'Owner', 'Due', 'Days overdue', 'Status'].map((c) => h('th', { key: c, scope: 'col' }, c)))),
    h('tbody', null, overdue.map((o) => h(OverdueRow, { key: o.id, id: o.id, days: o.days, selected: o.id === selected, onSelect }))),
  );
}

function OverdueRow({ id, days, selected, onSelect }: { id: string; days: number; selected: boolean; onSelect: (id: string) => void }) {
  const action = useAction(id)!;
  const owner = usePersonName(action.view.owner);
  return h(
    'tr',
    null,
    h('td', null, h('button', { type: 'button', className: 'link-button', 'aria-pressed': selected, onClick: () => onSelect(id) }, `${id}: ${action.view.title}`)),
    h('td', null, owner),
    h('td', { className: 'date' }, action.view.dueDate ? h('time', { dateTime: action.view.dueDate }, ukDate(action.view.dueDate)) : 'Not set'),
    h('td', null, String(days)),
    // A Lit web component inside React: React 19 sets `status` and `label` on it as properties.
    h('td', null, h('pledge-status', { status: action.brag.status, label: action.brag.label })),
  );
}

function ActionPanel({ id }: { id: string }) {
  const action = useAction(id);
  const actor = useActor();
  const owner = usePersonName(action?.view.owner);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []); // the panel appears when someone chooses an action: take them to it
  if (!action) return h('p', { className: 'error' }, `There is no action "${id}" in this plan.`);

  const offered = action.nextSteps.filter((step) => FORWARD_STEPS[step.type]);
  const allowed = offered.filter((step) => step.allowed);
  const refused = offered.filter((step) => !step.allowed);
  const shown = outcome?.userId === actor.userId ? outcome : undefined; // never show one person's message to another
  const send = (type: ActionEventType, data: Record<string, string>) => {
    const result = action.send(type, data as never);
    setOutcome({ type, result, userId: actor.userId });
    return result;
  };

  return h(
    'section',
    { className: 'action-panel', 'aria-labelledby': 'action-title' },
    h('h2', { id: 'action-title', tabIndex: -1, ref: heading }, `${id}: ${action.view.title}`),
    h(
      'p',
      null,
      h('pledge-status', { status: action.brag.status, label: action.brag.label }),
      ` ${action.stateLabel}. Owner: ${owner}. ${dueAndWhy(action.view.dueDate, action.brag.why)} ${evidenceCount(action.evidence.length)}.`,
    ),
    shown && !shown.result.ok && h(ErrorSummary, { outcome: shown, reasons: shown.result.reasons }),
    // Always in the page, so that screen readers announce what is written into it.
    h('div', { role: 'status', className: shown?.result.ok ? 'done' : undefined }, shown?.result.ok ? doneMessage(shown.type, shown.result.warnings) : null),
    h('h3', null, 'What you can do'),
    allowed.length
      ? h(
          'div',
          { className: 'steps' },
          allowed.map((step) => {
            const type = step.type;
            const problems = shown && !shown.result.ok && shown.type === type ? aboutField(type, shown.result.reasons) : [];
            return h(StepForm, { key: type, type, problems, onSend: send });
          }),
        )
      : h('p', null, 'There is nothing you can do to move this action forward now.'),
    refused.length > 0 &&
      h(
        'details',
        null,
        h('summary', null, `Steps you cannot take now (${refused.length})`),
        h('ul', null, refused.map((step) => h('li', { key: step.type }, h('strong', null, FORWARD_STEPS[step.type]!.button), `: ${step.reasons.join(' ')}`))),
      ),
    h('h3', null, 'Recent changes'),
    action.history.length
      ? h('ol', { reversed: true }, action.history.slice(-5).reverse().map((entry) => h('li', { key: entry.eventId }, h('time', { dateTime: entry.at }, ukDate(entry.at.slice(0, 10))), `: ${ukDates(entry.summary)}`)))
      : h('p', null, 'Nothing has happened to this action yet.'),
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD) as people say it: "29 January 2027". */
function ukDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Every YYYY-MM-DD in a sentence from the core (history, why) as people say it. */
const ukDates = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ukDate);

/** The due date and why the status is what it is, saying the due date once. */
function dueAndWhy(dueDate: string | undefined, why: string): string {
  const because = ukDates(why);
  if (because.startsWith('due ')) return `Due ${because.slice(4)}.`; // "due 29 January 2027, 3 days ago": already says it
  return `${dueDate ? `Due ${ukDate(dueDate)}` : 'No due date yet'}; ${because}.`;
}

interface Outcome {
  type: ActionEventType;
  result: SendResult;
  userId: string;
}

const fieldId = (type: ActionEventType) => `step-${type.replaceAll('.', '-')}`;
/** The reasons that are about the step's one field ("data.reason: must not be empty"). */
const aboutField = (type: ActionEventType, reasons: readonly string[]) => {
  const field = FORWARD_STEPS[type]?.field;
  return field ? reasons.filter((r) => r.startsWith(`data.${field.name}`)) : [];
};
/** "data.reason: must not be empty" as the person sees the field: "What puts this action at risk? Must not be empty." */
const inWords = (type: ActionEventType) => (reason: string) => {
  const field = FORWARD_STEPS[type]?.field;
  const rest = field && reason.startsWith(`data.${field.name}: `) ? reason.slice(`data.${field.name}: `.length) : undefined;
  return field && rest ? `${field.label} ${rest.charAt(0).toUpperCase()}${rest.slice(1).replace(/\.?$/, '.')}` : reason;
};
const evidenceCount = (n: number) => (n === 0 ? 'No evidence yet' : n === 1 ? '1 piece of evidence' : `${n} pieces of evidence`);

function doneMessage(type: ActionEventType, warnings: readonly string[]) {
  return h(
    'div',
    null,
    h('p', null, `“${FORWARD_STEPS[type]!.button}” was recorded.`),
    warnings.length > 0 && h('ul', null, warnings.map((warning) => h('li', { key: warning }, `Please check: ${warning}`))),
  );
}

/** GOV.UK-style error summary: focused when it appears, each reason about the field linking to it. */
function ErrorSummary({ outcome, reasons }: { outcome: Outcome; reasons: readonly string[] }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [outcome]);
  const linked = new Set(aboutField(outcome.type, reasons));
  return h(
    'div',
    { className: 'error-summary', role: 'alert', tabIndex: -1, ref: summary },
    h('h3', null, `“${FORWARD_STEPS[outcome.type]!.button}” was not recorded`),
    h('ul', null, reasons.map((reason) => h('li', { key: reason }, linked.has(reason) ? h('a', { href: `#${fieldId(outcome.type)}` }, inWords(outcome.type)(reason)) : reason))),
  );
}

/** One step: a button, or a small form when the step needs words from the person. Nothing typed is lost on a refusal. */
function StepForm({ type, problems, onSend }: { type: ActionEventType; problems: readonly string[]; onSend: (type: ActionEventType, data: Record<string, string>) => SendResult }) {
  const { button, field } = FORWARD_STEPS[type]!;
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Sent as typed, even empty: the tracker says what is wrong, and the text stays for the person to fix.
    if (onSend(type, field ? { [field.name]: text } : {}).ok) setText('');
  };
  const id = fieldId(type);
  return h(
    'form',
    { onSubmit: submit, className: problems.length ? 'step step--error' : 'step', noValidate: true },
    field && h('label', { htmlFor: id }, field.label),
    problems.length > 0 && h('p', { id: `${id}-error`, className: 'field-error' }, problems.map(inWords(type)).join(' ')),
    field &&
      h('textarea', {
        id,
        rows: 2,
        value: text,
        'aria-invalid': problems.length > 0 || undefined,
        'aria-describedby': problems.length ? `${id}-error` : undefined,
        onChange: (e: { target: { value: string } }) => setText(e.target.value),
      }),
    h('button', { type: 'submit' }, button),
  );
}

function usePersonName(id: string | undefined): string {
  const tracker = useTracker();
  return (id && tracker.plan.people.find((p) => p.id === id)?.name) || 'no owner yet';
}
