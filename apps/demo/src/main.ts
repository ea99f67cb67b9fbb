#!/usr/bin/env node
// `npm run demo`: every scenario against the embedded sandbox (or CANVELETE_API_KEY's account).
import { resolve } from 'node:path';
import { describeError, runDemo } from './run-demo.js';
import { summaryTable } from './summary-table.js';

const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), 'demo-output');
const started = performance.now();
const run = await runDemo({
  outDir,
  apiKey: process.env.CANVELETE_API_KEY || undefined,
  baseUrl: process.env.CANVELETE_BASE_URL || undefined,
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  // Setting up failed (the sandbox, or the account's designs): say what, without a stack.
  console.error(`The demo could not start: ${describeError(error)}`);
  process.exit(1);
});
console.log(`\n${summaryTable(run.results)}\n`);
const failed = run.results.filter((r) => !r.ok).length;
console.log(`Gallery: ${run.galleryPath}`);
console.log(
  `${run.results.length - failed} of ${run.results.length} scenario runs ok in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed > 0 ? 1 : 0);
