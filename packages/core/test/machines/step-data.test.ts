// Guards and updates read each step's data with its type (forSteps); these tests check that
// the configurations send each of them only the steps it was written for.
import { describe, expect, it } from 'vitest';
import { actionChecks, actionLifecycle, promiseLifecycle, type LifecycleConfig } from '@pledgeflow/core';
import { actionUpdates } from '../../src/machines/action.lifecycle.js';
import { stepsRead } from '../../src/machines/for-steps.js';
import { promiseChecks, promiseGuards, promiseUpdates } from '../../src/machines/promise.lifecycle.js';
import type { StateConfig } from '../../src/machines/lifecycle.js';

/** Every step type with the guard and updates of each transition it can take, anywhere in the configuration. */
function routes(config: StateConfig): { type: string; guard?: string; actions: string[] }[] {
  const out = Object.entries(config.on ?? {}).flatMap(([type, ts]) =>
    [ts].flat().map((t) => ({
      type,
      ...(t.guard ? { guard: typeof t.guard === 'string' ? t.guard : t.guard.type } : {}),
      actions: t.actions === undefined ? [] : [t.actions].flat(),
    })),
  );
  return [...out, ...Object.values(config.states ?? {}).flatMap(routes)];
}

const kinds: [string, LifecycleConfig<unknown, never>, Record<string, object>, Record<string, object>][] = [
  ['action', actionLifecycle.config as never, actionChecks, actionUpdates],
  ['promise', promiseLifecycle.config as never, { ...promiseGuards, ...promiseChecks }, promiseUpdates],
];

describe.each(kinds)('the %s lifecycle sends each guard and update only the steps whose data it reads', (_kind, config, guards, updates) => {
  const all = routes(config);

  it('sends each step to guards and updates that read it, or that read no step data', () => {
    for (const { type, guard, actions } of all) {
      for (const [name, named] of [...(guard ? [[guard, guards[guard]] as const] : []), ...actions.map((a) => [a, updates[a]] as const)]) {
        expect(named, `${name} (on ${type}) is implemented`).toBeDefined();
        const reads = stepsRead(named!);
        if (reads) expect(reads, `${name} is sent ${type}`).toContain(type);
      }
    }
  });

  it('reads no step that is never sent to it', () => {
    for (const [name, named] of [...Object.entries(guards), ...Object.entries(updates)]) {
      for (const type of stepsRead(named) ?? []) {
        expect(all.some((r) => r.type === type && (r.guard === name || r.actions.includes(name))), `${name} is written for ${type}, which never reaches it`).toBe(true);
      }
    }
  });
});
