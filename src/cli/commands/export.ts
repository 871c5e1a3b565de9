/** `tri export`: not built yet (see the open issues); fails clearly instead of pretending. */
import type { CliIO } from '../io.js';

export const summary = 'export (not yet available)';

export async function run(_argv: string[], io: CliIO): Promise<number> {
  io.err('tri export: not available yet in this build\n');
  return 2;
}
