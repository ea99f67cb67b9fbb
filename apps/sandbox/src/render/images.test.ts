import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssetResolver } from './assets.js';
import { pixel, renderElements } from './test-helpers.js';

describe('images', () => {
  let server: ReturnType<typeof createServer>;
  let origin = '';
  let redPng: Buffer;

  beforeAll(async () => {
    redPng = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(redPng);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const imageAt = (src: string) => [
    { type: 'image', x: 0, y: 0, width: 100, height: 100, src, objectFit: 'fill' },
  ];

  it('draws data: URLs (PNG directly, WebP converted)', async () => {
    const webp = await sharp({
      create: { width: 4, height: 4, channels: 3, background: '#0000ff' },
    })
      .webp({ lossless: true })
      .toBuffer();
    const png = await renderElements(imageAt(`data:image/png;base64,${redPng.toString('base64')}`));
    expect(pixel(png, 50, 50)).toEqual([255, 0, 0, 255]);
    const fromWebp = await renderElements(
      imageAt(`data:image/webp;base64,${webp.toString('base64')}`),
    );
    expect(pixel(fromWebp, 50, 50)).toEqual([0, 0, 255, 255]);
  });

  it('draws a placeholder for remote URLs unless allowRemoteImages is set', async () => {
    const refused = await renderElements(imageAt(`${origin}/photo.png`));
    expect(pixel(refused, 5, 5)).toEqual([0xe5, 0xe7, 0xeb, 255]);
    const fetched = await renderElements(imageAt(`${origin}/photo.png`), {
      allowRemoteImages: true,
    });
    expect(pixel(fetched, 50, 50)).toEqual([255, 0, 0, 255]);
  });

  it('resolves sandbox assets, by path and by a loopback /assets/ URL, without network', async () => {
    const assets = createAssetResolver();
    const avatar = await sharp(assets.resolve('/assets/avatar.png')!)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const corner = [...avatar.data.subarray(0, 3)];
    for (const src of ['/assets/avatar.png', 'http://localhost:1/assets/avatar.png']) {
      const out = await renderElements(
        [{ type: 'image', x: 0, y: 0, width: 256, height: 256, src, objectFit: 'fill' }],
        { width: 256, height: 256, resolveAsset: assets.resolve },
      );
      expect(pixel(out, 1, 1).slice(0, 3)).toEqual(corner);
    }
    expect(assets.resolve('/assets/../package.json')).toBeUndefined();
    expect(assets.resolve('/assets/missing.png')).toBeUndefined();
  });

  it('covers or contains per objectFit', async () => {
    const wide = await sharp({
      create: { width: 40, height: 10, channels: 3, background: '#00ff00' },
    })
      .png()
      .toBuffer();
    const src = `data:image/png;base64,${wide.toString('base64')}`;
    const contain = await renderElements(
      [{ type: 'image', x: 0, y: 0, width: 100, height: 100, src, objectFit: 'contain' }],
      { width: 100, height: 100 },
    );
    expect(pixel(contain, 50, 5)).toEqual([255, 255, 255, 255]);
    expect(pixel(contain, 50, 50)).toEqual([0, 255, 0, 255]);
    const cover = await renderElements(
      [{ type: 'image', x: 0, y: 0, width: 100, height: 100, src, objectFit: 'cover' }],
      { width: 100, height: 100 },
    );
    expect(pixel(cover, 50, 5)).toEqual([0, 255, 0, 255]);
  });
});

describe('image filters', () => {
  it('applies brightness and saturate like CSS filters', async () => {
    const grey = await sharp({
      create: { width: 4, height: 4, channels: 3, background: '#c86432' },
    })
      .png()
      .toBuffer();
    const src = `data:image/png;base64,${grey.toString('base64')}`;
    const at = (extra: Record<string, unknown>) =>
      renderElements(
        [{ type: 'image', x: 0, y: 0, width: 50, height: 50, src, objectFit: 'fill', ...extra }],
        { width: 50, height: 50 },
      );
    expect(pixel(await at({}), 25, 25)).toEqual([200, 100, 50, 255]);
    const dark = pixel(await at({ brightness: 50 }), 25, 25);
    expect(dark[0]).toBeGreaterThanOrEqual(99);
    expect(dark[0]).toBeLessThanOrEqual(101);
    const mono = pixel(await at({ saturate: 0 }), 25, 25);
    expect(Math.abs(mono[0] - mono[1]) + Math.abs(mono[1] - mono[2])).toBeLessThan(3);
  });
});
