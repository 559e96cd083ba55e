/**
 * Folding events through a machine's configuration without XState's runtime.
 *
 * Each machine is declared once, as the configuration object that `setup().createMachine()`
 * takes (`action.lifecycle.ts`, `promise.lifecycle.ts`), with named guards and named context
 * updates. `action.machine.ts` and `promise.machine.ts` make real XState machines of them
 * (`@pledgeflow/core/xstate`); the tracker folds events with this small interpreter of the
 * same objects, which covers what our machines use: states one level deep, transitions on
 * the machine and on states, targets (`x`, `.child`, `#machine.x`), guards with params,
 * `assign`-style updates, final states. Tests fold random event sequences through both and
 * check they agree. Why: XState's runtime is most of a browser bundle's weight and most of
 * a long replay's time, and our machines need none of its actors, delays or effects.
 */

export interface Transition {
  readonly target?: string;
  readonly guard?: string | { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
  readonly actions?: string | readonly string[];
}

type Transitions = Readonly<Record<string, Transition | readonly Transition[]>>;

export interface StateConfig {
  readonly type?: 'final';
  readonly initial?: string;
  readonly on?: Transitions;
  readonly states?: Readonly<Record<string, StateConfig>>;
}

/** The part of an XState machine configuration the interpreter reads. */
export interface LifecycleConfig<C, I> extends StateConfig {
  readonly id: string;
  readonly initial: string;
  readonly context: (args: { input: I }) => C;
  readonly states: Readonly<Record<string, StateConfig>>;
}

/** Named guards (allowed when true) and named context updates, as the machine's `setup()` has them. */
export interface LifecycleImplementations<C, E> {
  readonly guards: Readonly<Record<string, (context: C, event: E, params?: Readonly<Record<string, unknown>>) => boolean>>;
  readonly updates: Readonly<Record<string, (context: C, event: E) => Partial<C>>>;
}

export interface Lifecycle<C = unknown, E extends { type: string } = { type: string }, I = unknown> {
  readonly config: LifecycleConfig<C, I>;
  readonly implementations: LifecycleImplementations<C, E>;
}

/** The same `value` (`'agreed'`, `{ adopted: 'onTrack' }`) and `context` as an XState snapshot of the machine. */
export interface LifecycleSnapshot<C = unknown> {
  readonly value: string | Readonly<Record<string, string>>;
  readonly context: C;
  readonly status: 'active' | 'done';
}

const list = <T>(x: T | readonly T[] | undefined): readonly T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x as T]);

/** The value and status of entering top-level state `key` (and `child`, or its initial child). */
function enter(config: LifecycleConfig<unknown, unknown>, key: string, child?: string): Pick<LifecycleSnapshot, 'value' | 'status'> {
  const node = config.states[key];
  if (!node) throw new Error(`${config.id}: no state "${key}"`);
  const inner = child ?? node.initial;
  if (inner !== undefined && !node.states?.[inner]) throw new Error(`${config.id}: no state "${key}.${inner}"`);
  return { value: inner === undefined ? key : { [key]: inner }, status: node.type === 'final' ? 'done' : 'active' };
}

/** The active state nodes, deepest first, each with its path (`[]` for the machine itself). */
function activeNodes(config: LifecycleConfig<unknown, unknown>, value: LifecycleSnapshot['value']): [StateConfig, string[]][] {
  const [top, child] = typeof value === 'string' ? [value, undefined] : Object.entries(value)[0]!;
  const topNode = config.states[top]!;
  const out: [StateConfig, string[]][] = [];
  if (child !== undefined) out.push([topNode.states![child]!, [top, child]]);
  out.push([topNode, [top]], [config, []]);
  return out;
}

/** The machine's first snapshot for `input`. */
export function startLifecycle<C, E extends { type: string }, I>(lifecycle: Lifecycle<C, E, I>, input: I): LifecycleSnapshot<C> {
  const { config } = lifecycle;
  return { ...enter(config as LifecycleConfig<unknown, unknown>, config.initial), context: config.context({ input }) };
}

