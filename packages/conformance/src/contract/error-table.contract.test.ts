// The error-expectation table run against every adapter, with the secret-leak sweep on each path.
import { CANVELETE_ERROR_CODES } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { leaksIn, textOf } from './canaries.ts';
import { ERROR_TABLE } from './error-table.ts';
import { PLATFORMS } from './platforms.ts';
import { provoke } from './provoke.ts';

it('has one row per core error code', () => {
  expect(ERROR_TABLE.map((row) => row.code).sort()).toEqual([...CANVELETE_ERROR_CODES].sort());
});

describe.each(ERROR_TABLE)('$code', (row) => {
  it.each(PLATFORMS)(
    'on $platform: the platform-native error, and no secret anywhere',
    async (entry) => {
      const seen = row.seen[entry.platform];
      const provoked = await provoke(row, entry);
      if ('because' in seen) {
        expect(provoked.view, seen.because).toBeUndefined();
        expect(provoked.notice, seen.because).toBeTruthy();
        if (row.mentions) expect(provoked.notice).toMatch(row.mentions);
      } else {
        const view = provoked.view;
        if (!view) throw new Error(`${entry.platform} showed no error for ${row.code}`);
        expect({ kind: view.kind, httpStatus: view.httpStatus }).toEqual({
          kind: seen.kind,
          httpStatus: 'httpStatus' in seen ? seen.httpStatus : view.httpStatus,
        });
        expect(view.platformCode).toBe('platformCode' in seen ? seen.platformCode : undefined);
        if (view.kind !== 'Refused')
          expect(view.code, 'the Canvelete code is shown').toBe(row.code);
        expect(view.message.length).toBeGreaterThan(10);
        if (row.mentions) expect(view.message).toMatch(row.mentions);
      }
      const shown = [textOf(provoked.view), provoked.notice ?? '', provoked.transcript].join('\n');
      expect(leaksIn(shown, provoked.secrets)).toEqual([]);
    },
  );
});
