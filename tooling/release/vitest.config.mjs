import { vitestPreset } from '../../tooling/vitest/preset.mjs';

export default vitestPreset();