/** A stored `value` and `context` as a snapshot, or undefined when `value` is not a state of this machine. */
export function restoreLifecycle<C>(lifecycle: Lifecycle<C, never, never>, value: unknown, context: C): LifecycleSnapshot<C> | undefined {
  const config = lifecycle.config as LifecycleConfig<unknown, unknown>;
  let top: string;
  let child: string | undefined;
  if (typeof value === 'string') top = value;
  else if (value && typeof value === 'object' && Object.keys(value).length === 1) [top, child] = Object.entries(value)[0] as [string, string];
  else return undefined;
  const node = Object.hasOwn(config.states, top) ? config.states[top]! : undefined;
  if (!node || (child === undefined) !== (node.initial === undefined)) return undefined;
  if (child !== undefined && (typeof child !== 'string' || !node.states || !Object.hasOwn(node.states, child))) return undefined;
  return { ...enter(config, top, child), context };
}

/** A transition with where it goes worked out: undefined for a transition that stays. */
type Candidate = readonly [Transition, Pick<LifecycleSnapshot, 'value' | 'status'> | undefined, readonly string[]];
type Candidates = readonly Candidate[];
const NONE: Candidates = [];

/** Per machine: for each state (`agreed`, `adopted.onTrack`) and event type, its candidate transitions, worked out once. */
const tables = new WeakMap<object, Map<string, Map<string, Candidates>>>();

function tableFor(config: LifecycleConfig<unknown, unknown>, key: string, value: LifecycleSnapshot['value']): Map<string, Candidates> {
  let byState = tables.get(config);
  if (!byState) tables.set(config, (byState = new Map()));
  let table = byState.get(key);
  if (!table) {
    table = new Map();
    for (const [node, path] of activeNodes(config, value)) {
      for (const [type, ts] of Object.entries(node.on ?? {})) {
        const found = table.get(type) ?? [];
        const resolved = list(ts).map((t): Candidate => [
          t, t.target === undefined ? undefined : enter(config, ...resolveTarget(config, t.target, path)), list(t.actions),
        ]);
        table.set(type, [...found, ...resolved]);
      }
    }
    byState.set(key, table);
  }
  return table;
}

/** The transitions the active states have for `type`, deepest state first, each with the path of the state that has it. */
function candidates(config: LifecycleConfig<unknown, unknown>, snapshot: LifecycleSnapshot, type: string): Candidates {
  if (snapshot.status !== 'active') return NONE;
  const value = snapshot.value;
  const key = typeof value === 'string' ? value : `${Object.keys(value)[0]}.${Object.values(value)[0]}`;
  return tableFor(config, key, value).get(type) ?? NONE;
}

function guardPasses<C, E>(impl: LifecycleImplementations<C, E>, t: Transition, context: C, event: E): boolean {
  const g = t.guard;
  if (g === undefined) return true;
  const name = typeof g === 'string' ? g : g.type;
  const guard = impl.guards[name];
  if (!guard) throw new Error(`no guard named "${name}"`);
  return guard(context, event, typeof g === 'string' ? undefined : g.params);
}

/** Where a transition defined on the state at `from` goes: XState's rules for `x`, `.child` and `#machine.x`. */
function resolveTarget(config: LifecycleConfig<unknown, unknown>, target: string, from: string[]): [string, string?] {
  if (target.startsWith(`#${config.id}.`)) return target.slice(config.id.length + 2).split('.') as [string, string?];
  if (target.startsWith('.')) {
    if (from.length === 0) return [target.slice(1)];
    if (from.length === 1) return [from[0]!, target.slice(1)];
  } else if (from.length === 1) return [target];
  else if (from.length === 2) return [from[0]!, target];
  throw new Error(`${config.id}: unsupported target "${target}"`);
}

// Inside foldPrivately, the context the fold made last: no one outside has seen it, so the
// fold's next update writes into it rather than copying every field for every event (a replay
// folds 100,000). Outside a fold nothing is written, so a snapshot handed out never changes.
let folding = false;
let owned: object | undefined;

