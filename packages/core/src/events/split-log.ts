/** A log split by the item each event names, with every event id indexed. */
export interface SplitLog {
  /** Each item id with the inputs that name it, in the order they came. */
  byStream: Map<string, unknown[]>;
  /** Each event id with the input that has it. */
  ids: Map<string, unknown>;
  /** Inputs with no id or item id as text: never events. */
  unnamed: unknown[];
}

/**
 * Splits a log by item, reading only each input's `id` and `stream`: the first step of
 * loading it item by item. Undefined when two inputs have one id (a copy, or a conflict),
 * as which of them counts depends on the order of the whole log.
 */
export function splitLog(inputs: readonly unknown[]): SplitLog | undefined {
  const byStream = new Map<string, unknown[]>();
  const ids = new Map<string, unknown>();
  const unnamed: unknown[] = [];
  for (const input of inputs) {
    const named = input !== null && typeof input === 'object' ? (input as { id?: unknown; stream?: unknown }) : undefined;
    const id = named?.id;
    const stream = named?.stream;
    if (typeof id !== 'string' || typeof stream !== 'string') {
      unnamed.push(input);
      continue;
    }
    // One look-up, not two: a map that does not grow already had the id.
    const known = ids.size;
    if (ids.set(id, input).size === known) return undefined;
    const list = byStream.get(stream);
    if (list) list.push(input);
    else byStream.set(stream, [input]);
  }
  return { byStream, ids, unnamed };
}
