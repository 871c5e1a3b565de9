/** `tri stories`: not built yet (see the open issues); fails clearly instead of pretending. */
import type { CliIO } from '../io.js';

export const summary = 'stories (not yet available)';

export async function run(_argv: string[], io: CliIO): Promise<number> {
  io.err('tri stories: not available yet in this build\n');
  return 2;
}