/**
 * Runs `fold`, which steps one item's snapshot over its events and hands out only the last
 * snapshot (`foldItem`), with context updates made in place on the contexts it made itself.
 * Once it returns, those contexts are never written again, and one it was given (a snapshot
 * to start from) is copied before its first change, as outside a fold. A step taken in place
 * cannot be taken back, so nothing may refuse an event once its lifecycle has stepped.
 */
export function foldPrivately<T>(fold: () => T): T {
  const wasFolding = folding;
  const wasOwned = owned;
  folding = true;
  owned = undefined;
  try {
    return fold();
  } finally {
    folding = wasFolding;
    owned = wasOwned;
  }
}

/** The snapshot after `event`; the same object when the machine does not take it (XState's `transition()`, purely). */
export function stepLifecycle<C, E extends { type: string }>(lifecycle: Lifecycle<C, E, never>, snapshot: LifecycleSnapshot<C>, event: E): LifecycleSnapshot<C> {
  const config = lifecycle.config as LifecycleConfig<unknown, unknown>;
  const impl = lifecycle.implementations;
  const found = candidates(config, snapshot, event.type);
  // Indexed loops, not iterators: a replay steps 100,000 events through here.
  for (let i = 0; i < found.length; i++) {
    const candidate = found[i]!;
    if (!guardPasses(impl, candidate[0], snapshot.context, event)) continue;
    const to = candidate[1];
    const actions = candidate[2];
    let context = snapshot.context;
    for (let k = 0; k < actions.length; k++) {
      const name = actions[k]!;
      const update = impl.updates[name];
      if (!update) throw new Error(`${config.id}: no update named "${name}"`);
      const change = update(context, event);
      if (folding && context === owned) {
        Object.assign(context as object, change);
      } else {
        context = { ...context, ...change };
        if (folding) owned = context as object;
      }
    }
    return to ? { value: to.value, context, status: to.status } : { value: snapshot.value, context, status: snapshot.status };
  }
  return snapshot;
}

/** Whether the machine takes `event` now (XState's `snapshot.can(event)`): a guard passes, and nothing is stepped or written. */
export function lifecycleAccepts<C, E extends { type: string }>(lifecycle: Lifecycle<C, E, never>, snapshot: LifecycleSnapshot<C>, event: E): boolean {
  const found = candidates(lifecycle.config as LifecycleConfig<unknown, unknown>, snapshot, event.type);
  for (let i = 0; i < found.length; i++) if (guardPasses(lifecycle.implementations, found[i]![0], snapshot.context, event)) return true;
  return false;
}

/** Names of the states (any depth) that have a transition for `type`; the machine's id when the machine itself has one. */
export function statesAccepting(lifecycle: Lifecycle<never, never, never>, type: string): string[] {
  const out: string[] = [];
  const visit = (node: StateConfig, key: string) => {
    if (list(node.on?.[type]).length) out.push(key);
    for (const [k, child] of Object.entries(node.states ?? {})) visit(child, k);
  };
  visit(lifecycle.config, lifecycle.config.id);
  return out;
}

/**
 * Why the machine will not take `event` from `snapshot`: either no state it is in has a
 * transition for that type (`wrongState`), or every such transition is guarded and each
 * guard's check gives a reason.
 */
export function explainRefusal<C, E extends { type: string }>(
  lifecycle: Lifecycle<C, E, never>,
  snapshot: LifecycleSnapshot<C>,
  event: E,
  checks: Readonly<Record<string, (context: C, event: E) => string | undefined>>,
): { wrongState: true; acceptedIn: string[] } | { wrongState: false; reasons: string[] } {
  const found = candidates(lifecycle.config as LifecycleConfig<unknown, unknown>, snapshot, event.type);
  if (found.length === 0) return { wrongState: true, acceptedIn: statesAccepting(lifecycle as never, event.type) };
  const reasons = new Set<string>();
  for (const [t] of found) {
    const name = typeof t.guard === 'string' ? t.guard : t.guard?.type;
    const reason = name ? checks[name]?.(snapshot.context, event) : undefined;
    if (reason) reasons.add(reason);
  }
  return { wrongState: false, reasons: [...reasons] };
}
