import { vitestPreset } from '../../tooling/vitest/preset.mjs';

export default vitestPreset({ test: { testTimeout: 60_000 } });
