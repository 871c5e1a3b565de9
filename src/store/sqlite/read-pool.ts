/**
 * Read-only SQL on worker threads, each with its own read-only connection to the store file (WAL
 * lets readers run beside the writer and each other). A server's searches then run beside each
 * other and beside the request loop: a slow search no longer stalls every other request.
 *
 * The worker is a small CommonJS script (no build step, so it runs from src/ in tests and from
 * dist/): it prepares each SQL text once and answers `{ id, sql, params }` with the rows.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('cache_size = -' + workerData.cacheKib);
const statements = new Map();
parentPort.on('message', (m) => {
  try {
    let st = statements.get(m.sql);
    if (st === undefined) statements.set(m.sql, (st = db.prepare(m.sql)));
    parentPort.postMessage({ id: m.id, rows: st.all(...m.params) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
`;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }>;
}

export interface ReadPoolOptions {
  path: string;
  threads: number;
  busyTimeoutMs: number;
  cacheKib: number;
}

export class ReadPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(opts: ReadPoolOptions) {
    if (!Number.isInteger(opts.threads) || opts.threads < 1) throw new RangeError(`sqlite read pool: threads must be a positive integer, got ${String(opts.threads)}`);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    for (let i = 0; i < opts.threads; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, path: opts.path, busyTimeoutMs: opts.busyTimeoutMs, cacheKib: opts.cacheKib },
      });
      // Never keeps the process alive on its own; close() ends it.
      worker.unref();
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (m: { id: number; rows?: unknown[]; error?: string }) => {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.rows ?? []);
      });
      const fail = (err: Error): void => {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        for (const p of slot.pending.values()) p.reject(new Error(`sqlite read pool: worker stopped: ${err.message}`, { cause: err }));
        slot.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
      this.slots.push(slot);
    }
  }

  /** Workers still running (a worker that failed is dropped; callers fall back to their own connection). */
  get size(): number {
    return this.slots.length;
  }

  /** Runs one read-only statement on the least busy worker. */
  all<T>(sql: string, params: unknown[]): Promise<T[]> {
    let slot = this.slots[0];
    if (!slot) return Promise.reject(new Error('sqlite read pool: no worker running'));
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.nextId++;
    const chosen = slot;
    return new Promise<T[]>((resolve, reject) => {
      chosen.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      chosen.worker.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
