import { vitestPreset } from '../vitest/preset.mjs';

export default vitestPreset();
