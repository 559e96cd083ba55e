import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

interface TransitionLike {
  guard?: unknown;
}
interface StateNodeLike {
  key: string;
  on: Record<string, TransitionLike[]>;
  states: Record<string, StateNodeLike>;
}

/** The state nodes active in `snapshot`, from the root to the deepest. */
function activeNodes(machine: AnyStateMachine, value: unknown): StateNodeLike[] {
  const nodes: StateNodeLike[] = [machine.root as unknown as StateNodeLike];
  let node = nodes[0]!;
  let v = value;
  while (v !== undefined) {
    const key = typeof v === 'string' ? v : Object.keys(v as object)[0];
    if (key === undefined) break;
    const child = node.states[key];
    if (!child) break;
    nodes.push(child);
    node = child;
    v = typeof v === 'string' ? undefined : (v as Record<string, unknown>)[key];
  }
  return nodes;
}

/** Names of the states (any depth) that have a transition for `type`. */
export function statesAccepting(machine: AnyStateMachine, type: string): string[] {
  const out: string[] = [];
  const visit = (node: StateNodeLike, path: string[]) => {
    if (node.on[type]?.length) out.push(path.at(-1) ?? node.key);
    for (const [key, child] of Object.entries(node.states)) visit(child, [...path, key]);
  };
  visit(machine.root as unknown as StateNodeLike, []);
  return out;
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return undefined;
}

/**
 * Why the machine will not take `event` from `snapshot`: either no transition for that
 * type exists in the current state (`wrongState`), or every transition is guarded and
 * each guard's check gives a reason.
 */
export function explainRefusal<C, E extends { type: string }>(
  snapshot: AnyMachineSnapshot,
  event: E,
  checks: Record<string, (context: C, event: E) => string | undefined>,
): { wrongState: true; acceptedIn: string[] } | { wrongState: false; reasons: string[] } {
  const candidates = activeNodes(snapshot.machine, snapshot.value).flatMap((n) => n.on[event.type] ?? []);
  if (candidates.length === 0) {
    return { wrongState: true, acceptedIn: statesAccepting(snapshot.machine, event.type) };
  }
  const reasons = new Set<string>();
  for (const t of candidates) {
    const name = guardName(t.guard);
    const reason = name ? checks[name]?.(snapshot.context as C, event) : undefined;
    if (reason) reasons.add(reason);
  }
  return { wrongState: false, reasons: [...reasons] };
}
