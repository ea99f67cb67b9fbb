// Loads every image an element refers to into a data: URL before composing (composition is
// synchronous). Sources: data: URLs, sandbox assets, and http(s) only when allowed.
import sharp from 'sharp';
import type { LoadedImage } from './svg/context.js';
import { toText } from './svg/element.js';
import type { CanvasElement, RenderJobInput } from './types.js';

const MAX_REMOTE_BYTES = 20 * 1024 * 1024;
const REMOTE_TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function sniff(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  if (head.startsWith('GIF8')) return 'image/gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head.replace(/^\uFEFF/, ''))) {
    return 'image/svg+xml';
  }
  return undefined;
}

/** PNG, JPEG and SVG are drawn as they are; other formats are converted to PNG first. */
async function toDataUrl(bytes: Uint8Array): Promise<LoadedImage | undefined> {
  const type = sniff(bytes);
  if (type === undefined) return undefined;
  if (type === 'image/png' || type === 'image/jpeg' || type === 'image/svg+xml') {
    return { href: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
  }
  try {
    const png = await sharp(bytes).png().toBuffer();
    return { href: `data:image/png;base64,${png.toString('base64')}` };
  } catch {
    return undefined;
  }
}

function decodeDataUrl(src: string): Uint8Array | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(src);
  if (match === null) return undefined;
  const payload = match[3] ?? '';
  return match[2]
    ? new Uint8Array(Buffer.from(payload, 'base64'))
    : new TextEncoder().encode(decodeURIComponent(payload));
}

async function fetchRemote(url: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_REMOTE_BYTES) return undefined;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > MAX_REMOTE_BYTES ? undefined : bytes;
  } catch {
    return undefined;
  }
}

async function loadOne(src: string, input: RenderJobInput): Promise<LoadedImage | undefined> {
  if (/^data:/i.test(src)) {
    const bytes = decodeDataUrl(src);
    return bytes === undefined ? undefined : toDataUrl(bytes);
  }
  if (/^https?:\/\//i.test(src)) {
    const url = new URL(src);
    // The sandbox's own asset URLs resolve locally, without network access.
    if (LOOPBACK.has(url.hostname) && url.pathname.startsWith('/assets/') && input.resolveAsset) {
      const local = input.resolveAsset(url.pathname);
      if (local !== undefined) return toDataUrl(local);
    }
    if (!input.allowRemoteImages) return undefined;
    const bytes = await fetchRemote(src);
    return bytes === undefined ? undefined : toDataUrl(bytes);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined; // file:, ftp: … are never read
  const bytes = input.resolveAsset?.(src);
  return bytes === undefined ? undefined : toDataUrl(bytes);
}

export async function loadImages(
  elements: CanvasElement[],
  input: RenderJobInput,
): Promise<Map<string, LoadedImage>> {
  const sources = new Set<string>();
  for (const element of elements) {
    const type = String(element.type).toLowerCase();
    const src = toText(element.src).trim();
    if ((type === 'image' || type === 'svg') && src !== '' && element.visible !== false) {
      sources.add(src);
    }
  }
  const images = new Map<string, LoadedImage>();
  await Promise.all(
    [...sources].map(async (src) => {
      try {
        const loaded = await loadOne(src, input);
        if (loaded !== undefined) images.set(src, loaded);
      } catch {
        // An unreadable source becomes the placeholder box.
      }
    }),
  );
  return images;
}
