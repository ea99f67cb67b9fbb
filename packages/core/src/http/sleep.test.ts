import { describe, expect, it } from 'vitest';
import { defaultSleep } from './sleep.js';

describe('defaultSleep (no timers: AbortSignal.timeout)', () => {
  it('resolves after the wait', async () => {
    await expect(defaultSleep(5)).resolves.toBeUndefined();
    await expect(defaultSleep(0)).resolves.toBeUndefined();
  });

  it('rejects with the reason when the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const sleeping = defaultSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });

  it('rejects at once for an already aborted signal', async () => {
    await expect(defaultSleep(60_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
  });
});

describe('defaultSleep keeps a plain Node process alive while it waits', () => {
  it('a script awaiting only the sleep still wakes up (runs the built dist)', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const dist = new URL('../../dist/index.js', import.meta.url).href;
    const script = `const { defaultSleep } = await import(${JSON.stringify(dist)}); await defaultSleep(150); console.log('woke');`;
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      script,
    ]);
    expect(stdout.trim()).toBe('woke');
  });
});
