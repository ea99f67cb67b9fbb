import { describe, expect, it } from 'vitest';
import { createPersistence } from './persistence.js';
import { Store } from './store.js';

describe('Store files', () => {
  it('serves a rendered file for 24 hours, then forgets it', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = new Store(createPersistence(undefined), () => now);
    store.putFile('job_1.png', { bytes: new Uint8Array([1, 2]), contentType: 'image/png' });
    now += 23 * 60 * 60 * 1000;
    expect(store.getFile('job_1.png')?.contentType).toBe('image/png');
    now += 60 * 60 * 1000;
    expect(store.getFile('job_1.png')).toBeUndefined();
    store.putFile('job_2.pdf', { bytes: new Uint8Array([3]), contentType: 'application/pdf' });
    expect(store.getFile('job_2.pdf')?.bytes).toEqual(new Uint8Array([3]));
  });
});
