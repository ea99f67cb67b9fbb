// Every core error code, thrown inside Zapier's real runtime, leaves as the agreed z.errors class.
import { CANVELETE_ERROR_CODES, CanveleteError, type CanveleteErrorCode } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { withErrors, ZAPIER_ERROR_RULES } from '../src/errors';
import { zapierErrorOf } from './harness';

const API_KEY = 'cvt_0123456789abcdef_secret';
const SIGNING_SECRET = 'whsec_fedcba9876543210';

type ThrowInput = { code: CanveleteErrorCode | 'PLAIN'; message: string; retryAfter?: number };

const app = {
  version: '1.0.0',
  platformVersion: zapier.version,
  creates: {
    fail: {
      key: 'fail',
      noun: 'Failure',
      display: { label: 'Fail', description: 'Throws what it is told to.' },
      operation: {
        perform: withErrors(async (_z: ZObject, bundle: Bundle) => {
          const input = bundle.inputData as unknown as ThrowInput;
          const { code, retryAfter } = input;
          // A server echoing the credentials back is the worst case the message must survive.
          const message = input.message
            .replace('$KEY', String(bundle.authData['apiKey']))
            .replace('$SECRET', String(bundle.authData['webhookSecret']));
          if (code === 'PLAIN') throw new TypeError(message);
          throw new CanveleteError({
            code,
            message,
            status: 400,
            requestId: 'req_42',
            retryAfterSeconds: retryAfter,
            details: { field: code === 'VALIDATION_ERROR' ? 'width' : undefined },
          });
        }),
        sample: { id: 'x' },
      },
    },
  },
};

const handler = (
  zapier as unknown as {
    createAppHandler(app: object): (event: Record<string, unknown>) => Promise<unknown>;
  }
).createAppHandler(app);

function fail(input: ThrowInput) {
  return zapierErrorOf(
    handler({
      command: 'execute',
      method: 'creates.fail.operation.perform',
      bundle: {
        inputData: input,
        authData: { apiKey: API_KEY, webhookSecret: SIGNING_SECRET },
        // Zapier dumps the bundle (all but authData) into messages unless told not to.
        subscribeData: { id: 'sub_1', secret: SIGNING_SECRET },
      },
    }),
  );
}

const EXPECTED_CLASS: Record<string, string> = {
  ExpiredAuthError: 'ExpiredAuthError',
  ThrottledError: 'ThrottledError',
  HaltedError: 'HaltedError',
  Error: 'AppError',
};

describe('error mapping', () => {
  it('has a rule for every core code', () => {
    expect(Object.keys(ZAPIER_ERROR_RULES).sort()).toEqual([...CANVELETE_ERROR_CODES].sort());
  });

  it.each([...CANVELETE_ERROR_CODES])('%s becomes the agreed Zapier error', async (code) => {
    const rule = ZAPIER_ERROR_RULES[code];
    const caught = await fail({ code, message: `Something about ${code}.` });
    expect(caught.name).toBe(EXPECTED_CLASS[rule.kind]);
    expect(caught.message).toContain(`Something about ${code}.`);
    expect(caught.message).toContain(`Canvelete ${code}`);
    expect(caught.message).toContain('request req_42');
    if (rule.kind === 'Error') expect(caught.code).toBe(rule.zapierCode);
    expect(caught.message).not.toMatch(/\n\s+at /);
    expect(caught.message).not.toContain('What happened');
    expect(caught.message).not.toContain(SIGNING_SECRET);
  });

  it('maps the key decisions of ARCHITECTURE seam 3', () => {
    expect(ZAPIER_ERROR_RULES.UNAUTHORIZED.kind).toBe('ExpiredAuthError');
    expect(ZAPIER_ERROR_RULES.RATE_LIMITED.kind).toBe('ThrottledError');
    expect(ZAPIER_ERROR_RULES.SERVICE_UNAVAILABLE.kind).toBe('ThrottledError');
    expect(ZAPIER_ERROR_RULES.VALIDATION_ERROR).toEqual({
      kind: 'Error',
      zapierCode: 'InvalidData',
    });
  });

  it('passes Retry-After on as the ThrottledError delay, 60 s when none was given', async () => {
    expect((await fail({ code: 'RATE_LIMITED', message: 'x', retryAfter: 17 })).delay).toBe(17);
    expect((await fail({ code: 'SERVICE_UNAVAILABLE', message: 'x' })).delay).toBe(60);
  });

  it('names the field of a validation error', async () => {
    const caught = await fail({ code: 'VALIDATION_ERROR', message: 'Too wide.' });
    expect(caught.message).toContain('field width');
    expect(caught.code).toBe('InvalidData');
  });

  it('never lets the key or the signing secret through', async () => {
    for (const code of ['UNAUTHORIZED', 'SERVER_ERROR', 'RATE_LIMITED', 'PLAIN'] as const) {
      const caught = await fail({
        code,
        message: 'echo $KEY and $SECRET',
      });
      expect(caught.message).not.toContain(API_KEY);
      expect(caught.message).not.toContain(SIGNING_SECRET);
      expect(caught.message).toContain('[redacted]');
    }
  });

  it('turns unexpected errors into a plain app error without a stack trace', async () => {
    const caught = await fail({ code: 'PLAIN', message: 'x is not a function' });
    expect(caught.name).toBe('AppError');
    expect(caught.code).toBe('Unexpected');
    expect(caught.message).toBe('Unexpected problem in the Canvelete app: x is not a function');
  });
});
