import type { Canvelete } from '@canvelete/core';
import type { ConnectorDriver, DriverPlatform } from '@canvelete/testing/drivers';

/** Where the demo runs: the embedded sandbox, or a real account from the environment. */
export interface DemoTarget {
  baseUrl: string;
  apiKey: string;
  /** The sandbox's sample images (`…/assets`); real accounts have none to offer. */
  assetsUrl?: string;
  /** Signs per-request callbacks; known for the sandbox only. */
  webhookSecret?: string;
  /** True when Canvelete can call back into this machine (the sandbox on loopback). */
  canCallBack: boolean;
  /** Seeded design ids by role (the sandbox's), or ids found by name on a real account. */
  designs: DemoDesigns;
  client: Canvelete;
}

export interface DemoDesigns {
  certificate: string;
  productCard: string;
  socialImage: string;
  dailyPost: string;
}

/** One file a scenario produced, relative to the output folder. */
export interface DemoArtifact {
  file: string;
  contentType: string;
  width?: number;
  height?: number;
}

export interface ScenarioOutcome {
  artifacts: DemoArtifact[];
  /** A short line for the summary table (e.g. "3 cards", "signature verified"). */
  note: string;
}

export interface ScenarioContext {
  target: DemoTarget;
  /** Saves bytes under the output folder and returns the artifact. */
  save(name: string, bytes: Uint8Array, contentType: string): Promise<DemoArtifact>;
  progress(message: string): void;
  /** The connector for a platform, running in that platform's runtime (started on first use). */
  connector(platform: DriverPlatform): Promise<ConnectorDriver>;
}

export interface Scenario {
  id: string;
  title: string;
  /** One runner per platform; `core` is the library itself, the adapters add their own. */
  runners: Partial<Record<Platform, (context: ScenarioContext) => Promise<ScenarioOutcome>>>;
}

export type Platform = 'core' | 'zapier' | 'n8n' | 'pipedream';

export interface ScenarioResult {
  scenario: string;
  title: string;
  platform: Platform;
  ok: boolean;
  ms: number;
  note: string;
  artifacts: DemoArtifact[];
  /** Not applicable on this target (e.g. a callback into this machine from a real account). */
  skipped?: boolean;
  error?: string;
}

/** Thrown by a runner that cannot run on this target; the summary says why, and it is no failure. */
export class ScenarioSkipped extends Error {
  override name = 'ScenarioSkipped';
}
