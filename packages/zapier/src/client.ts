import { Canvelete } from '@canvelete/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { zapierTransport } from './transport';
import { USER_AGENT } from './version';

/** Zapier stops an action after 30 s; every wait inside one step ends well before that. */
export const STEP_BUDGET_MS = 25_000;

/** The fields of the connection (authentication) the adapter reads. */
export interface CanveleteAuthData {
  apiKey?: string;
  baseUrl?: string;
  webhookSecret?: string;
}

export function authDataOf(bundle: Bundle): CanveleteAuthData {
  return bundle.authData as CanveleteAuthData;
}

/**
 * The longest pause the core may take before retrying inside one step. A server asking for a longer
 * wait (Retry-After) is handed to Zapier as a ThrottledError, which retries the step later instead
 * of running into the 30-second limit.
 */
const MAX_IN_STEP_RETRY_DELAY_MS = 5_000;

/** A core client whose HTTP goes through z.request. */
export function canveleteFor(z: ZObject, bundle: Bundle): Canvelete {
  const auth = authDataOf(bundle);
  return new Canvelete({
    transport: zapierTransport(z),
    apiKey: auth.apiKey,
    baseUrl: auth.baseUrl?.trim() || undefined,
    userAgent: USER_AGENT,
    timeoutMs: 20_000,
    maxRetries: 2,
    retry: { maxDelayMs: MAX_IN_STEP_RETRY_DELAY_MS },
  });
}

/** Epoch ms by which work started now must be done to fit one Zapier step. */
export function stepDeadline(now = Date.now()): number {
  return now + STEP_BUDGET_MS;
}
