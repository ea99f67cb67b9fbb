import { describe, expect, it } from 'vitest';
import { type LoopbackDelivery, startLoopbackReceiver } from './trigger-loopback.js';

describe('startLoopbackReceiver', () => {
  it('hands over the raw body and headers as sent, and answers the status forward returns', async () => {
    const received: LoopbackDelivery[] = [];
    const receiver = await startLoopbackReceiver(async (delivery) => {
      received.push(delivery);
      return 202;
    });
    try {
      expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // Spacing a JSON re-serialisation would lose: the signature covers these exact bytes.
      const body = '{ "id":"evt_1",  "data": {"reference":"r"} }';
      const response = await fetch(`${receiver.url}/webhook/abc?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Webhook-Signature': 'v1,abc' },
        body,
      });
      expect(response.status).toBe(202);
      expect(received).toHaveLength(1);
      expect(received[0]?.rawBody.toString('utf8')).toBe(body);
      expect(received[0]?.path).toBe('/webhook/abc?x=1');
      expect(received[0]?.method).toBe('POST');
      expect(received[0]?.headers['webhook-signature']).toBe('v1,abc');
    } finally {
      await receiver.close();
    }
  });

  it('answers 500 without the error message when forwarding fails', async () => {
    const receiver = await startLoopbackReceiver(async () => {
      throw new Error('whsec_should_not_leak');
    });
    try {
      const response = await fetch(receiver.url, { method: 'POST', body: '{}' });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('');
    } finally {
      await receiver.close();
    }
  });
});
