import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNodePackage } from '@canvelete/testing/n8n';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { N8N_PACKAGE_DIR } from './setup.ts';

const SNAPSHOT_FILE = join(N8N_PACKAGE_DIR, 'descriptions.snap.json');
const manifest = JSON.parse(readFileSync(join(N8N_PACKAGE_DIR, 'package.json'), 'utf8'));

type Snapshot = Record<string, Record<string, INodeTypeDescription>>;

/** Every node's description per version, as n8n's loader sees it. */
async function currentDescriptions(): Promise<Snapshot> {
  const pkg = await loadNodePackage(N8N_PACKAGE_DIR);
  const snapshot: Snapshot = {};
  for (const name of Object.keys(pkg.loader.known.nodes).sort()) {
    const type = pkg.nodeTypes.getByName(pkg.typeName(name));
    const versions = (type.description as INodeTypeDescription).version;
    snapshot[name] = {};
    for (const version of Array.isArray(versions) ? versions : [versions]) {
      const description = NodeHelpers.getVersionedNodeType(type, version).description;
      snapshot[name][String(version)] = JSON.parse(JSON.stringify(description));
    }
  }
  return snapshot;
}

/** What a saved workflow relies on: parameter names and option values, per display condition. */
function contract(properties: INodeProperties[], prefix = ''): string[] {
  const keys: string[] = [];
  for (const property of properties) {
    const where = `${prefix}${property.name}@${JSON.stringify(property.displayOptions ?? {})}`;
    keys.push(`${where}:${property.type}`);
    for (const option of property.options ?? []) {
      if ('value' in option) keys.push(`${where}=${String(option.value)}`);
      else if ('values' in option)
        keys.push(...contract(option.values, `${where}.${option.name}.`));
      else keys.push(...contract([option as INodeProperties], `${where}.`));
    }
  }
  return keys;
}

describe('n8n-nodes-canvelete package', () => {
  it('follows the community package rules: CommonJS dist, n8n block, no runtime dependencies', () => {
    expect(manifest.name).toMatch(/^n8n-nodes-/);
    expect(manifest.license).toBe('MIT');
    expect(manifest.keywords).toContain('n8n-community-node-package');
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(manifest.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
    for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
      const code = readFileSync(join(N8N_PACKAGE_DIR, file), 'utf8');
      expect(code).toContain('module.exports');
      expect(code).not.toMatch(/require\(["']@canvelete\/core["']\)/);
      expect(code).not.toMatch(/require\(["']valibot["']\)/);
    }
    for (const asset of [
      'dist/icons/canvelete.svg',
      'dist/icons/canvelete.dark.svg',
      'dist/nodes/Canvelete/Canvelete.node.json',
      'dist/nodes/Canvelete/__schema__/v1.0.0/render/render.json',
    ]) {
      expect(existsSync(join(N8N_PACKAGE_DIR, asset)), asset).toBe(true);
    }
  });

  it('keeps every released node version working (no parameter or option removed without a version bump)', async () => {
    const current = await currentDescriptions();
    const committed: Snapshot = existsSync(SNAPSHOT_FILE)
      ? JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'))
      : {};
    for (const [node, versions] of Object.entries(committed)) {
      for (const [version, description] of Object.entries(versions)) {
        const now = current[node]?.[version];
        expect(now, `${node} v${version} is still offered`).toBeDefined();
        const missing = contract(description.properties).filter(
          (key) => !contract(now!.properties).includes(key),
        );
        expect(missing, `${node} v${version}: bump the node version instead`).toEqual([]);
      }
    }
  });

  it('matches the committed description snapshot (run vitest -u after a deliberate change)', async () => {
    await expect(`${JSON.stringify(await currentDescriptions(), null, 2)}\n`).toMatchFileSnapshot(
      SNAPSHOT_FILE,
    );
  });

  it("passes the verification scanner's analyzePackage on the source and the packed tarball", () => {
    // eslint-plugin-n8n-nodes-base changes its file-name rules under NODE_ENV=test (its own test
    // mode); the real scanner runs without it.
    const { NODE_ENV: _testEnv, ...env } = process.env;
    const result = spawnSync('node', ['scripts/scan-packed.mjs', '--json'], {
      cwd: N8N_PACKAGE_DIR,
      encoding: 'utf8',
      env,
    });
    expect(result.stderr).toBe('');
    const output = result.stdout;
    const report = JSON.parse(output.trim().split('\n').at(-1) as string);
    expect(report.source.details ?? '').toBe('');
    expect(report.tarball.details ?? '').toBe('');
    expect(report.passed).toBe(true);
    expect(report.files).toContain('package.json');
    expect(report.files).toContain('dist/nodes/Canvelete/Canvelete.node.js');
    expect(report.files.some((file: string) => file.endsWith('.ts'))).toBe(false);
  }, 120_000);
});
