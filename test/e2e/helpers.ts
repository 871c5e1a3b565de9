/** Shared by the e2e tests: the CLI entry and a build when dist/ is missing (CI builds first). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TRI = join(ROOT, 'bin', 'tri.js');

/** Builds dist/ once when it is absent (a fresh checkout without `npm ci`). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'ignore' });
  } catch {
    // tsc exits non-zero on type errors in other areas but still emits dist/; checked below.
  }
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('e2e: dist/cli/main.js missing after build');
}
