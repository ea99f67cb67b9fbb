// Installs a node package the way a user's n8n has it: packed to a tarball, unpacked into
// `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>`, where n8n's community-packages module scans
// for `n8n-nodes-*` folders on every start (node types become `<package name>.<node name>`).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { run, StageError } from './proc.mjs';

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

function missingEntryPoints(dir, manifest) {
  return [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])].filter(
    (file) => !existsSync(join(dir, file)),
  );
}

/** `pnpm pack` of a package folder into `<workDir>/pack`; returns the tarball path. */
export async function packPackage({ packageDir, workDir, env }) {
  const manifest = readManifest(packageDir);
  const missing = missingEntryPoints(packageDir, manifest);
  if (missing.length > 0) {
    throw new StageError(`${manifest.name} is not built (missing ${missing.join(', ')})`);
  }
  const packDir = join(workDir, 'pack');
  mkdirSync(packDir, { recursive: true });
  const packed = await run('pnpm', ['pack', '--pack-destination', packDir], {
    cwd: packageDir,
    env,
    timeoutMs: 120_000,
  });
  const tarballs = readdirSync(packDir).filter((file) => file.endsWith('.tgz'));
  if (packed.code !== 0 || tarballs.length !== 1) {
    throw new StageError(`pnpm pack in ${packageDir} failed:\n${packed.stderr.slice(-2000)}`);
  }
  return join(packDir, tarballs[0]);
}

/** Unpacks `tarball` into the user folder's community nodes; returns the package's name. */
export async function installTarball({ tarball, userFolder, workDir }) {
  const unpackDir = join(workDir, 'unpack');
  mkdirSync(unpackDir, { recursive: true });
  const untar = await run('tar', ['-xzf', tarball, '-C', unpackDir]);
  if (untar.code !== 0) throw new StageError(`tar -xzf ${tarball} failed: ${untar.stderr}`);
  const unpacked = join(unpackDir, 'package');
  const manifest = readManifest(unpacked);
  const missing = missingEntryPoints(unpacked, manifest);
  if (missing.length > 0) {
    throw new StageError(`the tarball of ${manifest.name} lacks ${missing.join(', ')}`);
  }
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  mkdirSync(join(nodesDir, 'node_modules'), { recursive: true });
  const target = join(nodesDir, 'node_modules', manifest.name);
  renameSync(unpacked, target);
  // What n8n's own install leaves next to node_modules.
  const nodesManifest = {
    name: 'installed-nodes',
    private: true,
    dependencies: { [manifest.name]: manifest.version },
  };
  writeFileSync(join(nodesDir, 'package.json'), `${JSON.stringify(nodesManifest, null, 2)}\n`);
  return { name: manifest.name, version: manifest.version, tarball, target };
}
