import type { PledgeEvent } from '@pledgeflow/core';

/**
 * Where two events with one id differ, by path (`at`, `actor.role`, `data.reason`), in the order
 * the fields come. `seq` is left out: the sync server numbers events, it is not part of a step.
 */
export function eventDifferences(a: PledgeEvent, b: PledgeEvent): string[] {
  const left = leaves(a);
  const right = leaves(b);
  const paths = [...new Set([...left.keys(), ...right.keys()])].filter((path) => left.get(path) !== right.get(path));
  return paths.length ? paths : ['content'];
}

function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (path || key !== 'seq') leaves(v, path ? `${path}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(path, value);
  }
  return out;
}
