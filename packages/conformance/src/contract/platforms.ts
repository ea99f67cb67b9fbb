// The platforms the contract suite runs on: one entry per driver. Adding a platform means adding
// its driver (and its column in the expectation tables), not writing new scenarios.
import { createRequire } from 'node:module';
import { connectorPlatforms, type DriverPlatform } from '@canvelete/testing/drivers';

export type { PlatformEntry } from '@canvelete/testing/drivers';

export const PLATFORMS = connectorPlatforms(createRequire(import.meta.url));

/** A per-platform value: the columns of the suite's expectation tables. */
export type PerPlatform<T> = Record<DriverPlatform, T>;
