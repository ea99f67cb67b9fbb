// Runs what n8n's verification scanner (@n8n/scan-community-package) runs, offline: its
// `analyzePackage` on the package source (package.json, nodes/, credentials/) and on the packed
// tarball (every .js and package.json), with the same n8n-cloud ESLint rules.
// Usage: node scripts/scan-packed.mjs [--json]. Exit code 1 when either leg has violations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-canvelete-scan-'));
try {
	execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: packageDir, stdio: 'ignore' });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('pnpm pack wrote no tarball');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	const extracted = join(work, 'package');
	const files = execFileSync('tar', ['-tzf', join(work, tarball)], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map((name) => name.replace(/^package\//, ''));
	const source = await analyzePackage(packageDir, SOURCE_FILE_PATTERNS);
	const tarballResult = await analyzePackage(extracted, ['**/*.js', 'package.json']);
	const report = {
		passed: source.passed && tarballResult.passed,
		source,
		tarball: tarballResult,
		files,
	};
	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(report)}\n`);
	} else {
		for (const [leg, result] of [['source', source], ['tarball', tarballResult]]) {
			process.stdout.write(`${leg}: ${result.passed ? 'passed' : 'FAILED'}\n`);
			if (result.details) process.stdout.write(`${result.details}\n`);
			else if (!result.passed && result.message) process.stdout.write(`${result.message}\n`);
		}
	}
	process.exitCode = report.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
