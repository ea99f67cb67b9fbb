import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoRun, runDemo } from './run-demo.js';

describe('the demo against the embedded sandbox', () => {
  let run: DemoRun;

  beforeAll(async () => {
    run = await runDemo({ outDir: await mkdtemp(join(tmpdir(), 'canvelete-demo-')) });
  }, 120_000);

  it('passes every scenario', () => {
    expect(run.results.filter((r) => !r.ok).map((r) => `${r.scenario}: ${r.error}`)).toEqual([]);
    expect(run.results.map((r) => r.scenario)).toEqual([
      'certificate',
      'product-cards',
      'daily-post',
      'product-launch',
      'render-completed',
    ]);
  });

  it('writes a certificate PDF of A4 landscape', async () => {
    const pdf = await PDFDocument.load(await readFile(join(run.outDir, 'certificate-core.pdf')));
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
  });

  it('renders one distinct card per product', async () => {
    const cards = run.results.find((r) => r.scenario === 'product-cards')!.artifacts;
    expect(cards).toHaveLength(3);
    const pixels = await Promise.all(
      cards.map(async (card) => {
        const image = sharp(await readFile(join(run.outDir, card.file)));
        expect(await image.metadata()).toMatchObject({ format: 'png', width: 400, height: 500 });
        return (await image.raw().toBuffer()).toString('base64');
      }),
    );
    expect(new Set(pixels).size).toBe(3);
  });

  it('renders the social image at 1200×630', async () => {
    const social = await sharp(
      await readFile(join(run.outDir, 'launch-social-core.png')),
    ).metadata();
    expect([social.width, social.height]).toEqual([1200, 630]);
  });

  it('writes a gallery that shows every image and links the PDF', async () => {
    const html = await readFile(run.galleryPath, 'utf8');
    expect(html).toContain('<img src="launch-social-core.png"');
    expect(html).toContain('<a href="certificate-core.pdf">');
    expect(html).not.toContain('failed</td>');
  });
});
