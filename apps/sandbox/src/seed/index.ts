// Seed data for the sandbox: designs and templates that exercise every way dynamic data binds.
export { SEED_DESIGN_IDS, seedDesigns, variableDefaults } from './designs.js';
export type { SeedDesign, SeedVariable } from './types.js';
