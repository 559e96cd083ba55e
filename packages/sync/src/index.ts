// @pledgeflow/sync: the public API. Nothing else in this package is importable.
export { connect, defaultOnlineSignal } from './connect.js';
export type { ConnectOptions, OnlineSignal, SyncConnection } from './connect.js';
export { loadFromServer } from './load-from-server.js';
export type { LoadFromServerOptions } from './load-from-server.js';
export { syncStatusText } from './status.js';
export type { SyncStatus, SyncState } from './status.js';
export { MemorySyncStore } from './sync-store.js';
export type { RefusedStep, SyncStore } from './sync-store.js';
export { ObservableValue } from './observable.js';
export type { Observable } from './observable.js';
export { backoffDelay, retryAfterMs } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { readSse } from './sse.js';
export type { SseMessage } from './sse.js';
