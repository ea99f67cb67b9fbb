import { vitestPreset } from '../../tooling/vitest/preset.mjs';

// Drivers wait up to 30 s for a platform callback and say why when it never comes; the test's own
// timeout must not cut that diagnosis short on a loaded machine.
export default vitestPreset({ test: { testTimeout: 60_000 } });
