import { ADVICE, CanveleteError } from '../errors/index.js';
import type { WebhookFailureReason } from './types.js';

/**
 * The error for a webhook that must be rejected. Messages never contain a secret or the expected
 * signature: callers often log them, and the expected MAC for a body is exactly what a forger needs.
 */
export function webhookFailure(
  reason: WebhookFailureReason,
  problem: string,
  extra: Record<string, unknown> = {},
): CanveleteError {
  return new CanveleteError({
    code: 'WEBHOOK_VERIFICATION_FAILED',
    message: `${problem} ${ADVICE.WEBHOOK_VERIFICATION_FAILED}`,
    retryable: false,
    details: { reason, ...extra },
  });
}
