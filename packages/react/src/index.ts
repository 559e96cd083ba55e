// @pledgeflow/react: the public API. Nothing else in this package is importable.
export { TrackerProvider } from './tracker-provider.js';
export type { TrackerProviderProps } from './tracker-provider.js';
export { useTracker, useActor, useToday } from './use-tracker.js';
export { useAction } from './use-action.js';
export type { ActionHandle } from './use-action.js';
export { usePromise } from './use-promise.js';
export type { PromiseHandle } from './use-promise.js';
export type { StepData } from './use-item.js';
export { useQuery } from './use-query.js';
export type { QueryOptions } from './use-query.js';
export { useSyncStatus } from './use-sync-status.js';
export type { SyncStatusHandle } from './use-sync-status.js';
export { structuralEqual } from './equal.js';
export { planSource, itemSource, syncStatusSource } from './sources.js';
export type { SnapshotSource } from './sources.js';
