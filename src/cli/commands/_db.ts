/** Shared by the store commands (ingest, list, show, search, export): `--db` and opening the store. */
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/types.js';
import { UsageError, type CliIO } from '../io.js';

/** The store file used when `--db` is not given: in the working directory. */
export const DEFAULT_DB = 'triangulate.db';

/** Exit code when the store cannot be opened (src/cli/main.ts). */
export const EXIT_NO_STORE = 3;

export const DB_OPTION = { db: { type: 'string' as const } };

/** Opens the store or reports why not (the caller returns EXIT_NO_STORE on null). */
export async function openStore(path: string | undefined, command: string, io: CliIO): Promise<Store | null> {
  try {
    return await openSqliteStore(path ?? DEFAULT_DB);
  } catch (err) {
    io.err(`tri ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  }
}

/** Parses a non-negative integer option, naming the option when it is not one. */
export function intOption(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

/** One line of a table cell: newlines flattened, cut to `max` characters. */
export function cell(s: string | null | undefined, max: number): string {
  const flat = (s ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
