// Adds up every package's vitest JSON report (and the end-to-end stages' reports) and prints the
// closing line CI reads: `N passed, N failed, N skipped`. Fails when a package with tests left no
// report or ran no test, when nothing passed, or when anything failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspacePackages } from './workspace-packages.mjs';

const root = process.cwd();
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

for (const { dir, manifest } of workspacePackages(root)) {
  if (!manifest.scripts?.test) continue;
  const reportPath = join(dir, '.vitest-report.json');
  if (!existsSync(reportPath)) {
    problems.push(`${relative(root, dir)}: has a test script but left no .vitest-report.json`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numFailedTestSuites ?? 0) > 0 && (report.numFailedTests ?? 0) === 0) {
    problems.push(`${relative(root, dir)}: a test file failed to load`);
    failed += report.numFailedTestSuites;
  }
  if ((report.numTotalTests ?? 0) === 0) problems.push(`${relative(root, dir)}: ran no test`);
  console.log(`${manifest.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

// Stages .ci/run runs after the test command (the Zapier CLI, the release check with the full n8n
// app) each write .ci/.reports/<name>.json as { passed, failed }.
const stageDir = join(root, '.ci', '.reports');
if (existsSync(stageDir)) {
  for (const file of readdirSync(stageDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const report = JSON.parse(readFileSync(join(stageDir, file), 'utf8'));
    passed += report.passed ?? 0;
    failed += report.failed ?? 0;
    console.log(
      `stage ${file.replace(/\.json$/, '')}: ${report.passed ?? 0} passed, ${report.failed ?? 0} failed`,
    );
  }
}

for (const problem of problems) console.error(problem);
if (passed === 0) problems.push('no test passed');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
