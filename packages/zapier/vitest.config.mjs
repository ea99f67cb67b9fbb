import { vitestPreset } from '../../tooling/vitest/preset.mjs';

// The Zapier runtime reads ZAPIER_DEPLOY_KEY before calling its RPC (z.cache, z.stashFile); the
// tests answer that RPC with a loopback fake, so any value works.
export default vitestPreset({
  test: { env: { ZAPIER_DEPLOY_KEY: 'test-deploy-key' } },
});
