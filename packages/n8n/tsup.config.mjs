// One CommonJS file per node and credential, at the paths package.json `n8n` names. The core is
// bundled (n8n community packages may have no runtime dependencies); n8n-workflow is the peer.
import { defineConfig } from 'tsup';
import { readFileSync } from 'node:fs';

const { n8n, version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const entry = Object.fromEntries(
  [...n8n.nodes, ...n8n.credentials].map((file) => [
    file.replace(/^dist\//, '').replace(/\.js$/, ''),
    file.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
  ]),
);

export default defineConfig({
  entry,
  format: ['cjs'],
  outDir: 'dist',
  outExtension: () => ({ js: '.js' }),
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: false,
  sourcemap: false,
  dts: false,
  noExternal: ['@canvelete/core', 'valibot'],
  external: ['n8n-workflow'],
  define: { __N8N_NODES_CANVELETE_VERSION__: JSON.stringify(version) },
});
