/** One small interface over PostgreSQL (`pg`) and PGlite: plain `$1` SQL, rows back. */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements with no parameters: for migrations only. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** The NOTIFY channel that server processes on this database (and schema) share. */
  readonly channel: string;
  /**
   * Hears what other processes NOTIFY on `channel` (PostgreSQL's LISTEN, on a connection of
   * its own that comes back by itself when lost; `onResumed` then, since messages sent
   * meanwhile are gone). Resolves with a function that stops listening. Absent for PGlite,
   * which one process owns.
   */
  listen?(onMessage: (payload: string) => void, onResumed: () => void): Promise<() => Promise<void>>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
