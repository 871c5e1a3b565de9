/** Rewrites test/golden/expected.json from the current code: `npx tsx test/golden/regenerate.ts`, then review `git diff`. */
import { writeFileSync } from 'node:fs';
import { loadArticles, runGolden } from './golden.js';

writeFileSync(new URL('./expected.json', import.meta.url), JSON.stringify(runGolden(loadArticles()), null, 2) + '\n');
console.log('wrote test/golden/expected.json');
