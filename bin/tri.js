#!/usr/bin/env node
// Entry point of the `tri` CLI. The code lives in dist/ (built by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`tri: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
