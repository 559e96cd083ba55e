/** What a store keeps per item so that loading does not replay the whole log. */
export interface ItemSnapshot {
  stream: string;
  kind: 'action' | 'promise';
  /** The machine version that made it; a different version means rebuild from events. */
  machineVersion: number;
  value: unknown;
  context: unknown;
  /** How many of the stream's events (in log order) the snapshot includes. */
  eventCount: number;
  /** The id of the last event it includes: a check that the log still matches. */
  lastEventId?: string;
}
