// API keys and scopes (reference 2 and 8.12). A key is recognised by exact match; revoked and unknown
// keys are both 401 UNAUTHORIZED with legacyCode INVALID_API_KEY. Messages never echo the key.
import { ApiError } from './errors.js';
import type { SandboxKeyOption } from './options.js';

export interface ApiKeyEntry {
  /** Stable, non-secret id used for per-key state (rate limits, idempotency). */
  id: string;
  key: string;
  scopes: string[];
  revoked: boolean;
}

export class KeyRing {
  private readonly byKey = new Map<string, ApiKeyEntry>();

  constructor(mainKey: string, extra: SandboxKeyOption[]) {
    this.add({ key: mainKey, scopes: ['*'] });
    for (const option of extra) this.add(option);
  }

  private add(option: SandboxKeyOption): void {
    this.byKey.set(option.key, {
      id: `key_${this.byKey.size + 1}`,
      key: option.key,
      scopes: option.scopes ?? ['*'],
      revoked: option.revoked ?? false,
    });
  }

  authenticate(authorization: string | undefined): ApiKeyEntry {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) {
      throw unauthorized('Missing API key: send "Authorization: Bearer cvt_…"', 'MISSING');
    }
    const entry = this.byKey.get(match[1]!);
    if (!entry) throw unauthorized('Invalid API key', 'UNKNOWN');
    if (entry.revoked) throw unauthorized('Invalid API key: this key has been revoked', 'REVOKED');
    return entry;
  }
}

function unauthorized(message: string, reason: string): ApiError {
  return new ApiError(401, 'UNAUTHORIZED', message, { legacyCode: 'INVALID_API_KEY', reason });
}

/** `*` grants everything, `designs:*` grants every designs scope; `render:write` also grants reads. */
export function hasScope(entry: ApiKeyEntry, scope: string): boolean {
  const [resource] = scope.split(':');
  if (entry.scopes.includes('*') || entry.scopes.includes(scope)) return true;
  if (entry.scopes.includes(`${resource}:*`)) return true;
  return scope.endsWith(':read') && entry.scopes.includes(`${resource}:write`);
}

export function requireScope(entry: ApiKeyEntry, scope: string): void {
  if (!hasScope(entry, scope)) {
    throw new ApiError(
      403,
      'INSUFFICIENT_SCOPE',
      `This API key lacks the "${scope}" scope required for this request`,
      { requiredScope: scope },
    );
  }
}
